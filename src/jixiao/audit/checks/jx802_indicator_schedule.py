"""JX802: an indicator's progress to date lags behind the elapsed share of the year."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import (
    BAND_ZH,
    elapsed,
    monitorings,
    percent,
    row_location,
    schedule,
)
from jixiao.audit.common import plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Comparator, QuantityKind


class IndicatorBehindSchedule(Check):
    """数量类指标 1–N月完成值占年度指标值的比例，明显落后于时间进度（N/12）。

    只比较“越大越好”（≥、>或未标方向）的数值指标，且完成值与指标值单位相同；
    低于时间进度的 60% 为红灯，60%–80% 为黄灯，均以警告报告（指标完成多有季节性，
    需人工判断）。
    反例：年度指标值“≥120公里”，1-7月完成“30公里”，仅为时间进度的 42.9%。
    正例：年度指标值“≥120公里”，1-7月完成“70公里”，达时间进度的 100%。
    """

    code = "JX802"
    title = "指标完成进度滞后于时间进度"
    family = "monitoring"
    severity = Severity.WARNING
    rests_on = frozenset({"column:month", "column:to_date"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            month = form.month
            if month is None or month >= 12:
                continue
            for number, row in enumerate(form.indicator_rows):
                target, done = row.target_quantity, row.to_date_quantity
                if target.kind is not QuantityKind.NUMBER or done.kind is not QuantityKind.NUMBER:
                    continue
                if target.comparator not in (None, Comparator.GE, Comparator.GT):
                    continue
                if target.unit != done.unit or target.value is None or done.value is None:
                    continue
                if target.value <= 0 or done.value <= 0:
                    continue  # not started: JX804
                if done.value > target.value:
                    continue  # ahead of the year: JX803 judges the target
                found = schedule(done.value, target.value, month)
                if found is None or found[1] == "green":
                    continue
                ratio, light, _ = found
                yield self.finding(
                    f"{BAND_ZH[light]}：1-{month}月完成“{row.to_date}”，占年度指标值"
                    f"“{row.target}”的 {percent(done.value * 100 / target.value)}，时间进度 "
                    f"{percent(elapsed(month))}，只及其 {percent(ratio)}",
                    location=row_location(index, form, number, "to_date"),
                    claimed=row.to_date,
                    expected=f"≥{plain(target.value * month * 8 / 120)}{target.unit}"
                    "（时间进度的 80%）",
                )
