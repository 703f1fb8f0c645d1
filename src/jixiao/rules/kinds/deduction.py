"""Per-point deduction (每超过/低于一个百分点扣 k 分，扣完为止)."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from jixiao.rules.measure import ZERO, percent_value
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


@rule("deduction", "按百分点扣分")
def deduction(data: RuleInput) -> RuleResult:
    """score = w − k × (percentage points beyond ``threshold``), floored at 0.

    ``direction: over`` deducts for a rate above the threshold (控制率 ≤100%), ``under`` for
    below it (刷卡率/执行率). ``step: whole`` counts only whole points (or whole ``step_size``
    points, e.g. "每低于5%扣2分" is ``per_point: 2, step_size: 5``).
    Example: threshold 100, k 0.5, rate 103% (over) → 5 − 1.5 = 3.5.
    """
    rate = percent_value(data.actual)
    if rate is None:
        return RuleResult.not_computable("缺少可用于扣分计算的百分比实际值")
    threshold = Decimal(str(data.params.get("threshold", 100)))
    per_point = Decimal(str(data.params.get("per_point", "0.5")))
    step_size = Decimal(str(data.params.get("step_size", 1)))
    excess = (
        rate - threshold if data.params.get("direction", "over") == "over" else threshold - rate
    )
    excess = max(ZERO, excess)
    steps = excess / step_size
    if data.params.get("step") == "whole":
        steps = steps.to_integral_value(rounding=ROUND_FLOOR)
    score = max(ZERO, data.weight - per_point * steps)
    return RuleResult(
        Status.COMPUTED,
        score,
        f"实际 {rate}%，超出标准 {excess} 个百分点，扣 {per_point * steps} 分",
    )
