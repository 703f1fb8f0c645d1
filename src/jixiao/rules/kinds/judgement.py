"""Evaluator's judgement (酌情打分): any score within [0, weight] is acceptable."""

from __future__ import annotations

from jixiao.rules.measure import ZERO
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule


@rule("judgement", "评价人酌情打分")
def judgement(data: RuleInput) -> RuleResult:
    """For scoring-table items whose rule text cannot be recomputed from the data: the claimed
    score stands if it lies within [0, weight]; otherwise it is clamped into that range.

    Example: w 4, claimed 3 → accepted; claimed 5 → 4.
    """
    claimed = data.claimed_score
    if claimed is None:
        return RuleResult.not_computable("评分规则需评价人判断，且原文未给出得分")
    if ZERO <= claimed <= data.weight:
        return RuleResult(Status.JUDGEMENT, claimed, "评分规则需评价人判断，得分在分值范围内")
    bounded = min(max(claimed, ZERO), data.weight)
    return RuleResult(Status.COMPUTED, bounded,
                      f"得分 {claimed} 超出分值范围 [0, {data.weight}]，应不超过 {bounded}")
