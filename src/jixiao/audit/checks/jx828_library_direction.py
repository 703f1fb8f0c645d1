"""JX828: a known common indicator declared with the wrong direction or unit."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.common import squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Comparator, QuantityKind
from jixiao.rules.library import LibraryIndicator, builtin_library

_WRONG = {"正向": (Comparator.LE, Comparator.LT), "反向": (Comparator.GE, Comparator.GT)}


@cache
def _known() -> dict[str, tuple[LibraryIndicator, str]]:
    found: dict[str, tuple[LibraryIndicator, str]] = {}
    # Declarations are of project spending: its common indicators first.
    for entry in sorted(builtin_library(), key=lambda e: e.level != "项目支出"):
        for name in (entry.indicator.name, *entry.indicator.aliases):
            found.setdefault(squeeze(name), (entry.indicator, entry.source))
    return found


class LibraryDirection(Check):
    """指标库中的共性指标，申报的指标值方向或单位与指标库不符。

    例如“预算执行率”“服务对象满意度”是正向指标（越高越好），指标值应写“≥”；“在职人员控制率”
    是反向指标，应写“≤”；满意度以百分数表示。方向写反，年底自评会把完成说成未完成。
    指标库见 `jixiao indicators`。
    反例：“服务对象满意度”指标值“≤90%”；“服务对象满意度”指标值“≥90分”。
    正例：“服务对象满意度”指标值“≥90%”。
    """

    code = "JX828"
    title = "共性指标的方向或单位与指标库不符"
    family = "declaration"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        known = _known()
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                match = known.get(squeeze(row.name))
                quantity = row.target_quantity
                if match is None or quantity.kind is not QuantityKind.NUMBER:
                    continue
                item, source = match
                location = row_location(index, form, number, "target")
                if quantity.comparator in _WRONG.get(item.direction, ()):
                    yield self.finding(
                        f"“{row.name}”是{item.direction}指标（{source}），指标值“{row.target}”"
                        "方向相反",
                        location=location, claimed=row.target,
                        expected="≥…" if item.direction == "正向" else "≤…",
                    )  # fmt: skip
                elif item.unit == "%" and quantity.unit != "%" and not row.name.endswith("率"):
                    yield self.finding(
                        f"“{row.name}”以百分数表示（{source}），指标值“{row.target}”不是百分数",
                        location=location, claimed=row.target, expected="…%",
                    )  # fmt: skip
