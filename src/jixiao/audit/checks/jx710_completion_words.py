"""JX710: 完成预算的比例与同句措辞矛盾（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_location import ProseIssueCheck
from jixiao.audit.prose_signs import completion_word_issues


class CompletionWords(ProseIssueCheck):
    """“完成年初预算的100%”而同一句又说决算超过（或低于）预算。

    完成预算的比例 = 决算数 ÷ 预算数 × 100%：决算超过预算时它大于 100%，低于预算时小于
    100%。同一句里比例与“超过年初预算”“决算数大于预算数”“决算数小于预算数”“未完成预算”
    等措辞必须一致；两者必有一处写错（常见的是照抄模板的“100%”）。
    反例：“支出决算120万元，完成年初预算的100%，超过年初预算的主要原因是追加了项目”。
    正例：“支出决算120万元，完成年初预算的120%，超过年初预算的主要原因是追加了项目”。
    同一句有几个完成比例时无法确定措辞说的是哪一个，只报“警告”。
    """

    code = "JX710"
    title = "完成预算比例与措辞矛盾"

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return completion_word_issues(items)
