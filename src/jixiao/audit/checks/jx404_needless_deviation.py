"""JX404: a deviation explanation on an indicator that was met exactly."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    HUNDRED,
    completion_percent,
    has_note,
    indicator_location,
    self_evaluations,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class NeedlessDeviationNote(Check):
    """完成率恰为 100%、得满分，却填写了偏差原因。

    反例：成本指标目标 9万元、实际 9万元，偏差原因栏写“根据实际”。
    正例：没有偏差的指标，偏差原因栏留空或写“无”。
    常见于复制粘贴：说明文字可能属于相邻的另一项指标，请核对。
    """

    code = "JX404"
    title = "无偏差却填写了偏差原因"
    family = "indicator_quality"
    severity = Severity.INFO

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            for number, item in enumerate(form.indicators):
                if not has_note(item) or completion_percent(item) != HUNDRED:
                    continue
                if item.claimed_score is not None and item.claimed_score != item.weight:
                    continue  # a deduction explained
                yield self.finding(
                    f"目标 {item.target}、实际 {item.actual}，完成率 100%，却填写了偏差原因"
                    f"“{(item.deviation_note or '').strip()[:40]}”",
                    location=indicator_location(index, form, number, "deviation_note"),
                    claimed=(item.deviation_note or "").strip()[:80],
                    expected=None,
                )
