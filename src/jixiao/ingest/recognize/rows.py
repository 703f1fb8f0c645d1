"""Row views over grids, column maps, and reading printed numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from jixiao.ingest.grid import Cell, Grid
from jixiao.ingest.recognize.headers import FieldMatch, WordTable, flat, key
from jixiao.model import SourceRef
from jixiao.model.limits import read_decimal

_NUMBER_RE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_UNIT_SUFFIX_RE = re.compile(r"(?:分|万元|元|个|项)$")
EMPTY_MARKS = frozenset({"", "-", "—", "——", "–", "/", "\\", "…", "……", "...", "－", "无数据"})
_WEIGHT_SUFFIX_RE = re.compile(
    r"^(?P<name>.*?)\s*[(（]\s*(?P<w>\d+(?:\.\d+)?)\s*分\s*[)）]?\s*$", re.S
)
_CODE_RE = re.compile(r"^(?P<code>[A-Z]\d{0,4})(?=[\u4e00-\u9fff“\"(（])")
_YEAR_RE = re.compile(r"(20\d{2}|19\d{2})\s*年")


def clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def is_blank(text: str) -> bool:
    return clean(text) in EMPTY_MARKS


def parse_decimal(text: str) -> Decimal | None:
    """A printed amount, weight or score (``1,602.88``, ``9.60``, ``100.00分``); else None."""
    norm = re.sub(r"\s+", "", clean(text))
    norm = _UNIT_SUFFIX_RE.sub("", norm)
    if not _NUMBER_RE.match(norm):
        return None
    return read_decimal(norm.replace(",", ""))  # None when out of bounds


def looks_numeric(text: str) -> bool:
    """True for cells that are data, not words: numbers, percentages, comparisons."""
    norm = re.sub(r"\s+", "", clean(text)).rstrip("%")
    return bool(norm) and (parse_decimal(norm) is not None or norm[:1] in "<>=≥≤")


def split_weight(text: str) -> tuple[str, Decimal | None]:
    """``产出指标（50分)`` → (``产出指标``, 50)."""
    match = _WEIGHT_SUFFIX_RE.match(text)
    if not match:
        return text, None
    weight = read_decimal(match.group("w"))
    return (match.group("name").strip(), weight) if weight is not None else (text, None)


_STATED_POINTS_RE = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分")


def stated_points(text: str) -> Decimal | None:
    """The points a label states in brackets: ``预算执行情况（20分）``, ``得分(20分*执行率)``."""
    match = _STATED_POINTS_RE.search(clean(text))
    return Decimal(match.group(1)) if match else None


def split_code(text: str) -> tuple[str | None, str]:
    """``A11部门中长期规划…`` → (``A11``, ``部门中长期规划…``)."""
    match = _CODE_RE.match(text)
    if not match:
        return None, text
    return match.group("code"), text[match.end() :].strip()


def find_year(text: str) -> int | None:
    match = _YEAR_RE.search(clean(text))
    return int(match.group(1)) if match else None


def source(grid: Grid, cell: Cell) -> SourceRef:
    return SourceRef(
        table=grid.index,
        row=cell.row,
        col=cell.col,
        cell=cell.address,
        sheet=grid.sheet,
        text=cell.text,
        page=cell.page,
        confidence=cell.confidence,
    )


@dataclass(frozen=True)
class Row:
    """Row ``r`` of a grid. ``slots[i]`` is the cell printed at column ``i + 1`` in this row;
    positions covered by a merge from the left or from above are None, like the empty cells
    of a text export."""

    grid: Grid
    r: int
    slots: tuple[Cell | None, ...]

    @classmethod
    def of(cls, grid: Grid, r: int) -> Row:
        dense = grid.dense()[r - 1]
        slots = tuple(c if c is not None and c.row == r and c.col == i + 1 else None
                      for i, c in enumerate(dense))  # fmt: skip
        return cls(grid, r, slots)

    @cached_property
    def words_only(self) -> bool:
        """A header row is words only."""
        return bool(self.cells) and not any(looks_numeric(c.text) for c in self.cells)

    @cached_property
    def cells(self) -> list[Cell]:
        """The non-empty cells of this row, left to right."""
        return [c for c in self.slots if c is not None and c.text.strip()]

    @property
    def texts(self) -> list[str]:
        return [flat(c.text) for c in self.cells]

    def above(self, col: int) -> Cell | None:
        """The cell merged down into ``col`` of this row, if any."""
        dense = self.grid.dense()[self.r - 1]
        if 0 < col <= len(dense):
            cell = dense[col - 1]
            if cell is not None and cell.row < self.r and cell.col == col:
                return cell
        return None

    def aligned(self, width: int, total_label: bool) -> Row:
        """Ragged text-export rows narrower than their header hide horizontal merges; a total
        row's label spans the leading columns, so such a row is aligned to the right."""
        if self.grid.positional or len(self.slots) >= width or not total_label:
            return self
        pad: tuple[Cell | None, ...] = (None,) * (width - len(self.slots))
        return Row(self.grid, self.r, pad + self.slots)

    def at(self, col: int | None) -> Cell | None:
        if col is None or not 0 < col <= len(self.slots):
            return None
        cell = self.slots[col - 1]
        return cell if cell is not None and cell.text.strip() else None


ColumnMap = dict[str, int]


def header_matches(row: Row, table: WordTable) -> list[tuple[int, FieldMatch]]:
    """Every header cell of ``row`` that names a field, with its column."""
    found: list[tuple[int, FieldMatch]] = []
    for col, cell in enumerate(row.slots, 1):
        if cell is not None and cell.text.strip():
            match = table.match(cell.text)
            if match is not None:
                found.append((col, match))
    return found


def map_columns(row: Row, table: WordTable) -> tuple[ColumnMap, int]:
    """Field → column for a header row, strongest match per field; also the matched count."""
    matches = header_matches(row, table)
    best: dict[str, tuple[tuple[bool, int], int]] = {}
    for col, found in matches:
        current = best.get(found.field)
        if current is None or found.strength > current[0]:
            best[found.field] = (found.strength, col)
    return {field: col for field, (_, col) in best.items()}, len(matches)


def scrambled_columns(row: Row, table: WordTable, columns: ColumnMap) -> dict[str, str]:
    """Field → why its column is a guess, for the fields ``columns`` took from a header whose
    characters were out of order (matched by its characters, not by its words)."""
    guessed: dict[str, str] = {}
    for col, found in header_matches(row, table):
        if found.scrambled is not None and columns.get(found.field) == col:
            cell = row.slots[col - 1]
            text = flat(cell.text) if cell is not None else ""
            guessed[found.field] = f"表头“{text}”字序错乱，按所含的字推定为“{found.scrambled}”列"
    return guessed


def header_like(row: Row) -> bool:
    return row.words_only


def cell_key(cell: Cell | None) -> str:
    return key(cell.text) if cell is not None else ""
