"""JX414: the actual is stated in another unit than its target, so it cannot be scored."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import SCALES


class UnitMismatch(Check):
    """实际完成值与目标值的计量单位不同（如目标“≥2场”、实际“=0万人次”），无法比较。

    反例：活动场次 目标 ≥2场，实际完成值“=0万人次”，却填完成率 100%、得满分。
    正例：实际完成值与目标同单位（如实际 2场），完成率与得分才能核实。
    单位不同时无法按规则重新计算得分，原文得分未经核实，不能据以认定完成。
    """

    code = "JX414"
    title = "实际值与目标值单位不同"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                target, actual = item.target_quantity, item.actual_quantity
                if not (target.is_numeric and actual.is_numeric):
                    continue
                if not (target.unit and actual.unit) or target.unit == actual.unit:
                    continue
                claimed = item.claimed_score
                scored = "" if claimed is None else f"，原文得分 {claimed} 未经核实"
                yield self.finding(
                    f"目标值 {item.target} 的单位是“{_unit(target.scale, target.unit)}”，"
                    f"实际完成值 {item.actual} 的单位是“{_unit(actual.scale, actual.unit)}”，"
                    f"两者无法比较，完成率和得分不能按规则计算{scored}",
                    location=indicator_location(index, form, number, "actual"),
                    claimed=item.actual,
                    expected=f"与目标 {item.target} 同单位的实际值",
                )


def _unit(scale: str, unit: str) -> str:
    return f"{scale}{unit}" if scale in SCALES else unit
