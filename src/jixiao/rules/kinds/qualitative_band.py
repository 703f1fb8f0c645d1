"""Qualitative outcome bands (定性指标: 达成 / 部分达成 / 未达成)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.quantity import Outcome
from jixiao.rules.measure import outcome_of
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule

# 10号: 达成 [80%, 100%], 部分达成 [60%, 80%), 未达成 [0, 60%) of the weight.
DEFAULT_BANDS = {"met": ("0.8", "1"), "partly": ("0.6", "0.8"), "not_met": ("0", "0.6")}
CHINESE = {Outcome.MET: "达成", Outcome.PARTLY: "部分达成", Outcome.NOT_MET: "未达成"}


@rule("qualitative_band", "定性指标分档赋分")
def qualitative_band(data: RuleInput) -> RuleResult:
    """The outcome picks a band of the weight; a claimed score inside the band is accepted.

    Bands default to 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w) (lower bounds
    inclusive, upper exclusive except w). Without a claimed score the band's default is used:
    w for 达成, else the band's lower bound (``default: lower``) — packs may set
    ``default: top``. Example: w 8, 部分达成, claimed 6 → accepted; claimed 6.4 → 4.8.
    """
    outcome = outcome_of(data.target, data.actual)
    if outcome is None or outcome is Outcome.NOT_APPLICABLE:
        return RuleResult.not_computable("实际完成情况无法判定达成程度")
    bands = {**DEFAULT_BANDS, **dict(data.params.get("bands", {}))}
    low_f, high_f = (Decimal(str(v)) for v in bands[outcome.value])
    w = data.weight
    low, high = w * low_f, w * high_f
    inside = data.claimed_score is not None and (
        low <= data.claimed_score <= high
        if outcome is Outcome.MET
        else low <= data.claimed_score < high
    )
    label = CHINESE[outcome]
    if inside:
        assert data.claimed_score is not None
        return RuleResult(
            Status.JUDGEMENT,
            data.claimed_score,
            f"{label}，得分应在 [{low}, {high}] 之间，原得分在范围内",
        )
    default = high if outcome is Outcome.MET or data.params.get("default") == "top" else low
    return RuleResult(
        Status.COMPUTED,
        default,
        f"{label}，得分应在 [{low}, {high}{']' if outcome is Outcome.MET else ')'}"
        f" 之间，按 {default} 计",
    )
