"""JX608: 机关运行经费 exceeds 公用经费 (plausibility)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class OfficeRunningCosts(Check):
    """机关运行经费大于公用经费。

    机关运行经费是行政单位（含参公事业单位）用一般公共预算财政拨款安排的基本支出中的公用经费
    （rules.md R5.4），因此通常不超过一般公共预算财政拨款基本支出中的公用经费。超过时多为口径
    不同（含了项目支出）或数字抄错，以“警告”提示核实。纯事业单位写 0 或“不适用”不报告。
    反例：公用经费 31.84 万元，机关运行经费 41.84 万元。
    正例：公用经费 142.79 万元，机关运行经费 142.79 万元。
    """

    code = "JX608"
    title = "机关运行经费大于公用经费"
    family = "final_accounts"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            running = accounts.office_running
            operating = accounts.amount("general_budget.operating")
            if running is None or running.amount is None or operating is None:
                continue
            if running.amount.value <= operating:
                continue
            yield self.finding(
                f"机关运行经费 {money(running.amount.value)} 大于公用经费 {money(operating)}；"
                "机关运行经费属于基本支出中的公用经费，请核实口径或数字",
                location=location(index, accounts, "office_running", running.amount, running),
                claimed=running.amount.value,
                expected=f"≤ {operating}",
            )
