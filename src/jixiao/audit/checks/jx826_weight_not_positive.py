"""JX826: a declared indicator weight that is zero or negative."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.common import plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class WeightNotPositive(Check):
    """申报表列有分值（权重）时，某个指标的分值为 0 或负数。

    考核的指标必须有正的分值；零分指标不影响结果，负分值无意义。不考核的指标应删去。
    反例：分值一栏 10、10、0。
    正例：每个指标分值大于 0，且各指标分值合计符合规定。
    """

    code = "JX826"
    title = "指标分值不为正"
    family = "declaration"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                if row.weight is not None and row.weight <= 0:
                    yield self.finding(
                        f"指标“{row.name}”的分值为 {plain(row.weight)}",
                        location=row_location(index, form, number, "weight"),
                        claimed=row.weight,
                        expected="大于 0",
                    )
