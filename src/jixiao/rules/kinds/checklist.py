"""Checklists (①…1分 ②…1分, or "①-④均分该指标分值"): each point met or not."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from jixiao.rules.registry import RuleInput, RuleResult, Status, rule

MAX_ITEMS_FOR_SUBSETS = 16
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_RANGE_RE = re.compile(f"([{CIRCLED}])\\s*[-—~至到]\\s*([{CIRCLED}])\\s*均分")
_POINTS_RE = re.compile(r"(?<![扣减])(\d+(?:\.\d+)?)分")


def _compact(text: str) -> str:
    # Not NFKC: it would turn ① into 1. Only unify brackets and drop spaces.
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")


def items_from_text(rule_text: str, points_text: str, weight: Decimal) -> list[Decimal]:
    """Item points from "①…(1分) ②…(1分)" or "①-④均分该指标分值" (equal split)."""
    rule_norm = _compact(rule_text)
    equal = _RANGE_RE.search(rule_norm)
    if equal:
        count = CIRCLED.index(equal.group(2)) - CIRCLED.index(equal.group(1)) + 1
        return [weight / count] * count if count > 0 else []
    segments = [s for s in re.split(f"[{CIRCLED}]", rule_norm)[1:] if s]
    points = []
    for segment in segments:
        found = _POINTS_RE.findall(segment)
        if len(found) != 1:
            return []  # deductions or several figures: not a plain checklist
        points.append(Decimal(found[0]))
    if points and sum(points) == weight:
        return points
    marks = [c for c in points_text if c in CIRCLED]
    if "均分" in rule_norm and marks:
        return [weight / len(marks)] * len(marks)
    return []


@rule("checklist", "要点逐项赋分")
def checklist(data: RuleInput) -> RuleResult:
    """Items' points from ``params.items`` or the rule text; ``params.met`` says which items
    are met. With ``met`` the score is their sum; without it the claimed score must be a sum
    of some items (each item all or nothing).
    Example: "①设有目标(1分) ②目标明确(1分) ③目标细化(1分) ④目标量化(1分)", claimed 3 →
    accepted; claimed 3.5 → not reachable, nearest lower sum 3.
    """
    items = [Decimal(str(p)) for p in data.params.get("items", [])] or items_from_text(
        data.rule_text, data.points_text, data.weight
    )
    if not items:
        return RuleResult.not_computable("未能从评分规则识别出各要点分值")
    met = data.params.get("met")
    if met is not None:
        score = sum((p for p, ok in zip(items, met, strict=False) if ok), Decimal(0))
        return RuleResult(Status.COMPUTED, score, f"满足 {sum(map(bool, met))} 项要点")
    if data.claimed_score is None or len(items) > MAX_ITEMS_FOR_SUBSETS:
        return RuleResult.not_computable("未给出各要点是否满足")
    reachable = {sum(c, Decimal(0)) for n in range(len(items) + 1) for c in combinations(items, n)}
    if data.claimed_score in reachable:
        return RuleResult(Status.JUDGEMENT, data.claimed_score, "得分可由若干要点分值组成")
    best = max((s for s in reachable if s <= data.claimed_score), default=Decimal(0))
    shown = "、".join(str(p) for p in items)
    return RuleResult(
        Status.COMPUTED, best, f"得分 {data.claimed_score} 不能由要点分值（{shown}）组合得到"
    )
