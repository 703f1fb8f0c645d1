"""JX203: the printed execution rate is not 全年执行数 / 全年预算数."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import HUNDRED, TEXT, form_location, judge, plain, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.decimals import Agreement, agreement, parse_percent, round_half_up, tolerance_text

_DIGITS = re.compile(r"^\s*(\d+(?:\.\d+)?)")
_BARE = re.compile(r"^\d+(?:\.\d+)?$")
RATIO_MAX = Decimal("1.5")


def parse_decimal_text(text: str) -> Decimal | None:
    norm = text.strip()
    return Decimal(norm) if _BARE.match(norm) else None


class ExecutionRateWrong(Check):
    """预算执行率与“全年执行数 ÷ 全年预算数”不符，或不是规范的百分数。

    反例：全年预算数 217.91 万元、全年执行数 217.91 万元，执行率却印作“80&”。
    正例：执行率 = 全年执行数 / 全年预算数 × 100%，按原文精度四舍五入（95.99%）。
    全年预算数缺失时用年初预算数；合计行空白或为 0 而各资金来源有数时按来源之和计算
    （报告为“警告”）。以比值印出的执行率（“1”“0.98”）按比值读取。截尾造成的差异以“提示”报告。
    """

    code = "JX203"
    title = "预算执行率计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset({"column:execution_rate"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            text = (form.claimed_execution_rate or "").strip()
            if not text or text in ("—", "-", "/") or form.total_funding is None:
                continue
            budget, executed, from_sources = form.execution_amounts()
            truth: Decimal | None = None
            how = ""
            if budget and executed is not None:
                truth = executed / budget * HUNDRED
                how = f"按 {plain(executed)} / {plain(budget)} 应为 {round_half_up(truth)}%"
                if from_sources:
                    how = f"合计行为空或 0，按各资金来源之和 {how[2:]}"
            location = form_location(index, form, "claimed_execution_rate")
            printed = parse_percent(text)
            if printed is None:
                printed = _ratio(text)
                if printed is None:
                    yield self._not_percent(text, truth, how, location)
                    continue
            if truth is None:
                continue
            verdict = judge(printed, truth)
            if verdict.wrong:
                severity = verdict.severity
                if from_sources and severity is Severity.ERROR:
                    severity = Severity.WARNING
                yield self.finding(
                    f"执行率印作 {text}，{how}{verdict.note}",
                    location=location,
                    claimed=text,
                    expected=f"{round_half_up(truth)}%",
                    severity=severity,
                    tolerance=verdict.tolerance,
                )

    def _not_percent(
        self, text: str, truth: Decimal | None, how: str, location: Location
    ) -> Finding:
        digits = _DIGITS.match(text)
        value = Decimal(digits.group(1)) if digits else None
        agrees = value is not None and truth is not None and (
            agreement(value, truth) is Agreement.EXACT
        )
        return self.finding(
            f"执行率“{text}”不是规范的百分数" + (f"；{how}" if how else ""),
            location=location,
            claimed=text,
            expected=f"{round_half_up(truth)}%" if truth is not None else None,
            severity=Severity.WARNING if agrees else Severity.ERROR,
            tolerance=tolerance_text(value) if value is not None else TEXT,
        )


def _ratio(text: str) -> Decimal | None:
    """A rate printed as a ratio (``1``, ``0.98``) as a percentage at its printed precision
    (``0.98`` → ``98``); bare numbers above 1.5 are not ratios."""
    value = parse_decimal_text(text)
    if value is None or value > RATIO_MAX:
        return None
    percent = value.scaleb(2)
    exponent = percent.as_tuple().exponent
    return percent.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else percent
