"""Linear band: full marks up to one rate, zero from another, linear in between."""

from __future__ import annotations

from decimal import Decimal

from jixiao.rules.measure import ONE, ZERO, percent_value
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


@rule("linear_band", "区间线性赋分")
def linear_band(data: RuleInput) -> RuleResult:
    """``full_at`` and ``zero_at`` in percent. For "≤100%得满分，≥120%得0分，区间内按权重扣分":
    full_at 100, zero_at 120 → rate 110% scores w/2. Works both ways (zero_at < full_at for
    "higher is better").
    Example: w 1, full_at 100, zero_at 120, rate 13.61% → 1.
    """
    rate = percent_value(data.actual)
    if rate is None:
        return RuleResult.not_computable("缺少百分比实际值")
    full_at = Decimal(str(data.params["full_at"]))
    zero_at = Decimal(str(data.params["zero_at"]))
    span = zero_at - full_at
    position = (rate - full_at) / span if span else ONE
    fraction = min(ONE, max(ZERO, ONE - position))
    return RuleResult(
        Status.COMPUTED,
        data.weight * fraction,
        f"实际 {rate}%（满分线 {full_at}%，零分线 {zero_at}%）",
    )
