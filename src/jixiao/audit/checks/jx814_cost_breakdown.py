"""JX814: the 成本测算 that does not add up, or does not come to the funds requested."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.checks.jx8_support import sum_findings
from jixiao.audit.common import form_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.declaration import TargetDeclaration


class CostBreakdownNotSum(Check):
    """成本测算各项之和不等于其“合计”，或成本测算合计不等于申报的资金总额。

    成本测算是申请预算的依据：每一笔钱做什么、按什么标准算出。各项加起来不等于合计，
    或合计与资金总额（年度申请数）对不上，预算就没有依据。上海等地另印项目期累计总额时，
    测算合计等于累计总额也视为相符。差额在各分项四舍五入尾差以内时只作提示。
    反例：设备购置 120 + 安装调试 30 + 培训 10 = 160 万元，“合计”却印 150 万元，资金总额 150。
    正例：120 + 30 + 10 = 合计 160 = 资金总额 160。
    """

    code = "JX814"
    title = "成本测算合计不符"
    family = "declaration"
    severity = Severity.ERROR
    rests_on = frozenset({"column:funding"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in enumerate(context.document.forms):
            if not isinstance(form, TargetDeclaration) or not form.cost_items:
                continue
            amounts = [item.amount for item in form.cost_items if item.amount is not None]
            if len(amounts) < len(form.cost_items):
                continue  # a line without its amount: the sum cannot be checked
            where = form_location(index, form, "cost_total")
            reckoned = form.cost_total
            if reckoned is not None:
                yield from sum_findings(self, f"成本测算 {len(amounts)} 项", reckoned, amounts,
                                        "成本测算“合计”", where)
            else:
                reckoned = sum(amounts, Decimal(0))
            total = form.total_funding
            if total is None or total.amount is None or total.cumulative == reckoned:
                continue
            where = form_location(index, form, "funding.amount", total.sources.get("amount"))
            yield from sum_findings(self, "成本测算", total.amount, [reckoned],
                                    f"“{total.source}”", where)
