"""JX403: completion is not 100% but no deviation explanation is given."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    HUNDRED,
    completion_percent,
    form_result,
    has_note,
    indicator_location,
    indicator_result,
    plain,
    self_evaluations,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import round_half_up


class DeviationNoteMissing(Check):
    """完成率不是 100%，却没有填写偏差原因分析及改进措施。

    反例：当期结案率目标 ≥99%、实际 99.56%（完成率 100.57%，按偏离度扣分），偏差原因栏空白。
    正例：未完成或超额完成的指标在“偏差原因分析及改进措施”栏说明原因。
    未完成或因偏差被扣分时报告为“警告”；超额完成但得满分时为“提示”。
    表中本没有偏差原因栏的（有的省份版式不设此栏）不报告。
    """

    code = "JX403"
    title = "有偏差但未说明原因"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            if "deviation_note" in form.unprinted:
                continue  # the form has no column for it: a blank is not an omission
            result = form_result(context, index)
            for number, item in enumerate(form.indicators):
                scored = indicator_result(result, number)
                computed = scored.computed_completion if scored else None
                rate = completion_percent(item, computed)
                if rate is None or rate == HUNDRED or has_note(item):
                    continue
                lost = (
                    item.weight is not None
                    and item.claimed_score is not None
                    and item.claimed_score < item.weight
                )
                severity = Severity.WARNING if rate < HUNDRED or lost else Severity.INFO
                shown = plain(round_half_up(rate))
                yield self.finding(
                    f"完成率 {shown}%（目标 {item.target}、实际 {item.actual}），未填写偏差原因",
                    location=indicator_location(index, form, number, "deviation_note"),
                    claimed=None,
                    expected="偏差原因分析及改进措施",
                    severity=severity,
                )
