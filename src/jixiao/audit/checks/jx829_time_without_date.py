"""JX829: a time indicator (时效指标) whose value gives no date or time limit."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, row_location, said
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind


class TimeIndicatorWithoutDate(Check):
    """时效指标的指标值没有日期或时限，只写“及时”“按时”“按计划”。

    时效指标要写明完成的时间节点（“2025年11月底前”）或时限（“≤30日”），否则年底无法
    判断是否按时。
    反例：时效指标“工程完工时间”，指标值“及时”。
    正例：指标值“2025年11月底前”或“≤30日”。
    """

    code = "JX829"
    title = "时效指标没有日期或时限"
    family = "declaration"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                if "时效" not in (row.level2 or "") or not said(row.target):
                    continue
                if row.target_quantity.kind is not QuantityKind.QUALITATIVE:
                    continue  # a date, or a number of days or months
                yield self.finding(
                    f"时效指标“{row.name}”的指标值“{row.target}”没有日期或时限",
                    location=row_location(index, form, number, "target"),
                    claimed=row.target,
                    expected="完成日期（如 2025年11月底前）或时限（如 ≤30日）",
                )
