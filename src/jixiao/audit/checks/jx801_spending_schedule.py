"""JX801: spending to date lags behind the elapsed share of the year."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import BAND_ZH, elapsed, monitorings, percent, schedule
from jixiao.audit.common import form_location, plain, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class SpendingBehindSchedule(Check):
    """1–N月执行数占年初预算的比例，与时间进度（N/12）相比明显滞后。

    “双监控”按执行进度 ÷ 时间进度亮灯：低于 60% 为红灯（错误），60%–80% 为黄灯（警告），
    80% 及以上为绿灯。红灯项目应在监控表中说明原因并提出加快执行的措施，或申请调整预算。
    反例：1-7月，年初预算 500 万元，执行 150 万元（30%），时间进度 58.3%，只及 51.4%。
    正例：1-6月，年初预算 200 万元，执行 95 万元（47.5%），时间进度 50%，达 95%。
    所依据的数字读不确定（截至月份、执行数一栏含义未明）时只报警告。
    """

    code = "JX801"
    title = "预算执行进度滞后于时间进度"
    family = "monitoring"
    severity = Severity.ERROR
    rests_on = frozenset({"column:month", "column:executed"})
    tolerance = "执行数与预算数按印刷精度四舍五入的区间计算；区间两端亮灯不同时只报警告"

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            line = form.total_funding or (form.funding[0] if len(form.funding) == 1 else None)
            month = form.month
            if line is None or month is None or month >= 12:
                continue
            if line.initial_budget is None or line.executed is None or line.initial_budget <= 0:
                continue
            found = schedule(line.executed, line.initial_budget, month)
            if found is None or found[1] == "green":
                continue
            ratio, light, firm = found
            share = line.executed * 100 / line.initial_budget
            location = form_location(index, form, "funding.executed")
            location.source = line.sources.get("executed")
            severity = Severity.ERROR if light == "red" and firm else Severity.WARNING
            yield self.finding(
                f"{BAND_ZH[light]}：“{squeeze(line.source)}”1-{month}月执行 {plain(line.executed)}"
                f"，占年初预算 {plain(line.initial_budget)} 的 {percent(share)}，时间进度 "
                f"{percent(elapsed(month))}，执行进度只及时间进度的 {percent(ratio)}"
                + ("" if firm else "（在四舍五入区间内跨越亮灯界线）"),
                location=location,
                claimed=percent(share),
                expected=f"≥{percent(elapsed(month) * 80 / 100)}（时间进度的 80%）",
                severity=severity,
            )
