"""Budget execution points (预算执行率得分)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.rules.measure import ONE, percent_value
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


def execution_points(
    executed: Decimal, budget: Decimal, weight: Decimal, *, round_rate_to_percent: bool = False
) -> RuleResult:
    """w × min(executed / budget, 1). Budget 0 is not computable (never divide by zero).

    Example: 4,155.92 / 4,329.46 = 95.99% → 9.60 of 10.
    """
    if budget <= 0:
        return RuleResult.not_computable("全年预算数为 0，执行率无法计算")
    rate = executed / budget
    if round_rate_to_percent:
        rate = (rate * 100).quantize(ONE, rounding=ROUND_HALF_UP) / 100
    return RuleResult(
        Status.COMPUTED,
        weight * min(rate, ONE),
        f"执行率 {executed}/{budget} = {rate * 100:.2f}%",
        rate,
    )


@rule("execution", "预算执行率得分")
def execution(data: RuleInput) -> RuleResult:
    """For scoring-table items whose actual is the execution (or arrival) rate:
    w × min(rate, 100%).

    Example: 资金到位率 w 3, actual 100% → 3; 预算执行率 w 4, actual 95% → 3.8.
    """
    rate = percent_value(data.actual)
    if rate is None:
        return RuleResult.not_computable("缺少执行率")
    return RuleResult(
        Status.COMPUTED, data.weight * min(rate / 100, ONE), f"执行率 {rate}%", rate / 100
    )
