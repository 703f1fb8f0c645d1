"""JX709: 增减用词与数字相反（正文）."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.audit.prose import Passage, ProseIssue
from jixiao.audit.prose_location import ProseIssueCheck
from jixiao.audit.prose_signs import sign_issues


class SignWords(ProseIssueCheck):
    """“与上年相比无增减”“较预算无变化”“减少”等用词与同句的本年数和比较基数不符。

    比较句（与上年相比、较年初预算、比上年）把本句自己的金额与它的基数连在一起：基数写在
    比较词里（“较上年1,757.02万元增加”）或同句写明的上年数、预算数。两数都印出时，“无增减”
    “无变化”“持平”只在二者相同（按各数印出精度的舍入区间相交，整数视为精确）时成立，“增加”
    只用于上升，“减少”只用于下降。
    反例：“因公出国（境）费预算数为20万元，决算数为0万元，与预算相比无增减”（实为减少 20 万元）。
    正例：“因公出国（境）费预算数为20万元，决算数为0万元，比预算减少20万元”。
    基数未在正文印出时不作判断；增长率已由决算核对（JX604）核对的数字不再重复报告。
    """

    code = "JX709"
    title = "增减用词与数字相反"
    judged_by_accounts = ("amount", "previous", "budget")

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        return sign_issues(items)
