"""JX702: 占比与数字不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_location import ProseIssueCheck
from jixiao.audit.prose_rates import share_issues


class ShareWrong(ProseIssueCheck):
    """分项占合计的比例（占比）与同句、同节的数字不符。

    反例：“基本支出173.86万元，其中：……公用经费31.84万元，占基本支出的19%”
    （31.84 ÷ 173.86 = 18.31%）；“一般公共服务支出171.38万元，占0.79%”
    （应为 79.15%，把比值当成了百分数）。
    正例：占比 = 分项 ÷ 合计 × 100%（18%）。合计取句中“占……的”所指之数，未写明时取“其中”
    之前的总数；“任务占比”“占目标的”之类以未印出的任务数为基数、以及超过 100% 的“占比”不是
    分项占合计，不核对。
    分项与合计各带印出精度的舍入区间（±末位半个单位），原文落在二者允许的区间之外才算错；
    截尾报“警告”。期末决算说明中已由决算核对（JX6xx）读取并核对的数字不再重复报告。
    """

    code = "JX702"
    title = "占比与数字不符"
    judged_by_accounts = ("share",)

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return share_issues(items)
