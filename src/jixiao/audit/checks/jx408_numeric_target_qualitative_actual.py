"""JX408: a numeric target answered with words."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind


class QualitativeActual(Check):
    """目标值是数值，实际完成值却是文字（如“达到预期指标”“好”）。

    反例：审计建议采纳率 目标 ≥80%，实际完成值“达到预期指标”，完成率填 100%、得满分。
    正例：实际完成值写实测数值（如 85%），完成率与得分才能核实。
    """

    code = "JX408"
    title = "定量目标的实际值为文字"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                target, actual = item.target_quantity, item.actual_quantity
                if target.kind is not QuantityKind.NUMBER:
                    continue
                if actual.kind is not QuantityKind.QUALITATIVE:
                    continue
                yield self.finding(
                    f"目标值 {item.target} 是数值，实际完成值却是“{item.actual}”，完成率和得分"
                    "无法核实",
                    location=indicator_location(index, form, number, "actual"),
                    claimed=item.actual,
                    expected=f"与目标 {item.target} 同单位的实测值",
                )
