"""JX104: a score above its weight."""

from __future__ import annotations

import re
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
from jixiao.model.evaluation import Indicator, SelfEvaluationBase

# Criteria that award points beyond the weight: "加1分", "最多加2分", "加分", "奖励1分".
_POINTS = r"\s*[\d.一二三四五两]*\s*分"
_BONUS_RE = re.compile(rf"(?<![不未免])(?:加{_POINTS}|奖励{_POINTS}|额外得分)")
_NO_BONUS_RE = re.compile(
    r"(?:不|不得|不予|不再|无)加分|不得超过(?:该项)?分值|以分值为限|扣完为止(?!.*加)"
)


def bonus_allowed(item: Indicator) -> str | None:
    """The criteria text of ``item`` when it explicitly allows points above the weight."""
    for text in (item.rule, item.explanation, item.points):
        if text and _BONUS_RE.search(squeeze(text)) and not _NO_BONUS_RE.search(squeeze(text)):
            return squeeze(text)
    return None


class ScoreAboveWeight(Check):
    """得分超过分值（满分）。

    反例：分值 5 分的指标得 6 分；执行率分值 10 分却得 12 分；“效益指标（30分）”下得分合计 31 分。
    正例：每项得分在 0 与其分值之间，分组得分合计不超过分组分值，总分不超过满分。
    评分标准写明可以加分（“有正面批示的加1分”“最多加2分”）时，得分超过分值未必有误，
    以“警告”报告，请核对加分是否有据、是否超过加分上限。
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
                    bonus = bonus_allowed(item)
                    yield self.finding(
                        f"得分 {plain(item.claimed_score)} 超过分值 {plain(item.weight)}"
                        + (f"；评分标准写明可加分（“{bonus[:40]}”），请核对加分依据及上限"
                           if bonus else ""),
                        location=indicator_location(index, form, number, "claimed_score"),
                        claimed=item.claimed_score,
                        expected=item.weight,
                        severity=Severity.WARNING if bonus else self.severity,
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
