"""JX703: 增减幅度与数字不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue, growth_issues
from jixiao.audit.prose_location import ProseIssueCheck


class GrowthWrong(ProseIssueCheck):
    """增长率、下降率与同句的本年数和增减额不符，或增减方向的措辞自相矛盾。

    反例：“支出216.53万元……减少36.28万元，减少0.14%”（上年 252.81 万元，应下降 14.35%）。
    正例：增减率 = 增减额 ÷ 上年数 × 100%，上年数 = 本年数 ∓ 增减额；
    增加用“增长”，减少用“下降”。
    截尾以“提示”报告。
    """

    code = "JX703"
    title = "增减幅度与数字不符"

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return growth_issues(items)
