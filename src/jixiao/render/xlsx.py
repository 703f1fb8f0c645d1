"""The self-evaluation forms as an xlsx workbook, in a province's layout.

One sheet per evaluation form (project, department, scoring table) preceded by a summary
sheet. Header cells are merged as in the printed forms (一级/二级 vertically), every table
cell has a thin border, money has two decimals, the page is A4 landscape fitted to the
width with the indicator header repeated on every page, and fonts carry Chinese names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.decimals import round_half_up
from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.model.evaluation import FundingLine
from jixiao.render.cells import clean_text, line_count, needs_quote
from jixiao.render.layout import Column, Fonts, FormLayout, Layout, resolve_layout
from jixiao.render.numbers import PLACES
from jixiao.render.view import FormView, FundingView, Value, form_views
from jixiao.rules.pack import Pack
from jixiao.scoring import score_document

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
POINTS_PER_LINE = 1.45  # line height as a multiple of the font size
ROW_PADDING = 4.0
SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
FORM_TYPE_ZH = {
    "project_self_evaluation": "项目支出绩效自评表",
    "department_self_evaluation": "部门（单位）整体支出绩效自评表",
    "scored_evaluation": "绩效评价评分表",
}


@dataclass(frozen=True)
class FormsOptions:
    layout: str = "auto"
    claimed: bool = False


@dataclass
class FormsSummary:
    """What was written: sheet names, forms left out, and printed figures that differ."""

    path: Path
    layout: str
    sheets: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    differences: int = 0


@dataclass
class _Block:
    row: int
    col: int
    rows: int
    cols: int
    text: str
    size: float


class _SheetWriter:
    """Writes cells with merges and borders, and sizes rows to their wrapped text."""

    def __init__(self, ws: Worksheet, widths: list[float], fonts: Fonts) -> None:
        self.ws = ws
        self.widths = widths
        self.fonts = fonts
        self.row = 1
        self.blocks: list[_Block] = []
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width

    def put(
        self,
        row: int,
        col: int,
        value: Value,
        *,
        cols: int = 1,
        rows: int = 1,
        bold: bool = False,
        align: str = "center",
        number_format: str = "General",
        border: bool = True,
        size: float | None = None,
        font_name: str | None = None,
    ) -> None:
        ws = self.ws
        cell = ws.cell(row=row, column=col)
        text = ""
        if isinstance(value, str):
            text = clean_text(value, where=f"{ws.title}!{cell.coordinate}")
            cell.value = text
            if needs_quote(text):
                cell.data_type = "s"
                cell.quotePrefix = True
        elif isinstance(value, Decimal):
            cell.value = value
            cell.number_format = number_format
            text = _number_text(value, number_format)
        font_size = size or self.fonts.body_size
        cell.font = Font(name=font_name or self.fonts.body, size=font_size, bold=bold)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if rows > 1 or cols > 1:
            ws.merge_cells(
                start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1
            )
        if border:
            for r in range(row, row + rows):
                for c in range(col, col + cols):
                    ws.cell(row=r, column=c).border = BORDER
        self.blocks.append(_Block(row, col, rows, cols, text, font_size))

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


def _number_text(value: Decimal, number_format: str) -> str:
    if number_format.endswith("%"):
        return f"{round_half_up(value * 100, PLACES)}%"
    if "0.00" in number_format:
        return f"{round_half_up(value, PLACES):,}"
    return format(value, "f")


def _prepare(value: Value, number_format: str) -> Value:
    """Numbers rounded half-up to what the cell shows, so the stored value is the printed one."""
    if isinstance(value, Decimal):
        if number_format.endswith("%"):
            return round_half_up(value, PLACES + 2)
        if "0.00" in number_format:
            return round_half_up(value, PLACES)
    return value


def _sheet_name(index: int, name: str, used: set[str]) -> str:
    base = f"{index}-{name}".translate(SHEET_NAME_FORBIDDEN).strip("'") or str(index)
    title = base[:SHEET_NAME_LIMIT]
    counter = 2
    while title in used:
        suffix = f"~{counter}"
        title = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        counter += 1
    used.add(title)
    return title


def _chunks(total: int, parts: int) -> list[int]:
    size, extra = divmod(total, parts)
    return [size + (1 if n >= parts - extra else 0) for n in range(parts)]


def _print_setup(ws: Worksheet, header_row: int | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


def _runs(values: list[Value], limits: list[int]) -> list[tuple[int, int]]:
    """(start, length) runs of equal non-empty values that never cross a limit index."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(values) + 1):
        if (
            index == len(values)
            or index in limits
            or values[index] != values[start]
            or values[start] in (None, "")
        ):
            runs.append((start, index - start))
            start = index
    return runs


