"""JX104: a score above its weight."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    ZERO,
    evaluations,
    form_location,
    indicator_location,
    members,
    plain,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import SelfEvaluationBase


class ScoreAboveWeight(Check):
    """得分超过分值（满分）。

    反例：分值 5 分的指标得 6 分；执行率分值 10 分却得 12 分；“效益指标（30分）”下得分合计 31 分。
    正例：每项得分在 0 与其分值之间，分组得分合计不超过分组分值，总分不超过满分。
    修正：核对得分与分值是否填反、是否错行。
    """

    code = "JX104"
    title = "得分超过分值"
    family = "structure"
    severity = Severity.ERROR
    rests_on = frozenset({"column:weight", "column:claimed_score"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                if item.weight is None or item.claimed_score is None:
                    continue
                if item.claimed_score > item.weight:
                    yield self.finding(
                        f"得分 {plain(item.claimed_score)} 超过分值 {plain(item.weight)}",
                        location=indicator_location(index, form, number, "claimed_score"),
                        claimed=item.claimed_score,
                        expected=item.weight,
                    )
            if isinstance(form, SelfEvaluationBase):
                weight, score = form.execution_weight, form.claimed_execution_score
                if weight is not None and score is not None and score > weight:
                    yield self.finding(
                        f"执行率得分 {plain(score)} 超过分值 {plain(weight)}",
                        location=form_location(index, form, "claimed_execution_score"),
                        claimed=score,
                        expected=weight,
                    )
            names = Counter((g.level, squeeze(g.name)) for g in form.groups)
            for number, group in enumerate(form.groups):
                if names[(group.level, squeeze(group.name))] > 1:
                    continue  # a heading printed twice is JX107's business
                scores = [
                    i.claimed_score for i in members(form, group) if i.claimed_score is not None
                ]
                if group.weight is None or not scores:
                    continue
                got = sum(scores, ZERO)
                if got > group.weight:
                    location = form_location(index, form, f"groups.{number}")
                    yield self.finding(
                        f"“{squeeze(group.name)}”下得分合计 {plain(got)} 分，超过该组分值 "
                        f"{plain(group.weight)} 分",
                        location=location,
                        claimed=got,
                        expected=group.weight,
                        rests_on={"group", "column:claimed_score"},
                    )
            full = form.total_weight
            if full is not None and form.claimed_total is not None and form.claimed_total > full:
                yield self.finding(
                    f"总分 {plain(form.claimed_total)} 超过满分 {plain(full)}",
                    location=form_location(index, form, "claimed_total"),
                    claimed=form.claimed_total,
                    expected=full,
                )
