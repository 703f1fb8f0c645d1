"""Ruled tables on pages → grids with merge spans, one grid for a table that runs on.

A table's rows and columns are the distinct edges of its ruled cells, so a cell spanning
several of them is a merged cell. A table that ends one page and begins the next, with the
same outer edges, is one table: a header row printed again on the new page is dropped, a
row broken by the page is put back together, and a merged cell that runs on past the break
keeps growing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from jixiao.ingest.grid import Cell
from jixiao.ingest.readers.pdf_layout import Char, Line, cell_text, cluster, group_lines, nearest

EDGE_TOLERANCE = 2.5  # points: edges of one column or row as drawn by different cells
_SENTENCE_END = set("。！？；!?;")
MAX_PAD = 10.0  # points: a cell padding larger than this is an indented line


@dataclass(slots=True)
class Box:
    """A ruled cell; ``row``/``col`` count from 0 inside its page table until joined."""

    x0: float
    top: float
    x1: float
    bottom: float
    page: int
    lines: list[Line] = field(default_factory=list)
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1
    pad: float = 0.0  # the table's cell padding, measured once the cells are filled

    def text(self) -> str:
        return cell_text(self.lines, self.x0, self.x1, self.pad)

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    def confidence(self) -> float | None:
        values = [c for line in self.lines if (c := line.confidence()) is not None]
        return min(values) if values else None


@dataclass(slots=True)
class PageTable:
    page: int
    boxes: list[Box]
    xs: list[float]
    ys: list[float]
    page_height: float
    _at: dict[tuple[int, int], Box] = field(default_factory=dict, repr=False)

    @classmethod
    def from_cells(
        cls, page: int, rects: Iterable[tuple[float, float, float, float]], page_height: float
    ) -> PageTable | None:
        boxes = [Box(x0, top, x1, bottom, page) for x0, top, x1, bottom in rects]
        if not boxes:
            return None
        xs = cluster([b.x0 for b in boxes] + [b.x1 for b in boxes], EDGE_TOLERANCE)
        ys = cluster([b.top for b in boxes] + [b.bottom for b in boxes], EDGE_TOLERANCE)
        table = cls(page, boxes, xs, ys, page_height)
        for box in boxes:
            box.row, box.col = nearest(ys, box.top), nearest(xs, box.x0)
            box.rowspan = max(1, nearest(ys, box.bottom) - box.row)
            box.colspan = max(1, nearest(xs, box.x1) - box.col)
            for r in range(box.row, box.row + box.rowspan):
                for c in range(box.col, box.col + box.colspan):
                    table._at.setdefault((r, c), box)
        return table

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    @property
    def height(self) -> int:
        return max(len(self.ys) - 1, 1)

    def _box_at(self, char: Char) -> Box | None:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        r = min(bisect_right(self.ys, y) - 1, len(self.ys) - 2)
        c = min(bisect_right(self.xs, x) - 1, len(self.xs) - 2)
        return self._at.get((r, c))

    def take(self, chars: Iterable[Char]) -> list[Char]:
        """Put the characters that fall in this table's cells into them; return the others."""
        rest: list[Char] = []
        per_box: dict[int, list[Char]] = {}
        for char in chars:
            box = self._box_at(char)
            if box is None:
                rest.append(char)
            else:
                per_box.setdefault(id(box), []).append(char)
        for box in self.boxes:
            box.lines = group_lines(per_box.get(id(box), []), self.page)
        # Left-aligned cells show the padding; if every cell is centred, the widest line does.
        pads = [ln.x0 - b.x0 for b in self.boxes for ln in b.lines]
        pad = max(0.0, min(MAX_PAD, min(pads, default=0.0)))
        for box in self.boxes:
            box.pad = pad
        return rest

    def row_key(self, row: int) -> list[tuple[float, float, str]]:
        """What row ``row`` prints, to tell a header repeated on the next page."""
        return sorted(
            (round(b.x0), round(b.x1), re.sub(r"\s+", "", b.text()))
            for b in self.boxes
            if b.row == row
        )

    def continues(self, other: PageTable) -> bool:
        """Whether ``other`` (at the top of the next page) carries this table on."""
        same_edges = (
            abs(self.xs[0] - other.xs[0]) <= EDGE_TOLERANCE
            and abs(self.xs[-1] - other.xs[-1]) <= EDGE_TOLERANCE
        )
        return other.page == self.page + 1 and same_edges


