"""JX702: 占比与数字不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue, share_issues
from jixiao.audit.prose_location import ProseIssueCheck


class ShareWrong(ProseIssueCheck):
    """分项占合计的比例（占比）与同句、同节的数字不符。

    反例：“基本支出173.86万元，其中：……公用经费31.84万元，占基本支出的19%”
    （31.84 ÷ 173.86 = 18.31%）；“一般公共服务支出171.38万元，占0.79%”
    （应为 79.15%，把比值当成了百分数）。
    正例：占比 = 分项 ÷ 合计 × 100%，按原文精度四舍五入（18%）。
    截尾（81.69% 写作 81%）以“提示”报告。
    """

    code = "JX702"
    title = "占比与数字不符"

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return share_issues(items)
