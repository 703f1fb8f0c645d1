"""JX711: a stated count differs from the number of items listed after it (prose)."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_lists import enumeration_issues
from jixiao.audit.prose_location import ProseIssueCheck


class CountVersusList(ProseIssueCheck):
    """写明的个数与其后列举的项数不符。

    “下设N个科室：甲、乙、丙”“包括N家单位，分别是甲、乙、丙”：冒号或“分别是、包括、即”
    之后、到本分句结束为止用顿号隔开的各项，应正好是N项（最后一项可用“和、及”连接）。
    列举写了“等”“……”、按“一是、二是”分点，或某项含数字时不核对。用“分别是、即”明确列全
    并在句末结束的列举，项数不符报“错误”；其余（冒号、“包括”）只报“警告”，因为列举可能
    另有所指。
    反例：“局属单位共4个，分别是信息中心、档案室、培训中心。”（列出3个）
    正例：“局属单位共3个，分别是信息中心、档案室、培训中心。”
    """

    code = "JX711"
    title = "所述个数与列举项数不符"

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return enumeration_issues(items)
