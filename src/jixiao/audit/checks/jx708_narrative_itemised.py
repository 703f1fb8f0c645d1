"""JX708: the points itemised in a paragraph do not add up to the score it then states."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.audit.prose_components import SUMMARY
from jixiao.audit.prose_location import document_passages, passage_location

AWARD = re.compile(r"(?:得分|[得的])(?P<points>\d+(?:\.\d+)?)分")


class ItemisedPointsNotSum(Check):
    """段落逐项写出的“得 X 分”之和，与段末所述该类指标得分不符。

    反例：“……得1分；……得4分；……得3分；……得1分。部门职能总评价分10分，实际得分8分。”
    （逐项合计 9 分）。
    正例：逐项得分之和等于段末的得分。
    """

    code = "JX708"
    title = "正文逐项得分之和与小计不符"
    family = "prose"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        seen: set[str] = set()
        for passage in document_passages(context):
            text = passage.text
            summaries = list(SUMMARY.finditer(text))
            if len(summaries) != 1:
                continue
            summary = summaries[0]
            awards = [Decimal(m.group("points")) for m in AWARD.finditer(text, 0, summary.start())]
            if len(awards) < 2 or text in seen:
                continue
            seen.add(text)
            total = sum(awards, Decimal(0))
            stated = Decimal(summary.group("score"))
            if total == stated:
                continue
            yield self.finding(
                f"段内逐项得分 {' + '.join(plain(a) for a in awards)} = {plain(total)} 分，"
                f"段末却写“{summary.group('label')}”得分 {plain(stated)} 分",
                location=passage_location(
                    context.document, passage, summary.start(), summary.end()
                ),
                claimed=stated,
                expected=total,
            )
