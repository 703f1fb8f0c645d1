"""JX705: 分项之和与合计不符（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_components import component_issues
from jixiao.audit.prose_location import ProseIssueCheck


class ComponentsNotSum(ProseIssueCheck):
    """正文中“共 X，其中 A、B、C”或“共计 X……具体情况：A……B”的分项之和不等于 X。

    反例：“共计74.01万元。具体情况：……支付工程尾款65.241万元。一个物业管理费跨年尾款
    8.895万元”（分项合计 74.136 万元）。
    正例：分项之和等于合计；只列部分分项时写明“其中主要有”。
    差额在各数四舍五入的尾差以内、或“其中”所列分项少于合计（可能只列了一部分）时，
    以“提示”报告。
    """

    code = "JX705"
    title = "分项之和与合计不符"
    judged_by_accounts = ("sum_part",)

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return component_issues(items)
