"""Budget-cycle forms to Word: each form's grid (:mod:`jixiao.render.cycle_grid`) as one
bordered table under its title, in the GB/T 9704 style of the reports; a form wider than six
columns gets a landscape section of its own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu

from jixiao.decimals import printed_places
from jixiao.errors import JixiaoError
from jixiao.render.cycle_grid import FormGrid, spans
from jixiao.render.docx_kit import DocxWriter, borders, new_document

PORTRAIT_COLUMNS = 6


def _figure(value: str | Decimal) -> str:
    """An amount as the xlsx form prints it (:func:`~jixiao.render.cycle_xlsx.amount_format`):
    thousands separated, with its printed places, two at least."""
    if isinstance(value, str):
        return value
    return f"{value:,.{max(2, printed_places(value))}f}"


def _landscape(writer: DocxWriter, wide: bool) -> None:
    section = writer.document.sections[-1]
    if (section.orientation == WD_ORIENT.LANDSCAPE) == wide:
        return
    if writer.document.paragraphs or writer.document.tables:
        section = writer.document.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    if width is not None and height is not None and (width < height) == wide:
        section.page_width, section.page_height = Emu(int(height)), Emu(int(width))


def write_grids(grids: list[FormGrid], path: Path) -> None:
    """One table per form, each under its title, in one Word file."""
    document = new_document(None)
    writer = DocxWriter(document)
    for grid in grids:
        _landscape(writer, grid.width > PORTRAIT_COLUMNS)
        writer.title(grid.title, grid.subtitle)
        section = document.sections[-1]
        area = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        scale = Cm(1).emu * sum(grid.widths) or 1
        table = document.add_table(rows=len(grid.rows), cols=grid.width)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        borders(table)
        for column, width in zip(table.columns, grid.widths, strict=True):
            column.width = int(area * Cm(width).emu / scale)
        for r, c, rows, cols, value in spans(grid):
            cell = table.cell(r, c)
            if rows > 1 or cols > 1:
                cell = cell.merge(table.cell(r + rows - 1, c + cols - 1))
            left = r in grid.wide and c > 0 and isinstance(value, str)
            align = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
            writer.fill(cell, _figure(value), bold=r in grid.headers, align=align)
        document.add_paragraph()
    try:
        document.save(str(path))
    except OSError as exc:
        raise JixiaoError("E503", f"无法写入文件：{exc.strerror}", file=str(path)) from None
