"""Indicator tables: the indicator block of self-evaluation forms and scoring tables.

Both have level columns (一级/二级/三级指标) and per-row values; they differ in which value
columns they print. Level cells are usually merged down; an empty level cell takes the
value above. A level cell may print its group weight (``产出指标（50分)``), which becomes
an :class:`~jixiao.model.IndicatorGroup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.grid import Cell
from jixiao.ingest.recognize.certainty import Reading
from jixiao.ingest.recognize.headers import Vocabulary, flat
from jixiao.ingest.recognize.qualifiers import QUALIFIER_FIELDS, qualify
from jixiao.ingest.recognize.rows import (
    ColumnMap,
    Row,
    header_like,
    header_matches,
    is_blank,
    map_columns,
    parse_decimal,
    scrambled_columns,
    source,
    split_code,
    split_weight,
    stated_points,
)
from jixiao.model import Indicator, IndicatorGroup, SourceRef

LEVEL_FIELDS = ("level1", "level2", "name")
NUMBER_FIELDS = ("weight", "claimed_score")
TEXT_FIELDS = (
    "target",
    "actual",
    "completion",
    "rule",
    "target_basis",
    "previous_actual",
    "evidence",
    "deviation_note",
    "explanation",
    "points",
    "notes",
)
VALUE_FIELDS = frozenset(NUMBER_FIELDS + TEXT_FIELDS)
SCORING_FIELDS = frozenset({"explanation", "points", "notes"})
PLACED_BY_CONTENT = "纯文本表格的行缺少单元格，各单元格所在列系按内容推断"
_BARE_SCORE_RE = re.compile(r"^\d+(?:\.\d+)?\s*分?$")


@dataclass
class Totals:
    weight: Decimal | None = None
    score: Decimal | None = None
    sources: dict[str, SourceRef] = field(default_factory=dict)


@dataclass
class _Level:
    name: str
    ref: SourceRef


@dataclass
class IndicatorTable:
    """An indicator header and the state needed to read the rows below it."""

    columns: ColumnMap
    width: int
    vocab: Vocabulary
    group_weights: dict[str, int] = field(default_factory=dict)
    group_scores: dict[str, int] = field(default_factory=dict)
    level1: _Level | None = None
    level2: _Level | None = None
    groups: list[IndicatorGroup] = field(default_factory=list)
    reading: Reading = field(default_factory=Reading)
    rows_read: int = 0

    @classmethod
    def detect(cls, row: Row, vocab: Vocabulary) -> IndicatorTable | None:
        if not header_like(row):
            return None
        columns, matched = map_columns(row, vocab.indicator)
        levels = [f for f in LEVEL_FIELDS if f in columns]
        values = VALUE_FIELDS & columns.keys()
        enough = len(values) >= 2 or (len(levels) >= 2 and bool(values))
        if not levels or not enough or len(columns) < 3 or matched * 3 < len(row.cells):
            return None
        _merge_header_above(row, columns, vocab)
        table = cls(columns, len(row.slots), vocab)
        table.reading.guessed.update(scrambled_columns(row, vocab.indicator, columns))
        if row.grid.guessed:
            table.reading.guessed.update(dict.fromkeys(columns, PLACED_BY_CONTENT))
        if "deviation_note" not in columns and ("target" in columns or "actual" in columns):
            table.reading.unprinted.add("deviation_note")  # some provinces print no such column
        table._beside_levels(row, "weight", table.group_weights)
        table._beside_levels(row, "claimed_score", table.group_scores)
        return table

    def _beside_levels(self, row: Row, fld: str, found: dict[str, int]) -> None:
        """``一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值`` (or ``得分`` after each level):
        a weight or score column right of a level column holds that level's group weight or
        score; the indicator's own is the last one."""
        cols = [c for c, m in header_matches(row, self.vocab.indicator) if m.field == fld]
        if len(cols) < 2:
            return
        for col in cols:
            left = next((f for f, c in self.columns.items() if c == col - 1), None)
            if left in ("level1", "level2"):
                found[left] = col
        own = [c for c in cols if c not in found.values()]
        if own:
            self.columns[fld] = own[-1]

    @property
    def looks_scored(self) -> bool:
        """Scoring tables explain and justify; self-evaluation tables compare target and actual."""
        cols = self.columns.keys()
        return bool(cols & SCORING_FIELDS) or not cols & {"target", "actual"}

    def _level(self, row: Row, fld: str, parent: str | None) -> tuple[_Level | None, bool]:
        """The level text of this row (code and weight removed) and whether it was printed here."""
        cell = row.at(self.columns.get(fld))
        if cell is None:
            return None, False
        text, weight = split_weight(flat(cell.text))
        _, name = split_code(text)
        refs = {"name": source(row.grid, cell)}
        if weight is not None:
            refs["weight"] = refs["name"]
        weight_cell = row.at(self.group_weights.get(fld))
        if weight is None and weight_cell is not None:
            weight = parse_decimal(weight_cell.text)
            refs["weight"] = source(row.grid, weight_cell)
        score_cell = row.at(self.group_scores.get(fld))
        score = parse_decimal(score_cell.text) if score_cell is not None else None
        if score is not None and score_cell is not None:
            refs["claimed_score"] = source(row.grid, score_cell)
        if weight is not None or score is not None:
            level = 1 if fld == "level1" else 2
            group = (level, name, parent if level == 2 else None)
            _add_group(self.groups, group, (weight, score), refs)
        return _Level(name, refs["name"]), weight is not None or score is not None

    def totals(self, row: Row) -> Totals | None:
        return read_totals(row, self.columns, self.width, self.vocab)

    def read(self, row: Row) -> Indicator | None:
        """The indicator printed in ``row``, or None for blank and heading-only rows."""
        level1, group1 = self._level(row, "level1", None)
        parent = level1 or self.level1
        level2, group2 = self._level(row, "level2", parent.name if parent else None)
        if "name" in self.columns:
            name_cell = row.at(self.columns["name"])
        else:  # two-level tables: the deepest level names the indicator
            deepest = "level2" if "level2" in self.columns else "level1"
            name_cell = row.at(self.columns[deepest])
            if deepest == "level2":
                level2 = None
            else:
                level1 = None
        values = {f: row.at(self.columns.get(f)) for f in VALUE_FIELDS}
        has_values = any(c is not None and not is_blank(c.text) for c in values.values())
        if name_cell is None and not has_values:
            # A heading row: follow it only when it printed a group weight.
            if group1 and level1:
                self.level1, self.level2 = level1, None
            if group2 and level2:
                self.level2 = level2
            return None
        if level1 is not None:
            if self.level1 is None or level1.name != self.level1.name:
                self.level2 = None
            self.level1 = level1
        if level2 is not None:
            self.level2 = level2
        self.rows_read += 1
        if self.rows_read == 1 and self.level1 is None and self._level1_printed:
            self.reading.top_cut = source(row.grid, row.cells[0])
        return _indicator(row, name_cell, values, self.columns, (self.level1, self.level2))

    @property
    def _level1_printed(self) -> bool:
        """Whether rows print a level-1 label of their own (not only the indicator name)."""
        return "level1" in self.columns and ("name" in self.columns or "level2" in self.columns)


