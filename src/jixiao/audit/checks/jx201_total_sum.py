"""JX201: the claimed total is not the sum of the claimed scores."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import ZERO, evaluations, form_location, judge, plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import SelfEvaluationBase


class TotalNotSumOfScores(Check):
    """总分（综合得分）不等于各项得分之和（含执行率得分）。

    反例：各指标得分合计 90 分，执行率得分未填，总分却填 100 分。
    正例：总分 = 执行率得分 + 各三级指标得分；按总分的原文精度四舍五入后相等。
    只做原文数字的加总，不重新评分（按规则重新计算见 JX302）。
    """

    code = "JX201"
    title = "总分不等于各项得分之和"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset({"table", "column:claimed_score"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            scores = [i.claimed_score for i in form.indicators if i.claimed_score is not None]
            if form.claimed_total is None or not scores:
                continue
            total = sum(scores, ZERO)
            parts = f"{len(scores)} 项指标得分合计 {plain(total)} 分"
            if isinstance(form, SelfEvaluationBase) and (
                form.execution_weight is not None or form.claimed_execution_score is not None
            ):
                execution = form.claimed_execution_score
                if execution is None:
                    parts += "，执行率得分未填"
                else:
                    total += execution
                    parts += f"，加执行率得分 {plain(execution)} 分共 {plain(total)} 分"
            verdict = judge(form.claimed_total, total)
            if verdict.wrong:
                yield self.finding(
                    f"{parts}，总分却为 {plain(form.claimed_total)} 分{verdict.note}",
                    location=form_location(index, form, "claimed_total"),
                    claimed=form.claimed_total,
                    expected=total,
                    severity=verdict.severity,
                    tolerance=verdict.tolerance,
                )