class _FormSheet:
    def __init__(self, writer: _SheetWriter, view: FormView, layout: FormLayout) -> None:
        self.w = writer
        self.view = view
        self.layout = layout

    def write(self) -> int | None:
        """Write the form; returns the indicator header row (repeated on every page)."""
        layout, w = self.layout, self.w
        width = layout.width
        title = layout.title.format(name=self.view.form.name)
        w.put(
            w.row,
            1,
            title,
            cols=width,
            bold=True,
            border=False,
            size=w.fonts.title_size,
            font_name=w.fonts.title,
        )
        w.row += 1
        if layout.subtitle:
            year = "    " if self.view.year is None else str(self.view.year)
            w.put(w.row, 1, layout.subtitle.format(year=year), cols=width, border=False)
            w.row += 1
        self._info()
        self._funding()
        self._goals()
        return self._indicators()

    def _info(self) -> None:
        layout, w, form = self.layout, self.w, self.view.form
        for items in layout.info:
            col = 1
            for item, chunk in zip(items, _chunks(layout.width, len(items)), strict=True):
                raw = getattr(form, item.field)
                value = None if raw is None else str(raw)
                w.put(w.row, col, item.label, cols=layout.info_label_span, bold=True)
                w.put(
                    w.row,
                    col + layout.info_label_span,
                    value,
                    cols=chunk - layout.info_label_span,
                    align="left",
                )
                col += chunk
            w.row += 1

    def _funding(self) -> None:
        block, w = self.layout.funding, self.w
        if block is None:
            return
        lines = self.view.funding()
        if not lines:
            lines = self._empty_funding()
        w.put(w.row, 1, block.label, cols=block.label_span, rows=len(lines) + 1, bold=True)
        col = 1 + block.label_span
        for column in block.columns:
            w.put(w.row, col, column.header, cols=column.span, bold=True)
            col += column.span
        w.row += 1
        for line in lines:
            col = 1 + block.label_span
            for column in block.columns:
                value = _prepare(line.value(column.field), column.number_format)
                w.put(
                    w.row,
                    col,
                    value,
                    cols=column.span,
                    number_format=column.number_format,
                    align="left" if column.field == "source" else "center",
                )
                col += column.span
            w.row += 1

    def _empty_funding(self) -> list[FundingView]:
        line = FundingLine(source="年度资金总额", is_total=True)
        return [FundingView(line, None, self.view.claimed, None)]

    def _goals(self) -> None:
        goals, w = self.layout.goals, self.w
        form = self.view.self_evaluation
        if goals is None or form is None:
            return
        first, second = _chunks(self.layout.width - goals.label_span, 2)
        col = 1 + goals.label_span
        w.put(w.row, 1, goals.label, cols=goals.label_span, rows=2, bold=True)
        w.put(w.row, col, goals.expected, cols=first, bold=True)
        w.put(w.row, col + first, goals.actual, cols=second, bold=True)
        w.row += 1
        w.put(w.row, col, form.goal_expected, cols=first, align="left")
        w.put(w.row, col + first, form.goal_actual, cols=second, align="left")
        w.row += 1

    def _indicators(self) -> int:
        layout, w = self.layout, self.w
        items = self.view.indicators()
        header = w.row
        offset = 1
        if layout.side_label:
            w.put(header, 1, layout.side_label, rows=len(items) + 1, bold=True)
            offset = 2
        for n, column in enumerate(layout.columns):
            w.put(header, offset + n, column.header, bold=True)
        first = header + 1
        merged_limits: list[int] = []
        for n, column in enumerate(layout.columns):
            values = [_prepare(item.value(column.field), column.number_format) for item in items]
            if column.merge:
                runs = _runs(values, merged_limits)
                merged_limits = sorted({*merged_limits, *(start for start, _ in runs)})
            else:
                runs = [(i, 1) for i in range(len(values))]
            for start, length in runs:
                w.put(
                    first + start,
                    offset + n,
                    values[start],
                    rows=length,
                    number_format=column.number_format,
                    align=column.align,
                )
        w.row = first + len(items)
        self._total(offset)
        return header

    def _total(self, offset: int) -> None:
        layout, w, view = self.layout, self.w, self.view
        numbers: dict[str, tuple[Value, Column]] = {}
        for column in layout.columns:
            if column.field == "weight":
                numbers[column.field] = (view.total_weight, column)
            elif column.field == "score":
                numbers[column.field] = (view.total, column)
        positions = {
            offset + n: numbers[c.field] for n, c in enumerate(layout.columns) if c.field in numbers
        }
        first_number = min(positions)
        w.put(w.row, 1, layout.total_label, cols=first_number - 1, bold=True)
        for col in range(first_number, layout.width + 1):
            if col in positions:
                value, column = positions[col]
                w.put(
                    w.row,
                    col,
                    _prepare(value, column.number_format),
                    bold=True,
                    number_format=column.number_format,
                )
            else:
                w.put(w.row, col, None)
        w.row += 1


