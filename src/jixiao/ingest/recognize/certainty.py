"""What an indicator table was read with, and what it was not: the recognizer's certainty.

A table is *cut off* when what it prints shows that rows are missing: it begins inside a
group (the first row has no level-1 label), or it ends without a total row inside a group
whose printed weight its rows do not reach, or without a total row while its weights stay
under full marks. A table that looks whole but prints no total row gets a ``total_row``
doubt. Column roles chosen among several candidates and an execution row whose worth was
not printed are recorded too. The auditor turns these into warnings instead of errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.recognize.headers import key
from jixiao.model import Indicator, IndicatorGroup, SourceRef, Uncertainty

FULL_MARKS = Decimal(100)  # 百分制: the convention every framework we know of follows
ZERO = Decimal(0)
_PLACEHOLDER_RE = re.compile(r"^(?:指标\s*\d+\s*[:：]?\s*)?[…·.。\s]*$")


def is_template_row(indicator: Indicator) -> bool:
    """A template row left in (``指标2: ……``, ``……``) with nothing filled in: not an indicator."""
    name = indicator.name.strip()
    return bool(name) and bool(_PLACEHOLDER_RE.match(name)) and not any(
        (indicator.weight, indicator.claimed_score, indicator.target, indicator.actual)
    )


@dataclass
class Reading:
    """What the recognizer noticed while reading one indicator table."""

    closed: bool = False  # a total row was read
    top_cut: SourceRef | None = None  # the first row sits inside a group
    guessed: dict[str, str] = field(default_factory=dict)  # field → why its column is a guess
    unprinted: set[str] = field(default_factory=set)  # fields the table has no column for


def _name(text: str | None) -> str:
    return key(text or "")


def members(indicators: list[Indicator], group: IndicatorGroup) -> list[Indicator]:
    if group.level == 1:
        return [i for i in indicators if _name(i.level1) == _name(group.name)]
    return [
        i
        for i in indicators
        if _name(i.level2) == _name(group.name)
        and (not group.parent or _name(i.level1) == _name(group.parent))
    ]


def _short(indicators: list[Indicator], group: IndicatorGroup) -> Decimal | None:
    """The weight read under ``group`` when it falls short of the printed group weight."""
    if group.weight is None:
        return None
    items = members(indicators, group)
    got = sum((i.weight or ZERO for i in items), ZERO)
    if got < group.weight or any(i.weight is None for i in items):
        return got
    return None


def _last_groups(indicators: list[Indicator], groups: list[IndicatorGroup]) -> list[IndicatorGroup]:
    last = indicators[-1]
    found = []
    for group in groups:
        if (group.level == 1 and _name(group.name) == _name(last.level1)) or (
            group.level == 2
            and _name(group.name) == _name(last.level2)
            and (not group.parent or _name(group.parent) == _name(last.level1))
        ):
            found.append(group)
    return found


def assess(
    indicators: list[Indicator],
    groups: list[IndicatorGroup],
    reading: Reading | None,
    *,
    total_printed: bool,
    execution_weight: Decimal | None = None,
) -> list[Uncertainty]:
    """The doubts about a form's indicator table (empty when it was read whole)."""
    indicators = [i for i in indicators if not is_template_row(i)]
    if reading is None or not indicators:
        return []
    doubts: list[Uncertainty] = []
    if reading.top_cut is not None:
        first = indicators[0]
        where = f"“{first.level2}”组" if first.level2 else "某一分组"
        doubts.append(Uncertainty(
            aspect="table", subject="top", source=reading.top_cut,
            reason=f"表格从{where}中间开始（首行一级指标空白），前面的行缺失",
        ))
        doubts.extend(
            Uncertainty(aspect="group", subject=g.name, reason="该组的前面几行缺失")
            for g in groups
            if g.level == 2 and _name(g.name) == _name(first.level2)
        )
    if not reading.closed:
        doubts.extend(_bottom(indicators, groups, execution_weight, total_printed))
    for fld, why in reading.guessed.items():
        doubts.append(Uncertainty(aspect="column", subject=fld, reason=why))
    return doubts


def _bottom(
    indicators: list[Indicator],
    groups: list[IndicatorGroup],
    execution_weight: Decimal | None,
    total_printed: bool,
) -> list[Uncertainty]:
    short = [(g, got) for g in _last_groups(indicators, groups)
             if (got := _short(indicators, g)) is not None]  # fmt: skip
    if short:
        group, got = short[0]
        assert group.weight is not None
        doubts = [Uncertainty(
            aspect="table", subject="bottom", source=group.sources.get("name"),
            reason=f"表格在“{group.name}”组内结束（标注 {group.weight} 分，只读到 {got} 分），"
            "未见合计行",
        )]
        doubts.extend(
            Uncertainty(aspect="group", subject=g.name, reason="该组的后面几行缺失")
            for g, _ in short
        )
        return doubts
    weights = [i.weight for i in indicators if i.weight is not None]
    read = sum(weights, ZERO) + (execution_weight or ZERO)
    if weights and read < FULL_MARKS:
        return [Uncertainty(
            aspect="table", subject="bottom",
            reason=f"未见合计行，已读到的分值合计 {read} 分，不足 {FULL_MARKS} 分",
        )]
    if total_printed:
        return []
    return [Uncertainty(aspect="total_row", reason="表中未见总分（合计）行")]
