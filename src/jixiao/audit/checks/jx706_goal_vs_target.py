"""JX706: an indicator's target differs from the number the annual goal states."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import indicator_location, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.audit.prose import Kind
from jixiao.audit.prose_goals import goal_matches, goal_mentions, target_figure
from jixiao.decimals import Agreement, agreement, printed_places, round_half_up
from jixiao.model.evaluation import SelfEvaluationBase
from jixiao.model.quantity import Comparator

_GE = (Comparator.GE, Comparator.GT)
_LE = (Comparator.LE, Comparator.LT)


class TargetContradictsGoal(Check):
    """指标的目标值与“年度总体目标（预期目标）”中同一事项的数字或方向不一致。

    反例：预期目标写“当期结案率达到93%以上”，指标表目标值 ≥99%；预期目标写“培训累计时间
    不少于40学时或者5天”，指标表目标值 ≤5天（方向相反）。
    正例：指标目标值与年度总体目标一致：≥93%、≥5天。
    目标值恰等于实际值的情形由 JX405 报告，此处不重复。
    """

    code = "JX706"
    title = "目标值与年度总体目标不一致"
    family = "prose"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            yield from self._rounded(index, form)
            for number, mention in goal_matches(form):
                item = form.indicators[number]
                mine, actual = target_figure(item.target), target_figure(item.actual)
                clause, target = mention.clause.strip(), item.target
                if mine is None:
                    continue
                goal = mention.figure
                if goal.value != mine.value:
                    if actual is not None and actual.value == mine.value:
                        continue  # JX405
                    yield self.finding(
                        f"目标值 {target}，年度总体目标却写“{clause}”",
                        location=indicator_location(index, form, number, "target"),
                        claimed=target,
                        expected=goal.text,
                    )
                    continue
                comparator = item.target_quantity.comparator
                if (mention.direction == ">=" and comparator in _LE) or (
                    mention.direction == "<=" and comparator in _GE
                ):
                    wanted = ">=" if mention.direction == ">=" else "<="
                    yield self.finding(
                        f"目标值 {target} 的方向与年度总体目标“{clause}”相反",
                        location=indicator_location(index, form, number, "target"),
                        claimed=target,
                        expected=f"{wanted}{goal.text}",
                    )

    def _rounded(self, index: int, form: SelfEvaluationBase) -> Iterator[Finding]:
        """A target that truncates a figure of the goal (8.895 printed as 8.89, not 8.90)."""
        goal = [m.figure for m in goal_mentions(form.goal_expected or "")]
        if not goal:
            return
        for number, item in enumerate(form.indicators):
            mine = target_figure(item.target)
            if mine is None or mine.kind is not Kind.MONEY:
                continue
            for figure in goal:
                if (
                    figure.kind is Kind.MONEY
                    and figure.value != mine.value
                    and agreement(mine.value, figure.value) is Agreement.TRUNCATED
                ):
                    yield self.finding(
                        f"目标值 {item.target} 是年度总体目标中 {figure.text} 截尾所得，"
                        f"四舍五入应为 {round_half_up(figure.value, printed_places(mine.value))}"
                        "万元",
                        location=indicator_location(index, form, number, "target"),
                        claimed=item.target,
                        expected=figure.text,
                        severity=Severity.INFO,
                    )
                    break