def _summary(
    ws: Worksheet, views: list[tuple[str, FormView]], pack: Pack, claimed: bool, fonts: Fonts
) -> None:
    headers = ["序号", "表格", "类型", "满分", "得分", "等次", "与原填报不一致（处）"]
    writer = _SheetWriter(ws, [6, 48, 26, 8, 10, 8, 12], fonts)
    writer.put(
        1,
        1,
        "绩效自评表汇总",
        cols=len(headers),
        bold=True,
        border=False,
        size=fonts.title_size,
        font_name=fonts.title,
    )
    for col, header in enumerate(headers, start=1):
        writer.put(2, col, header, bold=True)
    row = 3
    for n, (sheet, view) in enumerate(views, start=1):
        values: list[Value] = [
            Decimal(n),
            view.form.name,
            FORM_TYPE_ZH.get(view.form.type, view.form.type),
            view.total_weight,
            _prepare(view.total, "0.00"),
            view.grade,
            Decimal(view.differences()),
        ]
        for col, value in enumerate(values, start=1):
            writer.put(
                row,
                col,
                value,
                align="left" if col == 2 else "center",
                number_format="0.00" if col == 5 else "General",
            )
        ws.cell(row=row, column=2).hyperlink = f"#'{sheet}'!A1"
        row += 1
    basis = "原填报值" if claimed else f"按规则包 {pack.name}（{pack.title}）计算"
    writer.put(
        row + 1,
        1,
        f"说明：得分为{basis}；金额单位：万元。",
        cols=len(headers),
        border=False,
        align="left",
    )
    writer.finish()
    _print_setup(ws, 2)


def write_forms(
    document: Document, pack: Pack, path: Path, options: FormsOptions | None = None
) -> FormsSummary:
    """Write every evaluation form of ``document`` to ``path`` (xlsx)."""
    options = options or FormsOptions()
    layout: Layout = resolve_layout(options.layout, pack)
    result = score_document(document, pack)
    summary = FormsSummary(path=path, layout=layout.name)
    views = list(form_views(document, result, claimed=options.claimed))
    written = {v.form.type for v in views}
    summary.skipped = [
        getattr(form, "name", form.type)
        for form in document.forms
        if form.type not in written or layout.for_form(form.type) is None
    ]
    workbook = Workbook()
    summary_ws = workbook.active
    summary_ws.title = "汇总"
    used = {"汇总"}
    placed: list[tuple[str, FormView]] = []
    for n, view in enumerate(views, start=1):
        form_layout = layout.for_form(view.form.type)
        if form_layout is None:
            continue
        ws = workbook.create_sheet(_sheet_name(n, view.form.name, used))
        widths = ([form_layout.side_width] if form_layout.side_label else []) + [
            c.width for c in form_layout.columns
        ]
        writer = _SheetWriter(ws, widths, layout.fonts)
        header_row = _FormSheet(writer, view, form_layout).write()
        writer.finish()
        _print_setup(ws, header_row)
        placed.append((ws.title, view))
        summary.differences += view.differences()
    if not placed:
        raise JixiaoError("E501", "文件中没有可导出的自评表或评分表", file=document.source_file)
    _summary(summary_ws, placed, pack, options.claimed, layout.fonts)
    summary.sheets = [name for name, _ in placed]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        workbook.save(path)
    except OSError as exc:
        raise JixiaoError("E503", f"无法写入文件：{exc.strerror}", file=str(path)) from None
    return summary
