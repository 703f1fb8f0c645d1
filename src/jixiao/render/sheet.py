"""Writing cells of a form sheet: merges, borders, fonts, review marks, formulas, row heights.

Every number keeps the value it prints (rounded half-up to the cell's format). A cell that
disagrees with the rules gets a fill and a comment saying what it should be and why.
Formulas (``=SUM(...)``) are written with the value they evaluate to, which
:mod:`jixiao.render.formula_cache` stores as the cell's cached value, so that viewers that
do not recalculate show the total at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.decimals import round_half_up
from jixiao.render.cells import clean_text, line_count, needs_quote
from jixiao.render.layout import Fonts
from jixiao.render.numbers import PLACES
from jixiao.render.view import Value

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MARK_FILL = PatternFill(fill_type="solid", start_color="FFF2CC", end_color="FFF2CC")
COMMENT_AUTHOR = "jixiao 审核"
COMMENT_WIDTH_PT = 300
POINTS_PER_LINE = 1.45  # line height as a multiple of the font size
ROW_PADDING = 4.0


@dataclass(frozen=True)
class Formula:
    """A live formula and the value it evaluates to (cached in the file)."""

    text: str
    value: Decimal


@dataclass(frozen=True)
class Mark:
    """A figure that disagrees with the rules: where, what was filed, what it should be."""

    sheet: str
    cell: str
    item: str
    filed: str
    expected: str
    reason: str


@dataclass
class _Block:
    row: int
    col: int
    rows: int
    cols: int
    text: str
    size: float


def number_text(value: Decimal, number_format: str) -> str:
    if number_format.endswith("%"):
        return f"{round_half_up(value * 100, PLACES)}%"
    if "0.00" in number_format:
        return f"{round_half_up(value, PLACES):,}"
    return format(value, "f")


def prepare(value: Value, number_format: str) -> Value:
    """Numbers rounded half-up to what the cell shows, so the stored value is the printed one."""
    if isinstance(value, Decimal):
        if number_format.endswith("%"):
            return round_half_up(value, PLACES + 2)
        if "0.00" in number_format:
            return round_half_up(value, PLACES)
    return value


class SheetWriter:
    """Writes cells with merges and borders, and sizes rows to their wrapped text."""

    def __init__(self, ws: Worksheet, widths: list[float], fonts: Fonts) -> None:
        self.ws = ws
        self.widths = widths
        self.fonts = fonts
        self.row = 1
        self.blocks: list[_Block] = []
        self.numbers: dict[str, Decimal] = {}
        self.cache: dict[str, Decimal] = {}
        self.marks: list[Mark] = []
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width

    def put(
        self,
        row: int,
        col: int,
        value: Value | Formula,
        *,
        cols: int = 1,
        rows: int = 1,
        bold: bool = False,
        align: str = "center",
        number_format: str = "General",
        border: bool = True,
        size: float | None = None,
        font_name: str | None = None,
    ) -> str:
        """Write one (possibly merged) cell; returns its coordinate."""
        ws = self.ws
        cell = ws.cell(row=row, column=col)
        text = ""
        wrap = True
        if isinstance(value, Formula):
            cell.value = f"={value.text}"
            cell.number_format = number_format
            self.cache[cell.coordinate] = value.value
            self.numbers[cell.coordinate] = value.value
            text, wrap = number_text(value.value, number_format), False
        elif isinstance(value, str):
            text = clean_text(value, where=f"{ws.title}!{cell.coordinate}")
            cell.value = text
            if needs_quote(text):
                cell.data_type = "s"
                cell.quotePrefix = True
        elif isinstance(value, Decimal):
            cell.value = value
            cell.number_format = number_format
            self.numbers[cell.coordinate] = value
            text, wrap = number_text(value, number_format), False
        font_size = size or self.fonts.body_size
        cell.font = Font(name=font_name or self.fonts.body, size=font_size, bold=bold)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
        if rows > 1 or cols > 1:
            ws.merge_cells(
                start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1
            )
        if border:
            for r in range(row, row + rows):
                for c in range(col, col + cols):
                    ws.cell(row=r, column=c).border = BORDER
        self.blocks.append(_Block(row, col, rows, cols, text, font_size))
        return str(cell.coordinate)

    def mark(self, coordinate: str, item: str, filed: str, expected: str, reason: str) -> None:
        """Highlight a cell and say in a comment what it should be and why."""
        cell = self.ws[coordinate]
        cell.fill = MARK_FILL
        text = f"原填报：{filed}\n应为：{expected}\n{reason}".strip()
        comment = Comment(text, COMMENT_AUTHOR)
        comment.width = COMMENT_WIDTH_PT
        comment.height = 40 + 16 * line_count(text, 40)
        cell.comment = comment
        self.marks.append(Mark(self.ws.title, coordinate, item, filed, expected, reason))

    def total_of(self, coordinates: list[str]) -> Formula | None:
        """``=SUM(...)`` over the given cells with the value it evaluates to."""
        if not coordinates:
            return None
        value = sum((self.numbers.get(c, Decimal(0)) for c in coordinates), Decimal(0))
        return Formula(f"SUM({','.join(_ranges(coordinates))})", value)

    def height(self, row: int) -> float:
        found = self.ws.row_dimensions[row].height
        return float(found) if found else self.fonts.body_size * POINTS_PER_LINE + ROW_PADDING

    def finish(self) -> None:
        """Row heights from the wrapped text (single rows first, then merged row spans)."""
        heights: dict[int, float] = {}

        def needed(block: _Block) -> float:
            width = sum(self.widths[block.col - 1 : block.col - 1 + block.cols])
            lines = line_count(block.text, width) if block.text else 1
            return lines * block.size * POINTS_PER_LINE + ROW_PADDING

        for block in self.blocks:
            if block.rows == 1:
                heights[block.row] = max(heights.get(block.row, 0.0), needed(block))
        for block in self.blocks:
            if block.rows > 1:
                span = range(block.row, block.row + block.rows)
                have = sum(heights.get(r, 0.0) for r in span)
                want = needed(block)
                if want > have:
                    extra = (want - have) / block.rows
                    for r in span:
                        heights[r] = heights.get(r, 0.0) + extra
        for row, height in heights.items():
            self.ws.row_dimensions[row].height = round(height, 1)


def _ranges(coordinates: list[str]) -> list[str]:
    """Cells of one column in consecutive rows folded into ``H9:H30`` ranges."""
    parts: list[str] = []
    run: list[tuple[str, int]] = []
    for coordinate in coordinates:
        column, row = coordinate_from_string(coordinate)
        if run and run[-1][0] == column and run[-1][1] + 1 == row:
            run.append((column, row))
            continue
        if run:
            parts.append(_range_text(run))
        run = [(column, row)]
    if run:
        parts.append(_range_text(run))
    return parts


def _range_text(run: list[tuple[str, int]]) -> str:
    (column, first), (_, last) = run[0], run[-1]
    return f"{column}{first}" if first == last else f"{column}{first}:{column}{last}"
