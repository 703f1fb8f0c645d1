"""JX216: an indicator's score left blank although its rule computes it."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    form_result,
    has_place,
    indicator_location,
    indicator_result,
    plain,
    self_evaluations,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class BlankComputableScore(Check):
    """指标得分空白，而分值、指标值和实际完成值都已填写，按规则可以算出。

    反例：数量指标 分值 20、目标 ≥100人、实际 100人，得分栏空白（应为 20 分）；同表其他
    指标都填了得分。
    正例：按规则填写得分（达成得满分，未达成按完成比例）。
    只在表中有得分栏（同表其他指标填了得分，或该格在原表中存在）时报告；实际完成值空白、
    无法计算的由 JX506/JX507 报告。
    """

    code = "JX216"
    title = "得分空白而可按规则算出"
    family = "arithmetic"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            result = form_result(context, index)
            if result is None:
                continue
            scored_elsewhere = any(i.claimed_score is not None for i in form.indicators)
            for number, item in enumerate(form.indicators):
                if item.claimed_score is not None or item.weight is None:
                    continue
                if not (scored_elsewhere or has_place(item, "claimed_score")):
                    continue
                scored = indicator_result(result, number)
                if scored is None or scored.status != "computed" or scored.computed_score is None:
                    continue
                yield self.finding(
                    f"得分空白；分值 {plain(item.weight)}、目标 {item.target}、实际 {item.actual}，"
                    f"按规则“{scored.rule_title}”（{scored.explanation}）应为 "
                    f"{scored.computed_score} 分",
                    location=indicator_location(index, form, number, "claimed_score"),
                    claimed=None,
                    expected=scored.computed_score,
                    tolerance="按规则包计算，四舍五入到 0.01",
                )
