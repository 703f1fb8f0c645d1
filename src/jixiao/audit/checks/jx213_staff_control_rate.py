"""JX213: the printed staff control rate is not 实际在职人数 / 编制数."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import HUNDRED, form_location, judge
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import parse_percent, round_half_up
from jixiao.model.basic_data import BasicDataTable


class StaffControlRateWrong(Check):
    """基础数据表的在职人员控制率与“实际在职人数 ÷ 编制数”不符。

    反例：编制数 14 人、实际在职 12 人，控制率印作 100%（应为 85.71%）。
    正例：控制率 = 12 / 14 × 100% = 85.71%。
    """

    code = "JX213"
    title = "在职人员控制率计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset[str]()

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in enumerate(context.document.forms):
            if not isinstance(form, BasicDataTable):
                continue
            printed = parse_percent(form.claimed_staff_control_rate)
            if printed is None or not form.authorized_staff or form.actual_staff is None:
                continue
            truth = Decimal(form.actual_staff) / Decimal(form.authorized_staff) * HUNDRED
            verdict = judge(printed, truth)
            if verdict.wrong:
                yield self.finding(
                    f"实际在职 {form.actual_staff} 人 / 编制 {form.authorized_staff} 人 = "
                    f"{round_half_up(truth)}%，原文为 {form.claimed_staff_control_rate}"
                    + verdict.note,
                    location=form_location(index, form, "claimed_staff_control_rate"),
                    claimed=form.claimed_staff_control_rate,
                    expected=f"{round_half_up(truth)}%",
                    severity=verdict.severity,
                    tolerance=verdict.tolerance,
                )
