"""Completion ratio (按照完成比例赋分) for positive, reverse and equality indicators."""

from __future__ import annotations

from decimal import Decimal

from jixiao.rules.measure import ONE, ZERO, Direction, compare
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


def _over_achievement(ratio: Decimal, policy: str) -> Decimal:
    if policy == "penalize":  # 偏离度: w × (1 − (r − 1)), never below 0
        return max(ZERO, 2 * ONE - ratio)
    return ONE


@rule("ratio", "按完成比例赋分")
def ratio(data: RuleInput) -> RuleResult:
    """Score = weight × completion ratio, direction-aware.

    Positive (≥): r = actual/target; met → full marks, unless ``over: penalize`` (Xinjiang):
    then r > 1 scores w × (1 − (r − 1)). Reverse (≤): met when actual ≤ target; over the
    limit scores w × target/actual (``reverse: inverse``, the template footnote) or
    w × (1 − (actual − target)/target) (``reverse: linear``). Equality (=): exact → full,
    otherwise as positive. Example: w 10, ≥13万人次, actual 13.41万人次, over: penalize →
    r = 1.031538…, score 9.68.
    """
    comparison = compare(data.target, data.actual)
    if comparison is None:
        return RuleResult.not_computable("目标值与实际值无法按数值比较")
    w = data.weight
    over = str(data.params.get("over", "cap"))
    r = comparison.ratio
    if comparison.direction is Direction.REVERSE:
        if comparison.met:
            return RuleResult(Status.COMPUTED, w, f"{comparison.why}，达成，得满分", ONE)
        actual, target = data.actual.value, data.target.value
        assert actual is not None and target is not None
        if data.params.get("reverse", "inverse") == "linear":
            fraction = max(ZERO, ONE - (actual - target) / target) if target else ZERO
        else:
            fraction = target / actual if actual else ZERO
        return RuleResult(
            Status.COMPUTED, w * fraction, f"{comparison.why}，按 {fraction:.4f} 计分", fraction
        )
    assert r is not None
    if r < ONE:
        return RuleResult(Status.COMPUTED, w * r, f"{comparison.why}，未达成，按比例计分", r)
    fraction = _over_achievement(r, over) if r > ONE else ONE
    note = "超额完成按偏离度扣减" if fraction < ONE else "达成，得满分"
    return RuleResult(Status.COMPUTED, w * fraction, f"{comparison.why}，{note}", r)
