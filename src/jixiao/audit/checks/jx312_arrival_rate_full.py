"""JX312: 资金到位率 scored in full while the printed figures show funds short."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import (
    HUNDRED,
    evaluations,
    form_result,
    indicator_location,
    indicator_result,
    plain,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import round_half_up
from jixiao.model.evaluation import EvaluationBase, Indicator, SelfEvaluationBase

NAME = re.compile(r"到位率")
NOT_ARRIVAL = re.compile(r"及时|准时")
RATE = re.compile(r"到位率?(?:为|达到?|是|：|:)?\s*(\d+(?:\.\d+)?)\s*%")
AMOUNT = re.compile(r"(?:实际)?到位(?:资金|金额)?(?:为|：|:)?\s*(\d+(?:\.\d+)?)\s*万元")


def _budget_in_wan(form: EvaluationBase) -> Decimal | None:
    if not isinstance(form, SelfEvaluationBase) or form.money_unit != "万元":
        return None
    total = form.total_funding
    return total.adjusted_budget if total is not None else None


def _arrival(item: Indicator, form: EvaluationBase) -> tuple[Decimal, str] | None:
    """The arrival rate (%) the row's own figures print, with where it was read."""
    actual = item.actual_quantity
    if actual.is_numeric and actual.is_percent and actual.value is not None:
        return actual.value, f"实际完成值 {item.actual}"
    for label, text in (("评分说明", item.notes), ("实际完成值", item.actual),
                        ("评价要点", item.points)):
        found = RATE.search(squeeze(text))
        if found:
            return Decimal(found.group(1)), f"{label}“{found.group(0)}”"
        amount = AMOUNT.search(squeeze(text))
        budget = _budget_in_wan(form)
        if amount and budget:
            arrived = Decimal(amount.group(1))
            return (round_half_up(arrived / budget * HUNDRED),
                    f"{label}“{amount.group(0)}”／全年预算数 {plain(budget)} 万元")
    return None


class ArrivalRateFullMarks(Check):
    """资金到位率得满分，而本行印出的数字显示资金未全部到位。

    反例：资金到位率 分值 3 分得 3 分，评分说明写“资金到位率为70%”（或“实际到位资金 70
    万元”，全年预算数 100 万元），按到位比例应得 3 × 70% = 2.1 分。
    正例：资金全部到位（100%）才得满分；未全部到位的按到位比例计分并说明原因。
    规则包已按实际完成值算出得分的由 JX301 报告，此处只看规则未能核算或接受原得分的行。
    """

    code = "JX312"
    title = "资金未全部到位而到位率得满分"
    family = "rule_conformance"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            result = form_result(context, index)
            for number, item in enumerate(form.indicators):
                name = squeeze(item.name)
                if (
                    not NAME.search(name) or NOT_ARRIVAL.search(name)
                    or item.weight is None or item.claimed_score != item.weight
                ):
                    continue
                scored = indicator_result(result, number)
                if scored is not None and scored.status == "computed" and scored.agrees is False:
                    continue  # JX301 reports the rule's score
                arrival = _arrival(item, form)
                if arrival is None or arrival[0] >= HUNDRED:
                    continue
                rate, where = arrival
                expected = round_half_up(item.weight * rate / HUNDRED)
                yield self.finding(
                    f"{where}，资金到位 {plain(rate)}%，未全部到位，资金到位率却得满分 "
                    f"{plain(item.claimed_score)} 分；按到位比例应为 {plain(item.weight)} × "
                    f"{plain(rate)}% = {expected} 分",
                    location=indicator_location(index, form, number, "claimed_score"),
                    claimed=item.claimed_score,
                    expected=expected,
                    tolerance="到位率低于 100% 不得满分；按到位比例计分，四舍五入到 0.01",
                )
