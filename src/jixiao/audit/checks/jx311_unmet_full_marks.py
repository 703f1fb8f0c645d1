"""JX311: a "≥" target not reached, yet scored in full, where the rule could not say."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    evaluations,
    form_result,
    indicator_location,
    indicator_result,
    plain,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import round_half_up
from jixiao.model.quantity import Comparator
from jixiao.rules.measure import ONE, Direction, compare


class UnmetTargetFullMarks(Check):
    """“≥”目标未达成却得满分。

    反例：目标“≥100%”、实际 72.74%，分值 2 分得 2 分；评分规则未能核算（评判性规则、
    规则文字无法解析），按完成比例应得 2 × 72.74% = 1.45 分。
    正例：未达成的按完成比例计分（或写明规则允许的档次）；已达成才得满分。
    只报告规则包未能算出得分、或只是接受原得分的指标（规则算出不同得分的由 JX301 报告）；
    目标须印有“≥”或“>”，实际值与目标同一计量单位。
    """

    code = "JX311"
    title = "未达成目标却得满分"
    family = "rule_conformance"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            result = form_result(context, index)
            for number, item in enumerate(form.indicators):
                scored = indicator_result(result, number)
                if scored is not None and scored.status in ("computed", "not_applicable"):
                    continue  # the rule scored it: JX301 compares
                target = item.target_quantity
                if (
                    item.weight is None
                    or item.claimed_score != item.weight
                    or target.comparator not in (Comparator.GE, Comparator.GT)
                ):
                    continue
                comparison = compare(target, item.actual_quantity)
                if (
                    comparison is None
                    or comparison.met
                    or comparison.ratio is None
                    or comparison.direction is not Direction.POSITIVE
                    or comparison.ratio >= ONE
                ):
                    continue
                proportional = round_half_up(item.weight * comparison.ratio)
                rate = round_half_up(comparison.ratio * 100)
                yield self.finding(
                    f"目标 {item.target}、实际 {item.actual}，完成 {rate}%，未达成却得满分 "
                    f"{plain(item.claimed_score)} 分；按完成比例应为 {plain(item.weight)} × "
                    f"{rate}% = {proportional} 分",
                    location=indicator_location(index, form, number, "claimed_score"),
                    claimed=item.claimed_score,
                    expected=proportional,
                    tolerance="未达成不得满分；按完成比例计分，四舍五入到 0.01",
                )
