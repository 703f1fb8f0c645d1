"""JX405: the target equals the actual while the stated annual goal gives another number."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import indicator_location, plain, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.audit.prose_goals import (
    GoalMention,
    bigrams,
    goal_mentions,
    match_goal,
    target_figure,
)
from jixiao.model.evaluation import SelfEvaluationBase


def goal_matches(form: SelfEvaluationBase) -> Iterator[tuple[int, GoalMention]]:
    """(indicator number, the goal's mention) for every indicator whose thing the annual
    goal (预期目标) also quantifies."""
    mentions = goal_mentions(form.goal_expected or "")
    if not mentions:
        return
    targets = {n: target_figure(i.target) for n, i in enumerate(form.indicators)}
    units = [f.unit for f in targets.values() if f is not None]
    matched: set[int] = set()
    for number, figure in targets.items():
        if figure is None:
            continue
        item = form.indicators[number]
        mention = match_goal(item.name, figure, mentions, units.count(figure.unit) == 1)
        if mention is not None:
            matched.add(number)
            yield number, mention
    # A goal figure used once in its unit, sharing words with exactly one unmatched indicator.
    for mention in mentions:
        if sum(1 for m in mentions if m.figure.unit == mention.figure.unit) != 1:
            continue
        near = [
            n for n, f in targets.items()
            if f is not None and n not in matched and f.unit == mention.figure.unit
            and bigrams(form.indicators[n].name) & bigrams(mention.clause)
        ]
        if len(near) == 1 and (figure := targets[near[0]]) is not None:
            low, high = sorted((figure.value, mention.figure.value))
            if low > 0 and high / low <= 2:
                yield near[0], mention


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
