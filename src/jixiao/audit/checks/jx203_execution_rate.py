"""JX203: the printed execution rate is not 全年执行数 / 全年预算数."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import HUNDRED, TEXT, form_location, judge, plain, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import Agreement, agreement, parse_percent, round_half_up, tolerance_text

_DIGITS = re.compile(r"^\s*(\d+(?:\.\d+)?)")


class ExecutionRateWrong(Check):
    """预算执行率与“全年执行数 ÷ 全年预算数”不符，或不是规范的百分数。

    反例：全年预算数 217.91 万元、全年执行数 217.91 万元，执行率却印作“80&”。
    正例：执行率 = 全年执行数 / 全年预算数 × 100%，按原文精度四舍五入（95.99%）。
    全年预算数缺失时用年初预算数。截尾造成的差异以“提示”报告。
    """

    code = "JX203"
    title = "预算执行率计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset({"column:execution_rate"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            text = (form.claimed_execution_rate or "").strip()
            line = form.total_funding
            if not text or text in ("—", "-", "/") or line is None:
                continue
            budget = line.adjusted_budget if line.adjusted_budget is not None else (
                line.initial_budget
            )
            truth: Decimal | None = None
            how = ""
            if budget and line.executed is not None:
                truth = line.executed / budget * HUNDRED
                how = f"按 {plain(line.executed)} / {plain(budget)} 应为 {round_half_up(truth)}%"
            location = form_location(index, form, "claimed_execution_rate")
            printed = parse_percent(text)
            if printed is None:
                digits = _DIGITS.match(text)
                value = Decimal(digits.group(1)) if digits else None
                agrees = value is not None and truth is not None and (
                    agreement(value, truth) is Agreement.EXACT
                )
                yield self.finding(
                    f"执行率“{text}”不是规范的百分数" + (f"；{how}" if how else ""),
                    location=location,
                    claimed=text,
                    expected=f"{round_half_up(truth)}%" if truth is not None else None,
                    severity=Severity.WARNING if agrees else Severity.ERROR,
                    tolerance=tolerance_text(value) if value is not None else TEXT,
                )
                continue
            if truth is None:
                continue
            verdict = judge(printed, truth)
            if verdict.wrong:
                yield self.finding(
                    f"执行率印作 {text}，{how}{verdict.note}",
                    location=location,
                    claimed=text,
                    expected=f"{round_half_up(truth)}%",
                    severity=verdict.severity,
                    tolerance=verdict.tolerance,
                )
