"""JX827: an annual quantity target above the long-term target of the same indicator."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.common import squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Comparator, QuantityKind

_UPWARD = (None, Comparator.GE, Comparator.GT, Comparator.EQ)


class AnnualAboveLongTerm(Check):
    """同一数量指标，年度指标值大于长期（总体）指标值。

    长期目标是整个实施期的累计数，年度目标是其中一年的份额，累计的数量不应小于一年的数量。
    只比较名称相同、单位相同、均为数值且“越大越好”的数量指标；若长期指标值写的是每年的数，
    请在备注中说明。
    反例：长期绩效指标“改造农村公路 ≥50公里”，年度绩效指标“改造农村公路 ≥80公里”。
    正例：长期“≥200公里”，年度“≥50公里”。
    """

    code = "JX827"
    title = "年度指标值大于长期指标值"
    family = "declaration"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            long_term = {squeeze(row.name): row for row in form.indicator_rows
                         if row.period == "long_term"}  # fmt: skip
            for number, row in enumerate(form.indicator_rows):
                other = long_term.get(squeeze(row.name))
                if row.period != "annual" or other is None or "数量" not in (row.level2 or ""):
                    continue
                annual, total = row.target_quantity, other.target_quantity
                if annual.kind is not QuantityKind.NUMBER or total.kind is not QuantityKind.NUMBER:
                    continue
                if annual.comparator not in _UPWARD or total.comparator not in _UPWARD:
                    continue
                if annual.unit != total.unit or annual.unit == "%" or annual.value is None:
                    continue
                if total.value is None or annual.value <= total.value:
                    continue
                yield self.finding(
                    f"年度指标值“{row.target}”大于长期指标值“{other.target}”",
                    location=row_location(index, form, number, "target"),
                    claimed=row.target,
                    expected=f"不大于 {other.target}",
                )
