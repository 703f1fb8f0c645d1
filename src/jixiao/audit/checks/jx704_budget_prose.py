"""JX704: 预决算比较与数字不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue, budget_issues
from jixiao.audit.prose_location import ProseIssueCheck


class BudgetRatioWrong(ProseIssueCheck):
    """“完成预算的 P%”、预决算差异率或“决算数大于/小于预算数”与同句的预算数、决算数不符。

    反例：“年初预算为237.06万元，支出决算为171.38万元，完成年初预算的91%”
    （应为 72.29%）；预算为 0 却写“完成预算的17%”。
    正例：完成比例 = 决算数 ÷ 预算数 × 100%；差异率 = (决算 − 预算) ÷ 预算 × 100%；
    预算为 0 时不写比例。截尾以“提示”报告。
    """

    code = "JX704"
    title = "预决算比较与数字不符"

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return budget_issues(items)
