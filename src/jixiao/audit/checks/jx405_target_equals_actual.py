"""JX405: the target equals the actual while the stated annual goal gives another number."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import indicator_location, plain, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.audit.prose_goals import goal_matches, target_figure


class TargetSetToActual(Check):
    """目标值与实际完成值完全相同，而年度总体目标对同一事项给出了另一个数字。

    反例：年度总体目标写“形成评估或结题报告15篇”，指标表目标值 ≥13篇、实际 13篇、完成率 100%。
    正例：指标目标值取自年度总体目标（15篇），实际 13篇，完成率 86.67%，按规则扣分并说明偏差。
    目标值按实际值倒填，会把未完成的任务变成满分。
    """

    code = "JX405"
    title = "目标值按实际值倒填"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            for number, mention in goal_matches(form):
                item = form.indicators[number]
                goal, clause, target = mention.figure, mention.clause.strip(), item.target
                actual = target_figure(item.actual)
                mine = target_figure(item.target)
                if actual is None or mine is None:
                    continue
                if mine.value != actual.value or goal.value == mine.value:
                    continue
                yield self.finding(
                    f"目标值 {target} 与实际值 {item.actual} 相同，而年度总体目标写"
                    f"“{clause}”（{plain(goal.number)}{goal.unit}）",
                    location=indicator_location(index, form, number, "target"),
                    claimed=target,
                    expected=goal.text,
                )
