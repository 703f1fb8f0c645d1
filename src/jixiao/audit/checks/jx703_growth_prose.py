"""JX703: 增减幅度与数字不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_location import ProseIssueCheck
from jixiao.audit.prose_rates import growth_issues


class GrowthWrong(ProseIssueCheck):
    """增长率、下降率与同句的本年数和增减额不符，或增减方向的措辞自相矛盾。

    反例：“支出216.53万元……减少36.28万元，减少0.14%”（上年 252.81 万元，应下降 14.35%）。
    正例：增减率 = 增减额 ÷ 上年数 × 100%，上年数 = 本年数 ∓ 增减额；
    增加用“增长”，减少用“下降”。
    增减额与增长率配对于本句自己的金额与基数：句中写出上年数（或比较预算时的预算数）就以它为
    基数，否则基数 = 本年数 − 增减额；比上年的比较不拿预算数当本年数。倒推的基数很小、
    增长率达数百个百分点时只报“警告”。
    各输入数各带印出精度的舍入区间（±末位半个单位），原文落在二者允许的区间之外才算错；
    截尾报“警告”。期末决算说明中已由决算核对（JX6xx）读取并核对的数字不再重复报告。
    """

    code = "JX703"
    title = "增减幅度与数字不符"
    judged_by_accounts = ("growth",)

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return growth_issues(items)
