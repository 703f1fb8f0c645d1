"""JX807: the printed 1–N月执行率 differs from 执行数 ÷ 年初预算数."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import monitorings
from jixiao.audit.common import form_location, plain, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import (
    Agreement,
    agreement,
    parse_percent,
    printed_interval,
    round_half_up,
    share_interval,
    tolerance_text,
)


class MonitoringRateWrong(Check):
    """监控表印出的“1–N月执行率”不等于 1–N月执行数 ÷ 年初预算数。

    按执行率的印刷精度四舍五入比较，并容许执行数、预算数本身四舍五入带来的差异；
    截尾（未四舍五入）得到的执行率以“提示”报告。
    反例：年初预算 500 万元，1-7月执行 150 万元，执行率印为“35%”（应为 30%）。
    正例：执行率“30%”或“30.00%”。
    """

    code = "JX807"
    title = "监控表执行率计算错误"
    family = "monitoring"
    severity = Severity.ERROR
    rests_on = frozenset({"column:executed"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            for line in form.funding:
                printed = parse_percent(line.claimed_rate)
                budget, spent = line.initial_budget, line.executed
                if printed is None or budget is None or spent is None or budget <= 0:
                    continue
                truth = spent * 100 / budget
                verdict = agreement(printed, truth)
                if verdict is Agreement.EXACT:
                    continue
                possible = share_interval(spent, budget)
                if possible is not None and possible.meets(printed_interval(printed)):
                    continue  # within the rounding of the amounts themselves
                location = form_location(index, form, "funding.claimed_rate")
                location.source = line.sources.get("claimed_rate")
                yield self.finding(
                    f"“{squeeze(line.source)}”执行率印为 {line.claimed_rate}，"
                    f"{plain(spent)} ÷ {plain(budget)} = {plain(round_half_up(truth, 2))}%"
                    + ("（截尾而非四舍五入）" if verdict is Agreement.TRUNCATED else ""),
                    location=location,
                    claimed=line.claimed_rate,
                    expected=f"{plain(round_half_up(truth, 2))}%",
                    severity=Severity.INFO if verdict is Agreement.TRUNCATED else None,
                    tolerance=tolerance_text(printed),
                )
