"""Direct scoring (直接赋分 / 完成得分，未完成0分): all or nothing."""

from __future__ import annotations

from jixiao.model.quantity import Outcome
from jixiao.rules.measure import ZERO, outcome_of
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


@rule("direct", "直接赋分（完成得满分，未完成不得分）")
def direct(data: RuleInput) -> RuleResult:
    """Met → the full weight; otherwise 0.

    Example: deadline 2024年12月10日, done =2024年12月9日 → full marks.
    """
    outcome = outcome_of(data.target, data.actual)
    if outcome is None or outcome is Outcome.NOT_APPLICABLE:
        return RuleResult.not_computable("无法判定是否完成")
    if outcome is Outcome.MET:
        return RuleResult(Status.COMPUTED, data.weight, "已完成，得满分")
    return RuleResult(Status.COMPUTED, ZERO, "未完成，不得分")
