"""JX204: the execution points are not weight × min(rate, 100%)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import ZERO, form_location, form_result, judge, plain, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class ExecutionPointsWrong(Check):
    """执行率得分不等于“分值 × 执行率”（执行率超过 100% 时按满分）。

    反例：全年预算 74.13 万元、执行 74.01 万元（99.84%），执行率得分却填满分 10 分（应为 9.98）。
    正例：得分 = 10 × 74.01 / 74.13 = 9.98（四舍五入到两位小数）。
    """

    code = "JX204"
    title = "执行率得分计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset({"execution_weight", "column:execution_score"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            result = form_result(context, index)
            execution = result.execution if result else None
            if execution is None or execution.claimed_score is None:
                continue
            if execution.computed_score is None or execution.computed_rate is None:
                continue
            verdict = judge(execution.claimed_score, execution.computed_score)
            if not verdict.wrong:
                continue
            severity, note = verdict.severity, verdict.note
            if execution.from_sources:
                note += "（合计行为空或 0，按各资金来源之和计算）"
                severity = Severity.WARNING if severity is Severity.ERROR else severity
            yield self.finding(
                f"执行率 {plain(execution.executed or ZERO)} / {plain(execution.budget or ZERO)} = "
                f"{execution.computed_rate}%，得分应为 {plain(execution.weight)} × "
                f"{execution.computed_rate}% = {execution.computed_score}，原文为 "
                f"{plain(execution.claimed_score)}{note}",
                location=form_location(index, form, "claimed_execution_score"),
                claimed=execution.claimed_score,
                expected=execution.computed_score,
                severity=severity,
                tolerance=verdict.tolerance,
            )
