"""Satisfaction (满意度赋分): a ratio that is never penalised for exceeding the target."""

from __future__ import annotations

from jixiao.rules.kinds.qualitative_band import qualitative_band
from jixiao.rules.kinds.ratio import ratio
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


@rule("satisfaction", "满意度赋分")
def satisfaction(data: RuleInput) -> RuleResult:
    """w × min(actual/target, 1); qualitative answers ("满意") fall back to the bands.

    Example: ≥90%, actual 100% → 10 of 10 (completion 111.11%, no penalty).
    """
    result = ratio(
        RuleInput(data.weight, data.target, data.actual, data.claimed_score, {"over": "cap"})
    )
    if result.status is Status.NOT_COMPUTABLE:
        return qualitative_band(data)
    return result
