"""A bordered Word table written as one piece of XML text and parsed once.

python-docx builds a table cell by cell through its element classes, each child found and
inserted in schema order; for the annex of a long form that was two thirds of a report's
time. The table here is the same markup (fixed layout, single black borders, a bold header
row repeated on each page, vertical merges) made as text, escaped, and parsed by lxml once.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm

from jixiao.render.cells import xml_safe

EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
BORDER = '<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
# single black borders on every edge of a table and between its cells
BORDER_EDGES = "".join(BORDER.format(edge=edge) for edge in EDGES)
MERGE_START, MERGED = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
LOOK = (
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
    'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
)


def table_element(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    style_id: str,
    *,
    merge_columns: Sequence[int] = (),
    left_columns: Sequence[int] = (),
) -> CT_Tbl:
    """The ``w:tbl`` element; equal adjacent values in ``merge_columns`` merge vertically
    (a column merges only inside the runs of the columns merged before it, so 二级 never
    crosses a 一级 boundary)."""
    twips = [Cm(width).twips for width in widths_cm]
    merges = _merges(rows, merge_columns)
    style = f"<w:pStyle w:val={quoteattr(style_id)}/>"
    parts = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        + LOOK
        + f"<w:tblBorders>{BORDER_EDGES}</w:tblBorders></w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
        + '</w:tblGrid><w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>'
    ]
    for column, header in enumerate(headers):
        parts.append(_cell(header, twips[column], style, "center", bold=True, merge=""))
    parts.append("</w:tr>")
    for index, row in enumerate(rows):
        parts.append("<w:tr>")
        for column, text in enumerate(row):
            merge = merges.get((index, column), "")
            align = "left" if column in left_columns else "center"
            shown = "" if merge == MERGED else text
            parts.append(_cell(shown, twips[column], style, align, bold=False, merge=merge))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    element = parse_xml("".join(parts))
    assert isinstance(element, CT_Tbl)  # python-docx's element class for w:tbl
    return element


def borders_element() -> BaseOxmlElement:
    """The same borders as an element, for a table python-docx builds (the cycle forms)."""
    return parse_xml(f"<w:tblBorders {nsdecls('w')}>{BORDER_EDGES}</w:tblBorders>")


def _cell(text: str, width: int, style: str, align: str, *, bold: bool, merge: str) -> str:
    run = ""
    if text:
        lines = escape(xml_safe(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        pieces = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
        run = f"<w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}{pieces}</w:r>"
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{merge}</w:tcPr>'
        f'<w:p><w:pPr>{style}<w:jc w:val="{align}"/></w:pPr>{run}</w:p></w:tc>'
    )


def _merges(rows: Sequence[Sequence[str]], columns: Sequence[int]) -> dict[tuple[int, int], str]:
    """``vMerge`` markup by (row, column): ``restart`` atop a run of equal values, the bare
    element below it."""
    result: dict[tuple[int, int], str] = {}
    boundaries: set[int] = set()
    for column in columns:
        starts = _merge_starts([row[column] for row in rows], boundaries)
        boundaries |= set(starts)
        for begin, end in zip(starts, [*starts[1:], len(rows)], strict=True):
            if end - begin > 1:
                result[(begin, column)] = MERGE_START
                for below in range(begin + 1, end):
                    result[(below, column)] = MERGED
    return result


def _merge_starts(values: list[str], boundaries: set[int]) -> list[int]:
    starts = [0] if values else []
    for index in range(1, len(values)):
        if index in boundaries or values[index] != values[index - 1] or not values[index]:
            starts.append(index)
    return starts
