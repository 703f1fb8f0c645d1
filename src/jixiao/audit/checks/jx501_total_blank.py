"""JX501: the form has no total score (综合得分/总分)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    evaluations,
    form_location,
    form_result,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class TotalBlank(Check):
    """自评表或评分表没有填写总分（综合得分）。

    反例：单位整体支出绩效自评表列出了执行率得分和各指标得分，“总分”栏空白。
    正例：填写总分（= 执行率得分 + 各指标得分），自评报告的“绩效自评综合得分”也不留空。
    能重新计算时，期望值给出按规则计算的总分。
    """

    code = "JX501"
    title = "总分未填写"
    family = "completeness"
    severity = Severity.ERROR
    # the total is read from the score column of the total row: a guessed column leaves it open
    rests_on = frozenset({"table", "total_row", "column:claimed_score"})
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            if form.claimed_total is not None or not form.indicators:
                continue
            result = form_result(context, index)
            weighted = any(i.weight is not None for i in form.indicators)
            computed = result.computed_total if result and weighted else None
            yield self.finding(
                "总分（综合得分）未填写"
                + (f"；按规则计算应为 {computed} 分" if computed is not None else ""),
                location=form_location(index, form, "claimed_total"),
                claimed=None,
                expected=computed if computed is not None else "总分",
            )
