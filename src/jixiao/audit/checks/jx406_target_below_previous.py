"""JX406: a ≥ target set below last year's actual."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Comparator, parse_quantity


class TargetBelowPrevious(Check):
    """正向（≥）指标的目标值低于上年实际完成值。

    反例：上年完成 13.6万人次，本年目标 ≥13万人次（实际 13.41万人次，既“超额完成”又低于上年）。
    正例：目标值不低于上年实际（或在指标值设定依据中说明调低的理由）。
    目标定得偏低会让超额完成显得容易；新疆等省份还因此对超额完成扣分。
    """

    code = "JX406"
    title = "目标值低于上年实际"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                target = item.target_quantity
                previous = parse_quantity(item.previous_actual)
                if not (target.is_numeric and previous.is_numeric):
                    continue
                if target.comparator not in (Comparator.GE, Comparator.GT, None):
                    continue
                if target.unit != previous.unit or target.value is None or previous.value is None:
                    continue
                if target.value < previous.value:
                    # A rate below last year's 100% is a common, cautious choice.
                    severity = Severity.INFO if target.is_percent else Severity.WARNING
                    yield self.finding(
                        f"目标值 {item.target} 低于上年完成值 {item.previous_actual}",
                        location=indicator_location(index, form, number, "target"),
                        claimed=item.target,
                        expected=f">={item.previous_actual}",
                        severity=severity,
                    )
