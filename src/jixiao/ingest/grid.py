"""What every reader produces: paragraphs and tables (grids) in document order.

A :class:`Grid` is rows of cells with merge spans. Readers of positional formats (docx, xlsx,
HTML) place each cell at its true column; the seeds' text export collapses horizontal merges,
so its grids are *ragged* (``positional=False``) and recognizers align such rows by heuristics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.ingest.safety import check_cell_budget
from jixiao.model import limits


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed cell at its top-left position (rows and columns from 1)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    address: str | None = None  # spreadsheet address such as "C7"
    page: int | None = None  # page of a PDF or scanned image, from 1
    confidence: float | None = None  # OCR confidence 0..1; None when read from a text layer


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph outside tables; ``index`` counts paragraphs from 1 in document order."""

    index: int
    text: str
    heading_level: int | None = None
    page: int | None = None


@dataclass(slots=True)
class Grid:
    """A table: ``rows[r]`` holds the cells that start in row ``r + 1``, left to right."""

    index: int
    rows: list[list[Cell]]
    sheet: str | None = None
    positional: bool = True
    guessed: bool = False  # its cells were placed in columns by their content (flattened text)
    _dense: list[list[Cell | None]] | None = field(default=None, repr=False)

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((c.col + c.colspan - 1 for row in self.rows for c in row), default=0)

    def dense(self) -> list[list[Cell | None]]:
        """Row-major matrix where every covered position points at its merged origin cell."""
        if self._dense is None:
            width = self.width
            matrix: list[list[Cell | None]] = [[None] * width for _ in self.rows]
            for row in self.rows:
                for cell in row:
                    for r in range(cell.row - 1, min(cell.row - 1 + cell.rowspan, len(matrix))):
                        for c in range(cell.col - 1, cell.col - 1 + cell.colspan):
                            matrix[r][c] = cell
            if not self.positional:
                # Ragged rows stay ragged: trailing positions past a row's last cell are absent.
                for r, row in enumerate(self.rows):
                    end = row[-1].col + row[-1].colspan - 1 if row else 0
                    del matrix[r][end:]
            self._dense = matrix
        return self._dense

    def row_texts(self, r: int) -> list[str]:
        """Texts of the cells starting in row ``r`` (1-based), for reports."""
        return [cell.text for cell in self.rows[r - 1]]


Block = TextBlock | Grid


@dataclass(slots=True)
class RawDocument:
    """A file read into blocks, before any domain recognition."""

    file: str
    format: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]

    @property
    def paragraphs(self) -> list[TextBlock]:
        return [b for b in self.blocks if isinstance(b, TextBlock)]


def check_grid_shape(rows: list[list[Cell]], file: str) -> None:
    """Refuse a table whose dense form would be too wide or too large, before building it."""
    height = len(rows)
    width = 0
    covered = 0
    for row in rows:
        for cell in row:
            width = max(width, cell.col + cell.colspan - 1)
            covered += min(cell.rowspan, height - cell.row + 1) * cell.colspan
            limits.PARAGRAPH_CHARS.check(len(cell.text), file=file)
    limits.GRID_COLS.check(width, file=file)
    limits.GRID_AREA.check(max(height * width, covered), file=file)


class BlockBuilder:
    """Numbers paragraphs and tables as a reader emits them, and enforces the budgets:
    cells, paragraphs, paragraph length and each table's shape."""

    def __init__(self, file: str, fmt: str, *, max_cells: int) -> None:
        self.document = RawDocument(file=file, format=fmt)
        self.max_cells = max_cells
        self._cells = 0
        self._paragraphs = 0
        self._tables = 0

    def paragraph(
        self, text: str, heading_level: int | None = None, *, page: int | None = None
    ) -> None:
        limits.PARAGRAPH_CHARS.check(len(text), file=self.document.file)
        text = text.strip()
        if text:
            self._paragraphs += 1
            limits.PARAGRAPHS.check(self._paragraphs, file=self.document.file)
            self.document.blocks.append(TextBlock(self._paragraphs, text, heading_level, page))

    def grid(
        self,
        rows: list[list[Cell]],
        *,
        sheet: str | None = None,
        positional: bool = True,
        guessed: bool = False,
    ) -> None:
        if not any(rows):
            return
        self._cells += sum(len(row) for row in rows)
        check_cell_budget(self._cells, self.max_cells, self.document.file)
        check_grid_shape(rows, self.document.file)
        self._tables += 1
        self.document.blocks.append(
            Grid(self._tables, rows, sheet=sheet, positional=positional, guessed=guessed)
        )
