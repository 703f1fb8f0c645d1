"""Word (.docx): paragraphs and tables of the main document part, in document order.

The part is read with lxml directly (not python-docx): it is several times faster and lets
us see both merge kinds: ``w:gridSpan`` (horizontal) and ``w:vMerge`` (vertical, where the
continuation cells are empty and belong to the cell above).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import BlockBuilder, Cell, RawDocument
from jixiao.ingest.safety import (
    MAX_CELLS,
    MAX_RAW_CELLS,
    MAX_SHEET_COLS,
    SafeZip,
    check_cell_budget,
    parse_xml,
)
from jixiao.model.limits import GRID_COLS, PARAGRAPHS, TABLE_NESTING

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _TR, _TC = f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}tr", f"{W}tc"
_T, _TAB, _BR, _CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
_VAL = f"{W}val"
_TCPR, _GRIDSPAN, _VMERGE = f"{W}tcPr", f"{W}gridSpan", f"{W}vMerge"
_GRID_BEFORE = f"{W}trPr/{W}gridBefore"
_HEADING_RE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _heading_level(p: etree._Element) -> int | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    if style is None:
        return None
    match = _HEADING_RE.search(style.get(_VAL, ""))
    return int(match.group(1)) if match else None


def _block_children(parent: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables under ``parent``, looking through content controls."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag in (_P, _TBL):
            out.append(child)
        elif child.tag == _SDT:
            content = child.find(f"{W}sdtContent")
            if content is not None:
                out.extend(_block_children(content))
    return out


def _cell_text(tc: etree._Element, depth: int, file: str) -> str:
    """A cell's text; a nested table is kept as text, one line per row of its own.

    Each element is visited once (the rows of a nested table, not every descendant row),
    and the nesting depth is bounded before descending."""
    lines: list[str] = []
    for child in _block_children(tc):
        if child.tag == _P:
            lines.append(_paragraph_text(child))
            continue
        if depth >= TABLE_NESTING.value:
            raise TABLE_NESTING.error(file=file)
        for tr in child.iterfind(_TR):
            texts = (
                _cell_text(inner, depth + 1, file).replace("\n", " ")
                for inner in tr.iterfind(_TC)
            )
            lines.append(" ".join(t for t in texts if t))
    return "\n".join(lines).strip()


def _int_attr(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return max(0, min(int(element.get(_VAL, default)), MAX_SHEET_COLS))
    except ValueError:
        return default


@dataclass
class _Open:
    """A cell under construction; vertical merges grow its rowspan."""

    text: str
    row: int
    col: int
    colspan: int
    rowspan: int = 1


def _cell_props(tc: etree._Element) -> tuple[int, etree._Element | None]:
    """A cell's grid span and its vertical-merge element, read in one pass over its
    properties (``find`` with a namespaced path costs more than the whole walk)."""
    span, vmerge = 1, None
    for props in tc:
        if props.tag != _TCPR:
            continue
        for prop in props:
            if prop.tag == _GRIDSPAN:
                span = max(1, _int_attr(prop, 1))
            elif prop.tag == _VMERGE:
                vmerge = prop
        break
    return span, vmerge


def _table_rows(tbl: etree._Element, file: str) -> list[list[Cell]]:
    built: list[list[_Open]] = []
    vertical: dict[int, _Open] = {}  # column → cell whose vertical merge is still open
    for r, tr in enumerate(tbl.iterchildren(_TR), 1):
        row: list[_Open] = []
        col = 1 + _int_attr(tr.find(_GRID_BEFORE), 0)
        for tc in tr.iterchildren(_TC):
            span, vmerge = _cell_props(tc)
            origin = vertical.get(col)
            if vmerge is not None and vmerge.get(_VAL, "continue") == "continue" and origin:
                origin.rowspan = r - origin.row + 1
            else:
                cell = _Open(_cell_text(tc, 1, file), r, col, span)
                row.append(cell)
                for c in range(col, col + span):
                    vertical.pop(c, None)
                if vmerge is not None:
                    vertical[col] = cell
            col += span
            if col - 1 > GRID_COLS.value:  # checked per cell: never build a wider row
                raise GRID_COLS.error(file=file)
        built.append(row)
    return [
        [Cell(c.text, c.row, c.col, c.rowspan, c.colspan) for c in row if c.text or c.rowspan > 1]
        for row in built
    ]


def read_docx(data: bytes, file: str) -> RawDocument:
    if data.startswith(OLE_MAGIC):
        raise JixiaoError("E402", "旧版 Word 97-2003（.doc）格式不支持，请另存为 .docx", file=file)
    archive = SafeZip(data, file, "Word (.docx)")
    root = parse_xml(archive.read("word/document.xml"), file, "word/document.xml")
    raw_cells = root.xpath("count(//w:tc)", namespaces={"w": W[1:-1]})
    check_cell_budget(int(raw_cells) if isinstance(raw_cells, float) else 0, MAX_RAW_CELLS, file)
    body = root.find(f"{W}body")
    out = BlockBuilder(file, "docx", max_cells=MAX_CELLS)
    if body is None:
        return out.document
    PARAGRAPHS.check(sum(1 for _ in body.iterchildren(_P)), file=file)  # before any work
    for element in _block_children(body):
        if element.tag == _P:
            out.paragraph(_paragraph_text(element), _heading_level(element))
        else:
            out.grid(_table_rows(element, file))
    return out.document
