"""Figures of a form's goal text (年度总体目标) and the indicator targets they name."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.audit.prose import Figure, Kind, figures
from jixiao.model.evaluation import SelfEvaluationBase

_GE_WORDS = ("不少于", "不低于", "以上", "至少", "达到", "大于", "超过", "不小于")
_LE_WORDS = ("不超过", "不高于", "以内", "以下", "控制在", "小于", "低于")


def bigrams(text: str) -> set[str]:
    chars = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {a + b for word in chars.split() for a, b in itertools.pairwise(word)}


@dataclass(frozen=True)
class GoalMention:
    clause: str
    figure: Figure
    start: int
    direction: str | None  # ">=", "<=" or None


def goal_mentions(text: str) -> list[GoalMention]:
    mentions = []
    for clause in re.finditer(r"[^，,；;。：:、\n]+", text):
        for figure in figures(clause.group(0)):
            words = clause.group(0)
            direction = (
                ">="
                if any(w in words for w in _GE_WORDS)
                else "<="
                if any(w in words for w in _LE_WORDS)
                else None
            )
            mentions.append(GoalMention(words, figure, clause.start() + figure.start, direction))
    return mentions


def match_goal(
    name: str, target: Figure, mentions: list[GoalMention], unique_unit: bool
) -> GoalMention | None:
    """The goal's mention of the same thing: the clause sharing most of the indicator name's
    character pairs, or — when the unit is used once on each side — the one figure in it."""
    wanted = bigrams(name)
    best: tuple[float, GoalMention] | None = None
    for mention in mentions:
        if not mention.figure.same_unit(target):
            continue
        common = len(wanted & bigrams(mention.clause))
        share = common / len(wanted) if wanted else 0.0
        if common >= 2 and share >= 0.4 and (best is None or share > best[0]):
            best = (share, mention)
    if best is not None:
        return best[1]
    same = [m for m in mentions if m.figure.same_unit(target) and m.figure.unit == target.unit]
    if unique_unit and len(same) == 1 and target.kind is not Kind.PERCENT:
        low, high = sorted((same[0].figure.value, target.value))
        if low > 0 and high / low <= 2:
            return same[0]
    return None


def target_figure(text: str | None) -> Figure | None:
    found = figures(text or "")
    return found[0] if len(found) == 1 else None


def goal_matches(form: SelfEvaluationBase) -> Iterator[tuple[int, GoalMention]]:
    """(indicator number, the goal's mention) for every indicator whose thing the annual
    goal (预期目标) also quantifies."""
    mentions = goal_mentions(form.goal_expected or "")
    if not mentions:
        return
    targets = {n: target_figure(i.target) for n, i in enumerate(form.indicators)}
    units = [f.unit for f in targets.values() if f is not None]
    matched: set[int] = set()
    for number, figure in targets.items():
        if figure is None:
            continue
        item = form.indicators[number]
        mention = match_goal(item.name, figure, mentions, units.count(figure.unit) == 1)
        if mention is not None:
            matched.add(number)
            yield number, mention
    # A goal figure used once in its unit, sharing words with exactly one unmatched indicator.
    for mention in mentions:
        if sum(1 for m in mentions if m.figure.unit == mention.figure.unit) != 1:
            continue
        near = [
            n
            for n, f in targets.items()
            if f is not None
            and n not in matched
            and f.unit == mention.figure.unit
            and bigrams(form.indicators[n].name) & bigrams(mention.clause)
        ]
        if len(near) == 1 and (figure := targets[near[0]]) is not None:
            low, high = sorted((figure.value, mention.figure.value))
            if low > 0 and high / low <= 2:
                yield near[0], mention
