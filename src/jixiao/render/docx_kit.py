"""Low-level python-docx helpers: styles with Chinese fonts, bordered tables, placeholders.

Without a template the built-in styles are set up the way Chinese government reports look
(宋体 title, 黑体/楷体 headings, 仿宋 body, A4). With a template (``--template``) its styles
are used as they are: the user owns the look, jixiao only writes content.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from jixiao.errors import JixiaoError
from jixiao.render.cells import xml_safe

BODY_FONT = "仿宋"
TABLE_FONT = "宋体"
TITLE_FONT = "宋体"
HEADING_FONTS = ("黑体", "楷体", "仿宋")
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(10.5)
PICTURE_WIDTH = Cm(15)


def _east_asian(element: object, name: str) -> None:
    """Set ascii/hAnsi/eastAsia font names on a style or run and drop theme fonts."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def new_document(template: Path | None) -> DocxDocument:
    """A document to write into: the template emptied, or the default set up for Chinese."""
    if template is None:
        document = docx.Document()
        _default_styles(document)
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


def _default_styles(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.8)
    section.top_margin = section.bottom_margin = Cm(2.5)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = BODY_SIZE
    _east_asian(normal.element, BODY_FONT)
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)
    title = styles["Title"]
    title.font.size = Pt(20)
    title.font.bold = True
    title.font.color.rgb = RGBColor(0, 0, 0)
    _east_asian(title.element, TITLE_FONT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    _remove_title_border(title.element)
    for level, font in enumerate(HEADING_FONTS, start=1):
        heading = styles[f"Heading {level}"]
        heading.font.size = Pt(16 if level == 1 else 14)
        heading.font.bold = level == 1
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        _east_asian(heading.element, font)
        heading.paragraph_format.space_before = Pt(12 if level == 1 else 6)
        heading.paragraph_format.space_after = Pt(6 if level == 1 else 3)
    caption = styles["Caption"]
    caption.font.size = Pt(10.5)
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    _east_asian(caption.element, TABLE_FONT)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_numbers(document)


def _remove_title_border(element: object) -> None:
    ppr = element.get_or_add_pPr()  # type: ignore[attr-defined]
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _page_numbers(document: DocxDocument) -> None:
    """A centred page number (a PAGE field) in the footer."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)


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
            table_style.font.size = TABLE_SIZE
            _east_asian(table_style.element, TABLE_FONT)
            table_style.paragraph_format.first_line_indent = Pt(0)
            table_style.paragraph_format.line_spacing = 1.0
            table_style.paragraph_format.space_before = Pt(0)
            table_style.paragraph_format.space_after = Pt(0)
        self.style_ids = {style.name: style.style_id for style in styles}

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
            result.paragraph_format.first_line_indent = Pt(28)
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

    def picture(self, png: bytes, caption: str) -> None:
        holder = self.document.add_paragraph()
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        holder.paragraph_format.first_line_indent = Pt(0)
        holder.add_run().add_picture(io.BytesIO(png), width=PICTURE_WIDTH)
        self._add(caption, "Caption")

    def _fill(self, cell: _Cell, text: str, *, bold: bool, align: WD_ALIGN_PARAGRAPH) -> None:
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
    ) -> Table:
        """A bordered table with a bold repeated header row; equal adjacent values in
        ``merge_columns`` merge vertically (a column merges only inside the runs of the
        columns merged before it, so 二级 never crosses a 一级 boundary)."""
        result: Table = self.document.add_table(rows=len(rows) + 1, cols=len(headers))
        result.alignment = WD_TABLE_ALIGNMENT.CENTER
        result.autofit = False
        _borders(result)
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        result.rows[0]._tr.get_or_add_trPr().append(repeat)
        for column, width in zip(result.columns, widths, strict=True):
            column.width = Cm(width)
        starts: dict[int, list[int]] = {}
        boundaries: set[int] = set()
        for column in merge_columns:
            starts[column] = _merge_starts([row[column] for row in rows], boundaries)
            boundaries |= set(starts[column])
        # Cells are reached through their XML rows: Table.cell() is linear in the table size.
        for index, tr in enumerate(result._tbl.tr_lst):
            for column, tc in enumerate(tr.tc_lst):
                cell = _Cell(tc, result)
                cell.width = Cm(widths[column])
                if index == 0:
                    self._fill(cell, headers[column], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
                elif column not in starts or index - 1 in starts[column]:
                    left = column in left_columns
                    align = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
                    self._fill(cell, rows[index - 1][column], bold=False, align=align)
        for column, column_starts in starts.items():
            ends = [*column_starts[1:], len(rows)]
            for begin, end in zip(column_starts, ends, strict=True):
                if end - begin > 1:
                    result.cell(begin + 1, column).merge(result.cell(end, column))
        self.document.add_paragraph()
        return result


def _borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.append(borders)


def _merge_starts(values: list[str], boundaries: set[int]) -> list[int]:
    starts = [0] if values else []
    for index in range(1, len(values)):
        if index in boundaries or values[index] != values[index - 1] or not values[index]:
            starts.append(index)
    return starts