def read_totals(row: Row, columns: ColumnMap, width: int, vocab: Vocabulary) -> Totals | None:
    """The total row of an indicator table (合计/总分, or a bare "100分" in the name column)."""
    first = row.cells[0] if row.cells else None
    if first is None:
        return None
    name_cell = row.at(columns.get("name"))
    bare = (
        name_cell is not None
        and name_cell is first
        and bool(_BARE_SCORE_RE.match(name_cell.text.strip()))
    )
    if not (vocab.is_total(first.text) or bare):
        return None
    aligned = row.aligned(width, total_label=True)
    totals = Totals()
    for fld, attr in (("weight", "weight"), ("claimed_score", "score")):
        cell = aligned.at(columns.get(fld))
        if cell is not None:
            setattr(totals, attr, parse_decimal(cell.text))
            totals.sources[attr] = source(row.grid, cell)
    numbers = [c for c in row.cells[1:] if parse_decimal(c.text) is not None]
    if totals.score is None and len(numbers) == 1 and "claimed_score" in columns:
        # "总分（100分） | 96": the one figure of a total row is its score
        totals.score = parse_decimal(numbers[0].text)
        totals.sources["score"] = source(row.grid, numbers[0])
    if totals.weight is None and (stated := stated_points(first.text)) is not None:
        totals.weight = stated
        totals.sources["weight"] = source(row.grid, first)
    return totals