def _header_rows(first: PageTable, other: PageTable) -> int:
    """How many leading rows of ``other`` repeat the leading rows of ``first``."""
    count = 0
    while (
        count < min(first.height, other.height - 1, 5)
        and first.row_key(count) == other.row_key(count)
        and any(text for _, _, text in first.row_key(count))
    ):
        count += 1
    return count


def _overflows(box: Box, line: Line) -> bool:
    """Whether the first word of ``line`` would not have fitted on the last line of ``box``."""
    if not box.lines:
        return False
    last = box.lines[-1]
    if last.text[-1:] in _SENTENCE_END:
        return False
    width = box.x1 - box.x0 - 2 * box.pad
    return last.x1 - last.x0 + line.lead_width() > width - 0.15 * last.size


def _split_row(ending: list[Box], starting: list[Box]) -> bool:
    """A row broken by the page: every cell printed on both sides ran full to the break."""
    by_columns = {(b.col, b.colspan): b for b in ending}
    both = 0
    for box in starting:
        above = by_columns.get((box.col, box.colspan))
        if above is None:
            return False
        if box.lines and above.lines:
            if not _overflows(above, box.lines[0]):
                return False
            both += 1
    return both > 0


def join_tables(tables: Sequence[PageTable]) -> list[list[Cell]]:
    """One grid from a table's parts on consecutive pages."""
    xs = cluster([x for t in tables for x in t.xs], EDGE_TOLERANCE)
    boxes: list[Box] = []
    offset = 0
    first = tables[0]
    for n, table in enumerate(tables):
        skip = _header_rows(first, table) if n else 0
        local = [b for b in table.boxes if b.row >= skip]
        for box in local:
            box.col = nearest(xs, box.x0)
            box.colspan = max(1, nearest(xs, box.x1) - box.col)
            box.row += offset - skip
        if n:
            offset = _join_at_break(boxes, local, offset)
        boxes.extend(b for b in local if b.rowspan > 0)
        offset += table.height - skip
        offset = max(offset, max((b.last_row + 1 for b in boxes), default=0))
    return _cells(boxes, offset)


def _join_at_break(before: list[Box], after: list[Box], offset: int) -> int:
    """Mend the page break between rows ``offset - 1`` and ``offset``; the new offset."""
    ending = [b for b in before if b.last_row == offset - 1]
    starting = [b for b in after if b.row == offset]
    by_columns = {(b.col, b.colspan): b for b in ending}
    if _split_row(ending, starting):
        for box in after:
            box.row -= 1
        for box in starting:
            upper = by_columns[(box.col, box.colspan)]
            upper.lines.extend(box.lines)
            upper.rowspan += box.rowspan - 1
            box.rowspan = 0  # absorbed
        return offset - 1
    for box in starting:
        above = by_columns.get((box.col, box.colspan))
        runs_on = above is not None and (above.rowspan > 1 or box.rowspan > 1)
        if above is not None and runs_on and not box.lines:
            above.rowspan += box.rowspan
            box.rowspan = 0
    return offset


def _cells(boxes: list[Box], height: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[] for _ in range(height)]
    for box in sorted(boxes, key=lambda b: (b.row, b.col)):
        if box.rowspan <= 0 or box.row >= height:
            continue
        text = box.text()
        if not text and box.rowspan == 1:
            continue
        page = box.lines[0].page if box.lines else box.page
        rows[box.row].append(
            Cell(
                text,
                box.row + 1,
                box.col + 1,
                min(box.rowspan, height - box.row),
                box.colspan,
                page=page,
                confidence=box.confidence(),
            )
        )
    return rows
