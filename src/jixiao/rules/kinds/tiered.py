"""Tiered bands (分档): "95%(含)以上计5分；85%(含)-95%计3分；…"."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from jixiao.model.quantity import normalize_text
from jixiao.rules.measure import ZERO, percent_value
from jixiao.rules.registry import RuleInput, RuleResult, Status, rule

_BAND_RE = re.compile(
    r"(?P<min>\d+(?:\.\d+)?)%(?P<incl>\(含\))?(?:以上|-\d+(?:\.\d+)?%(?:\(含\))?)?[,，;；]?"
    r"(?:计|得)(?P<points>\d+(?:\.\d+)?)分"
)


def bands_from_text(text: str) -> list[dict[str, Any]]:
    """``95%(含)以上计5分；85%(含)-95%,计3分`` → [{min 95, points 5}, {min 85, points 3}].
    A band written ">90%" without "(含)" is exclusive."""
    norm = normalize_text(text).replace(">", "")
    exclusive_text = normalize_text(text)
    bands = []
    for found in _BAND_RE.finditer(norm):
        if norm[max(0, found.start() - 2) : found.start()] in ("低于", "小于"):
            continue  # "低于75%计0分" is the floor, not a band
        exclusive = not found.group("incl") and f">{found.group('min')}%" in exclusive_text
        bands.append(
            {"min": found.group("min"), "points": found.group("points"), "exclusive": exclusive}
        )
    return bands


@rule("tiered", "分档赋分")
def tiered(data: RuleInput) -> RuleResult:
    """``params.bands``: list of ``{min: percent, points: p}`` (or ``fraction`` of the weight);
    without it the bands are read from the rule text. The highest band whose ``min`` the rate
    reaches gives the score (``min`` inclusive unless ``exclusive: true``); below all → 0.

    Example: "95%(含)以上计5分；85%(含)-95%,计3分；75%(含)-85%,计1分", rate 90% → 3.
    """
    rate = percent_value(data.actual)
    if rate is None:
        return RuleResult.not_computable("缺少可用于分档的百分比实际值")
    bands = list(data.params.get("bands", [])) or bands_from_text(data.rule_text)
    if not bands:
        return RuleResult.not_computable("评分标准中未识别出分档")
    for band in sorted(bands, key=lambda b: Decimal(str(b["min"])), reverse=True):
        low = Decimal(str(band["min"]))
        reached = rate > low if band.get("exclusive") else rate >= low
        if reached:
            points = (
                Decimal(str(band["points"]))
                if "points" in band
                else data.weight * Decimal(str(band["fraction"]))
            )
            return RuleResult(
                Status.COMPUTED,
                min(points, data.weight),
                f"实际 {rate}% 达到 {low}% 档，计 {points} 分",
            )
    return RuleResult(Status.COMPUTED, ZERO, f"实际 {rate}% 低于最低档，不得分")
