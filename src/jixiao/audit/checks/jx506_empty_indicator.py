"""JX506: an indicator row without a name."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    evaluations,
    indicator_location,
    is_placeholder_row,
    plain,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class UnnamedIndicator(Check):
    """三级指标名称为空：有分值、目标或得分却没有名称，或整行空白。

    反例：满意度指标行目标 100%、实际 100%、得分 10，三级指标名称空白；
    “经济效益指标”下只有二级指标标签，没有任何指标。
    正例：每一行都有指标名称；确无该类指标的，删去该行（或写明“不适用”及原因）。
    """

    code = "JX506"
    title = "指标名称为空"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                if squeeze(item.name) or is_placeholder_row(item):
                    continue
                values = [
                    f"{label} {value}"
                    for label, value in (
                        ("分值", plain(item.weight) if item.weight is not None else None),
                        ("目标", item.target),
                        ("实际", item.actual),
                        ("得分", plain(item.claimed_score) if item.claimed_score is not None
                         else None),
                    )
                    if value
                ]
                where = "/".join(squeeze(p) for p in (item.level1, item.level2) if p)
                message = (
                    f"“{where}”下的指标有{'、'.join(values)}，却没有名称"
                    if values
                    else f"“{where}”下是空白行，没有指标、目标或实际值"
                )
                yield self.finding(
                    message,
                    location=indicator_location(index, form, number, "name"),
                    claimed="",
                    expected="指标名称",
                )
