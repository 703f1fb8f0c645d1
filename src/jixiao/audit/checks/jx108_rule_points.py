"""JX108: the points a scoring rule can award differ from the indicator's weight."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from jixiao.audit.common import (
    EXACT,
    evaluations,
    indicator_location,
    plain,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

MARKS = "①②③④⑤⑥⑦⑧⑨⑩"
_POINTS = re.compile(r"(?:(\d+(?:\.\d+)?)\s*[-~－—至]\s*)?(\d+(?:\.\d+)?)\s*分")
_FULL = re.compile(r"满分(?!\s*\d)")
_BRACKETED = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
# What may stand right before an awarded number ("得1分", "，3分", "(2分)", "分数值0-3分").
_AWARD_LEAD = set("得计记为，,；;：:（(、值" + MARKS)


def _awards(segment: str, weight: Decimal) -> list[Decimal]:
    found = [weight for _ in _FULL.finditer(segment)]
    for match in _POINTS.finditer(segment):
        before = segment[max(0, match.start() - 4) : match.start()].rstrip()
        if "扣" in before or before.endswith(("权重（", "权重(", "权重分（", "权重分(", "得分")):
            continue
        if not before or before[-1] in _AWARD_LEAD or before.endswith("满分"):
            found.append(Decimal(match.group(2)))
    return found


def rule_maximum(rule: str, weight: Decimal) -> Decimal | None:
    """The most a rule text can award: the sum over a ①②③ checklist (unless one item alone is
    worth the weight: then the items are alternatives), otherwise the largest award named."""
    if "分" not in rule:  # every award is written "N分" or "满分"
        return None
    # A batch repeats each template's rule texts thousands of times. The weight is keyed by
    # its text: Decimal("4") and Decimal("4.0") are equal but print differently.
    return _rule_maximum(rule, str(weight))


@lru_cache(maxsize=8192)
def _rule_maximum(rule: str, weight_text: str) -> Decimal | None:
    weight = Decimal(weight_text)
    if any(mark in rule for mark in MARKS):
        parts = re.split(f"[{MARKS}]", rule)[1:]
        items = [max(_awards(part, weight), default=Decimal(0)) for part in parts]
        if not any(items):
            return None
        return weight if max(items) == weight else sum(items, Decimal(0))
    bracketed = [Decimal(v) for v in _BRACKETED.findall(rule)]
    if len(bracketed) >= 2 and _are_parts(bracketed, weight):
        return sum(bracketed, Decimal(0))
    awards = _awards(rule, weight)
    return max(awards) if awards else None


def _are_parts(points: list[Decimal], weight: Decimal) -> bool:
    """Whether bracketed points (``制度健全(1分)，执行有效(1分)``) are parts that add up,
    not the grades of a ladder (``全部完成(5分)，部分完成(3分)，未完成(0分)``)."""
    if sum(points, Decimal(0)) == weight:
        return True
    descending = all(a > b for a, b in pairwise(points))
    return max(points) != weight and Decimal(0) not in points and not descending


class RulePointsMismatch(Check):
    """评分标准可给的分数与指标分值不符。

    反例：分值 4 分，评分标准“①符合申报条件(2分)②程序符合管理办法(1分)③项目调整履行了相应手续”
    只为前两项定了分（合计 3 分），却得 4 分；分值 6 分，评分标准写“分数值0-3分”。
    正例：评分要点分值之和（或分档的最高分）等于指标分值，得分不超过评分标准允许的最高分。
    括号中标注分值的各要点（“制度健全(1分)，执行有效(1分)”）按其和计，分档（含 0 分档或逐档递减）
    按最高档计。
    得分超过评分标准最高分时报告为“错误”，仅标准与分值不一致时为“警告”。
    """

    code = "JX108"
    title = "评分标准分值与指标分值不符"
    family = "structure"
    severity = Severity.WARNING
    rests_on = frozenset({"column:weight", "column:rule"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                if item.weight is None or not item.rule:
                    continue
                maximum = rule_maximum(item.rule, item.weight)
                if maximum is None or maximum == item.weight:
                    continue
                score = item.claimed_score
                if score is not None and score > maximum:
                    yield self.finding(
                        f"评分标准最多可得 {plain(maximum)} 分（分值 {plain(item.weight)} 分），"
                        f"却得 {plain(score)} 分",
                        location=indicator_location(index, form, number, "claimed_score"),
                        claimed=score,
                        expected=maximum,
                        severity=Severity.ERROR,
                    )
                else:
                    yield self.finding(
                        f"评分标准各要点（或最高档）合计 {plain(maximum)} 分，与分值 "
                        f"{plain(item.weight)} 分不符",
                        location=indicator_location(index, form, number, "rule"),
                        claimed=item.weight,
                        expected=maximum,
                    )
