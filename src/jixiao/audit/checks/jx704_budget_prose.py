"""JX704: 预决算比较与数字不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_location import ProseIssueCheck
from jixiao.audit.prose_rates import budget_issues


class BudgetRatioWrong(ProseIssueCheck):
    """“完成预算的 P%”、预决算差异率或“决算数大于/小于预算数”与同句的预算数、决算数不符。

    反例：“年初预算为237.06万元，支出决算为171.38万元，完成年初预算的91%”
    （应为 72.29%）；预算为 0 却写“完成预算的17%”。
    正例：完成比例 = 决算数 ÷ 预算数 × 100%；差异率 = (决算 − 预算) ÷ 预算 × 100%；
    预算为 0 时不写比例。
    预算数与决算数各带印出精度的舍入区间（±末位半个单位），原文落在二者允许的区间之外才算错；
    截尾报“警告”。期末决算说明中已由决算核对（JX6xx）读取并核对的数字不再重复报告。
    """

    code = "JX704"
    title = "预决算比较与数字不符"
    judged_by_accounts = ("completion", "variance_rate")

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return budget_issues(items)
