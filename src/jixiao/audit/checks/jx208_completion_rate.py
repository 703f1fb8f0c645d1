"""JX208: the printed completion rate (完成率) does not follow from target and actual."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import HUNDRED, TEXT, evaluations, indicator_location, judge
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import Agreement, agreement, parse_percent, round_half_up
from jixiao.rules.measure import Direction, compare


class CompletionRateWrong(Check):
    """完成率与“实际值 ÷ 目标值”不符（反向指标未超上限即为 100%）。

    反例：目标 ≥6万条、实际 6.03万条，完成率印作 100.54%（6.03 / 6 = 100.50%）。
    正例：正向指标 完成率 = 实际 / 目标；反向（≤）指标实际未超过上限即完成 100%，
    超过时为 目标 / 实际。
    截尾（100.7576% 印作 100.75%）以“提示”报告；反向指标按 实际 / 目标 填写、超额完成仍填
    100% 的，属于口径问题，分别以“警告”“提示”报告。
    """

    code = "JX208"
    title = "完成率计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset({"column:completion", "column:target", "column:actual"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                text = (item.completion or "").strip()
                if not text:
                    continue
                comparison = compare(item.target_quantity, item.actual_quantity)
                printed = parse_percent(text)
                location = indicator_location(index, form, number, "completion")
                if printed is None:
                    yield self.finding(
                        f"完成率“{text}”不是规范的百分数",
                        location=location,
                        claimed=text,
                        severity=Severity.WARNING,
                        tolerance=TEXT,
                    )
                    continue
                if comparison is None:
                    continue
                target, actual = item.target_quantity.value, item.actual_quantity.value
                raw: Decimal | None = None  # actual / target, the other convention
                if target and actual is not None:
                    raw = actual / target * HUNDRED
                if comparison.direction is Direction.REVERSE and comparison.met:
                    truth = HUNDRED
                elif comparison.direction is Direction.REVERSE:
                    truth = (comparison.ratio or Decimal(0)) * HUNDRED
                elif raw is not None:
                    truth = raw
                else:
                    continue
                verdict = judge(printed, truth)
                if not verdict.wrong:
                    continue
                shown = f"{round_half_up(truth)}%"
                basis = f"目标 {item.target}、实际 {item.actual}"
                if comparison.direction is Direction.REVERSE and comparison.met and raw and (
                    agreement(printed, raw) is Agreement.EXACT
                ):
                    message = (
                        f"{basis}：反向指标未超过上限即完成 100%，原文按 实际/目标 填作 {text}"
                    )
                    severity = Severity.WARNING
                elif printed == HUNDRED and comparison.met:
                    message = f"{basis}：完成率为 {shown}，原文按封顶填作 100%"
                    severity = Severity.INFO
                else:
                    message = f"{basis}：完成率应为 {shown}，原文为 {text}{verdict.note}"
                    severity = verdict.severity
                yield self.finding(
                    message,
                    location=location,
                    claimed=text,
                    expected="100%" if truth == HUNDRED else shown,
                    severity=severity,
                    tolerance=verdict.tolerance,
                )
