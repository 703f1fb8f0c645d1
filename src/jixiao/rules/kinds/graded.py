"""Graded judgement (按评判等级赋分): full marks when met, bands or ratio otherwise."""

from __future__ import annotations

from jixiao.rules.kinds.qualitative_band import qualitative_band
from jixiao.rules.kinds.ratio import ratio
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


@rule("graded", "按评判等级赋分")
def graded(data: RuleInput) -> RuleResult:
    """Numeric targets: as a ratio capped at full marks (exceeding is not penalised);
    qualitative targets: the 达成/部分达成/未达成 bands.

    Example (Xinjiang): ≥98%, actual 100% → completion 102.04%, 5 of 5.
    """
    result = ratio(
        RuleInput(
            data.weight,
            data.target,
            data.actual,
            data.claimed_score,
            {**data.params, "over": "cap"},
        )
    )
    if result.status is Status.NOT_COMPUTABLE:
        return qualitative_band(data)
    return result
