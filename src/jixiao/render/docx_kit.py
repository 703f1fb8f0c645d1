"""Low-level python-docx helpers: bordered tables, native charts that fit, placeholders.

Without a template a document is set up in the official style (:mod:`jixiao.render.gbt9704`).
With a template (``--template``) its styles are used as they are: the user owns the look,
jixiao only writes content.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from jixiao.errors import JixiaoError
from jixiao.render import gbt9704
from jixiao.render.cells import xml_safe
from jixiao.render.charts import Chart
from jixiao.render.column_widths import fit_figures
from jixiao.render.docx_chart import add_chart
from jixiao.render.docx_table import borders_element, table_element

TYPE_WIDTH = Cm(15.6)  # the full width of the GB/T 9704 type area
CHART_HEIGHT_LIMIT = Cm(21)  # leaves room for the caption on the page
COLUMN_CHART_ASPECT = 0.53
BAR_CM, BAR_CHART_FRAME_CM = 0.72, 3.2  # a bar with its label; title, axis and legend


def new_document(template: Path | None) -> DocxDocument:
    """A document to write into: the template emptied, or a new one in GB/T 9704 style."""
    if template is None:
        document = docx.Document()
        gbt9704.apply(document)
        return document
    if not template.is_file():
        raise JixiaoError("E541", "报告模板文件不存在", file=str(template))
    try:
        document = docx.Document(str(template))
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise JixiaoError(
            "E542", "报告模板不是有效的 Word（.docx）文件", file=str(template)
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


TABLE_STYLE = "jixiao 表格文字"


class DocxWriter:
    """Adds content to a document; style ids are looked up once (python-docx looks a style
    name up among all styles on every use, which dominates the time of a long report)."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        styles = document.styles
        if TABLE_STYLE not in {style.name for style in styles}:
            table_style = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
            table_style.base_style = styles["Normal"]
            table_style.font.size = gbt9704.TABLE_SIZE
            gbt9704.set_fonts(table_style.element, gbt9704.TABLE_FONT)
            table_style.paragraph_format.first_line_indent = Pt(0)
            table_style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            table_style.paragraph_format.space_before = Pt(0)
            table_style.paragraph_format.space_after = Pt(0)
        self.style_ids = {style.name: style.style_id for style in styles}
        size = styles[TABLE_STYLE].font.size  # a template may set its own
        self.table_size_pt = size.pt if size is not None else gbt9704.TABLE_SIZE.pt
        section = document.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        area = Emu(width - left - right) if width and left and right else TYPE_WIDTH
        self.type_width_cm = area.cm

    def _add(self, text: str, style: str | None = None) -> Paragraph:
        result = self.document.add_paragraph(xml_safe(text))
        if style is not None and style in self.style_ids:
            result._p.style = self.style_ids[style]
        return result

    def title(self, text: str, subtitle: str | None) -> None:
        self._add(text, "Title")
        if subtitle:
            paragraph = self._add(subtitle)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Pt(0)

    def heading(self, text: str, level: int) -> None:
        self._add(text, f"Heading {level}")

    def paragraph(self, text: str, *, indent: bool = True) -> Paragraph:
        result = self._add(text)
        if indent:
            result.paragraph_format.first_line_indent = gbt9704.INDENT
        return result

    def placeholder(self, label: str) -> Paragraph:
        """A highlighted 【待填写：…】 paragraph for a narrative the input does not give."""
        result = self.paragraph("")
        run = result.add_run(xml_safe(f"【待填写：{label}】"))
        run.bold = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return result

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def chart(self, chart: Chart, caption: str) -> None:
        """A native chart across the type area, then its caption; a bar chart grows with its
        bars up to what leaves the caption room on the page."""
        holder = self.document.add_paragraph()
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        holder.paragraph_format.first_line_indent = Pt(0)
        holder.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # not clipped
        holder.paragraph_format.keep_with_next = True
        width = int(Cm(self.type_width_cm))
        if chart.direction == "bar":
            height = min(int(Cm(BAR_CM * chart.rows + BAR_CHART_FRAME_CM)), CHART_HEIGHT_LIMIT)
        else:
            height = int(width * COLUMN_CHART_ASPECT)
        add_chart(self.document, holder.add_run(), chart, (width, height))
        self._add(caption, "Caption")

    def fill(self, cell: _Cell, text: str, *, bold: bool, align: WD_ALIGN_PARAGRAPH) -> None:
        """Write ``text`` into an empty table cell in the table style."""
        element = cell._tc.p_lst[0]
        element.style = self.style_ids[TABLE_STYLE]
        content = Paragraph(element, cell)
        content.alignment = align
        run = content.add_run(xml_safe(text))
        if bold:
            run.bold = True

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float],
        merge_columns: Sequence[int] = (),
        left_columns: Sequence[int] = (),
    ) -> None:
        """A bordered table with a bold repeated header row (:mod:`jixiao.render.docx_table`),
        its columns fitted inside the type area so that each figure stays on one line."""
        fitted = fit_figures(rows, widths, self.table_size_pt, self.type_width_cm)
        element = table_element(
            headers,
            rows,
            fitted,
            self.style_ids[TABLE_STYLE],
            merge_columns=merge_columns,
            left_columns=left_columns,
        )
        self.document.element.body._insert_tbl(element)
        self.document.add_paragraph()


def borders(table: Table) -> None:
    """Single black borders on every edge of the table and between its cells."""
    table._tbl.tblPr.append(borders_element())
