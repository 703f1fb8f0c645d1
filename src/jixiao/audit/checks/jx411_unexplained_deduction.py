"""JX411: points deducted from a met target without a reason."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    form_result,
    has_note,
    indicator_location,
    indicator_result,
    plain,
    self_evaluations,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Outcome
from jixiao.rules.measure import outcome_of


class UnexplainedDeduction(Check):
    """目标已完成却未得满分，且没有说明扣分原因。

    反例：目标 100%、实际 100%，分值 10 分却得 8 分，偏差原因栏空白。
    正例：自评时酌情扣分的，在“偏差原因分析及改进措施”中写明扣分理由；否则应得满分。
    """

    code = "JX411"
    title = "扣分未说明原因"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            result = form_result(context, index)
            for number, item in enumerate(form.indicators):
                if item.weight is None or item.claimed_score is None:
                    continue
                scored = indicator_result(result, number)
                computed = scored.computed_score if scored else None
                if computed is not None and computed < item.weight:
                    continue  # the rule itself deducts (e.g. over-achievement penalised)
                if item.claimed_score >= item.weight or has_note(item) or item.notes:
                    continue
                if outcome_of(item.target_quantity, item.actual_quantity) is not Outcome.MET:
                    continue
                yield self.finding(
                    f"目标 {item.target}、实际 {item.actual} 已完成，分值 {plain(item.weight)} 分"
                    f"却得 {plain(item.claimed_score)} 分，未说明扣分原因",
                    location=indicator_location(index, form, number, "claimed_score"),
                    claimed=item.claimed_score,
                    expected=item.weight,
                )
