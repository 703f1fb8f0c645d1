"""JX803: the value to date already exceeds the annual target by more than 20%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.checks.jx8_support import monitorings, percent, row_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Comparator, QuantityKind

LIMIT = Decimal(120)


class TargetSetTooLow(Check):
    """年中 1–N月完成值已超过年度指标值的 120%：目标设定偏低，缺乏挑战性。

    绩效目标应当“指向明确、细化量化、合理可行”；年中即大幅超额，说明年初目标定得过低
    （审计与财政评价常见问题“目标设定缺乏挑战性”），下年度应据实提高。
    反例：年度指标值“≥20场”，1-6月已完成“35场”（175%）。
    正例：年度指标值“≥20场”，1-6月完成“12场”（60%）。
    """

    code = "JX803"
    title = "目标设定偏低（年中已大幅超额）"
    family = "monitoring"
    severity = Severity.WARNING
    rests_on = frozenset({"column:to_date"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            for number, row in enumerate(form.indicator_rows):
                target, done = row.target_quantity, row.to_date_quantity
                if target.kind is not QuantityKind.NUMBER or done.kind is not QuantityKind.NUMBER:
                    continue
                if target.comparator not in (None, Comparator.GE, Comparator.GT):
                    continue
                if target.unit != done.unit or not target.value or done.value is None:
                    continue
                if target.unit == "%":
                    continue  # a rate is not cumulative over the year
                share = done.value * 100 / target.value
                if share <= LIMIT:
                    continue
                yield self.finding(
                    f"1-{form.month or 'N'}月已完成“{row.to_date}”，为年度指标值“{row.target}”的 "
                    f"{percent(share)}，超过 120%：年度目标设定偏低",
                    location=row_location(index, form, number, "to_date"),
                    claimed=row.target,
                    expected=f"不低于年中完成值 {row.to_date}",
                )