def _indicator(
    row: Row,
    name_cell: Cell | None,
    values: dict[str, Cell | None],
    columns: ColumnMap,
    levels: tuple[_Level | None, _Level | None],
) -> Indicator:
    """The indicator of ``row`` under the level-1 and level-2 labels in force."""
    level1, level2 = levels
    sources: dict[str, SourceRef] = {}
    data: dict[str, object] = {}
    qualifiers = [row.at(columns.get(f)) for f in QUALIFIER_FIELDS]
    code: str | None = None
    name = ""
    name_weight: Decimal | None = None
    if name_cell is not None:
        printed, name_weight = split_weight(flat(name_cell.text))
        code, name = split_code(printed)
        sources["name"] = source(row.grid, name_cell)
    if level1 is not None:
        sources["level1"] = level1.ref
    if level2 is not None:
        sources["level2"] = level2.ref
    for fld, cell in values.items():
        if cell is None:
            continue
        sources[fld] = source(row.grid, cell)
        if fld in NUMBER_FIELDS:
            number = parse_decimal(cell.text)
            data[fld] = number if number is None or number >= 0 else None
        elif fld in ("target", "actual"):
            data[fld] = qualify(cell.text, *qualifiers, target=fld == "target")
        else:
            data[fld] = cell.text.strip()
    if data.get("weight") is None and name_weight is not None:
        data["weight"] = name_weight
        sources["weight"] = sources["name"]
    return Indicator(
        code=code,
        level1=level1.name if level1 else "",
        level2=level2.name if level2 else None,
        name=name,
        sources=sources,
        **data,
    )


def _add_group(
    groups: list[IndicatorGroup],
    group: tuple[int, str, str | None],
    figures: tuple[Decimal | None, Decimal | None],
    refs: dict[str, SourceRef],
) -> None:
    """A group weight or score printed in a level cell, once per (level, name, parent, weight)."""
    level, name, parent = group
    weight, score = figures
    if any((g.level, g.name, g.parent, g.weight) == (level, name, parent, weight) for g in groups):
        return
    groups.append(
        IndicatorGroup(
            level=1 if level == 1 else 2,
            name=name,
            parent=parent,
            weight=weight,
            claimed_score=score,
            sources=refs,
        )
    )


def _merge_header_above(row: Row, columns: ColumnMap, vocab: Vocabulary) -> None:
    """A two-row header (``绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分`` over ``一级指标 |
    二级指标 | 三级指标 | 指标性质 | 指标值``): a column left blank in the lower row takes the
    field its upper row names, when that row is a header too (at least two cells naming a
    field exactly)."""
    if row.r <= 1:
        return
    above = Row.of(row.grid, row.r - 1)
    if not above.words_only:
        return
    matches = [(c, m) for c, m in header_matches(above, vocab.indicator) if m.exact]
    if len(matches) < 2:
        return
    taken = set(columns.values())
    for col, match in matches:
        own = row.slots[col - 1] if col <= len(row.slots) else None
        if match.field in columns or col in taken or (own is not None and own.text.strip()):
            continue
        columns[match.field] = col
        taken.add(col)


def weights_from_labels(
    indicators: list[Indicator], groups: list[IndicatorGroup], columns: dict[str, int] | None
) -> list[Indicator]:
    """Forms without a per-row weight column state weights in their level labels
    (``产出指标（50分）`` › ``数量指标（20分）``): an indicator alone in its deepest weighted
    group carries that group's weight (and the group's score, when the row has none)."""
    if columns is None or "weight" in columns:
        return indicators
    result = []
    for item in indicators:
        group = _deepest_group(indicators, groups, item)
        if group is None or item.weight is not None or group.weight is None:
            result.append(item)
            continue
        update: dict[str, object] = {"weight": group.weight}
        sources = dict(item.sources)
        if "weight" in group.sources:
            sources["weight"] = group.sources["weight"]
        if item.claimed_score is None and group.claimed_score is not None:
            update["claimed_score"] = group.claimed_score
        result.append(item.model_copy(update={**update, "sources": sources}))
    return result


def _deepest_group(
    indicators: list[Indicator], groups: list[IndicatorGroup], item: Indicator
) -> IndicatorGroup | None:
    for level, name in ((2, item.level2), (1, item.level1)):
        group = next((g for g in groups if g.level == level and g.name == name
                      and (level == 1 or g.parent in (None, item.level1))), None)  # fmt: skip
        if group is None or group.weight is None:
            continue
        alone = [i for i in indicators if (i.level2 if level == 2 else i.level1) == name
                 and (level == 1 or i.level1 == item.level1)]  # fmt: skip
        return group if len(alone) == 1 else None
    return None
