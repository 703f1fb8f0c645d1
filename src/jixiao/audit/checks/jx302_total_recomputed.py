"""JX302: the claimed total differs from the total recomputed under the pack's rules."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx3_support import direction_unstated
from jixiao.audit.common import ZERO, evaluations, form_location, form_result, judge, plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import SelfEvaluationBase


class TotalContradictsRules(Check):
    """总分与按规则包重新计算的总分不符。

    反例：执行率得分应为 9.98 却填 10，另一项成本指标应得 4 分却填 3.9 分，总分填 99.90
    （重新计算为 99.98）。
    正例：总分等于按规则逐项重新计算（每项四舍五入到两位小数）后的合计。
    原文总分只是没把原文各项加对的情形由 JX201 报告；此处只在重新计算改变了结果时报告，
    并指出差异来自哪些项目（逐项差异见 JX301、JX204）。差异来自方向未标明的指标（见 JX301）
    时以“警告”报告。
    """

    code = "JX302"
    title = "总分与按规则重新计算的结果不符"
    family = "rule_conformance"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            result = form_result(context, index)
            if result is None or form.claimed_total is None or result.computed_total is None:
                continue
            claimed_sum = sum(
                (i.claimed_score for i in form.indicators if i.claimed_score is not None), ZERO
            )
            if isinstance(form, SelfEvaluationBase) and form.claimed_execution_score:
                claimed_sum += form.claimed_execution_score
            if result.computed_total == claimed_sum:
                continue  # nothing was rescored; JX201 covers a mis-added total
            verdict = judge(form.claimed_total, result.computed_total)
            if not verdict.wrong:
                continue
            changed = [i.name for i in result.indicators if i.agrees is False]
            if result.execution is not None and result.execution.agrees is False:
                changed.insert(0, "执行率得分")
            because = f"（差异来自：{'、'.join(changed[:5])}" if changed else "（"
            because += "等）" if len(changed) > 5 else "）"
            notes = "；".join(result.notes)
            severity = verdict.severity
            if severity is Severity.ERROR and any(
                i.agrees is False and direction_unstated(form.indicators[i.index])
                for i in result.indicators
            ):
                severity = Severity.WARNING
                notes = "；".join([*result.notes, "部分差异来自未标明 ≥/≤ 的指标，方向系推定"])
            yield self.finding(
                f"按规则包 {context.pack.name} 重新计算总分为 {result.computed_total}，原文为 "
                f"{plain(form.claimed_total)}{because if changed else ''}"
                + (f"；{notes}" if notes else ""),
                location=form_location(index, form, "claimed_total"),
                claimed=form.claimed_total,
                expected=result.computed_total,
                severity=severity,
                tolerance=verdict.tolerance,
            )
