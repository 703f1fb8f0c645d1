"""JX310: a met target whose deduction the pack's band accepts, with no reason given."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx3_support import explained
from jixiao.audit.common import (
    form_result,
    indicator_location,
    indicator_result,
    plain,
    self_evaluations,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Outcome
from jixiao.rules.measure import outcome_of


class MetTargetDeducted(Check):
    """目标已完成却扣分：规则包允许在分档内酌情计分，但完成目标按通行做法应得满分。

    反例：定性指标目标“有效”、实际“有效”（已达成），分值 10 分只得 8 分，未写扣分理由；
    规则包 national 的定性分档为达成 [8, 10]，8 分在档内，JX301 不报，但全国通行做法是
    完成目标即得满分，扣分须有理由。
    正例：达成即得满分；确需酌情扣分的，在“偏差原因分析及改进措施”中写明理由。
    只看规则包按分档接受原得分的指标（按比例、直接赋分等规则算出满分的由 JX301 报告）；
    按规则包的达成档下限判断：规则包规定达成即满分（档为 [w, w]）时 JX301 已报告。
    """

    code = "JX310"
    title = "目标已完成却扣分"
    family = "rule_conformance"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            result = form_result(context, index)
            if result is None:
                continue
            for number, item in enumerate(form.indicators):
                scored = indicator_result(result, number)
                if (
                    scored is None
                    or scored.status != "judgement"
                    or item.weight is None
                    or item.claimed_score is None
                    or item.claimed_score >= item.weight
                    or explained(item)
                    or outcome_of(item.target_quantity, item.actual_quantity) is not Outcome.MET
                ):
                    continue
                yield self.finding(
                    f"目标 {item.target}、实际 {item.actual} 已达成，分值 {plain(item.weight)} 分"
                    f"只得 {plain(item.claimed_score)} 分；按规则“{scored.rule_title}”"
                    f"（{scored.explanation}）可酌情计分，但完成目标通常应得满分，扣分未写明理由",
                    location=indicator_location(index, form, number, "claimed_score"),
                    claimed=item.claimed_score,
                    expected=item.weight,
                    tolerance="达成档内的酌情扣分须说明理由；满分为分值本身",
                )
