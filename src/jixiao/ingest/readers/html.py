"""Saved web pages (.html/.htm): tables with rowspan/colspan, and paragraphs between them.

Parsed with lxml.html without network access; scripts, styles and comments are ignored.
The charset comes from a BOM or the page's ``<meta charset>``, then UTF-8, then GB18030.
"""

from __future__ import annotations

import re

from lxml import etree, html

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import BlockBuilder, Cell, RawDocument
from jixiao.ingest.safety import MAX_CELLS, MAX_GRID_AREA, MAX_SHEET_COLS, decode_text
from jixiao.model.limits import PARAGRAPHS

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_SKIP = {"script", "style", "head", "noscript", "template", "title"}
_PARAGRAPH_TAGS = {"p", "li", "pre", "blockquote", "caption", "dt", "dd", "address", "figcaption"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SPACES_RE = re.compile(r"[ \t\r\f\v\xa0]+")
_PARSER = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)


def _clean(text: str) -> str:
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text(element: etree._Element) -> str:
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in element.iter("p", "div", "li", "tr"):
        block.tail = "\n" + (block.tail or "")
    return _clean("".join(str(t) for t in element.itertext()))


def _span(cell: etree._Element, name: str, limit: int) -> int:
    try:
        return max(1, min(int(cell.get(name, "1").strip() or 1), limit))
    except ValueError:
        return 1


def _own_rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _table_rows(table: etree._Element, file: str) -> list[list[Cell]]:
    rows = _own_rows(table)
    busy_until: dict[int, int] = {}  # column → last row a cell from above still covers
    work = 0
    out: list[list[Cell]] = []
    for r, tr in enumerate(rows, 1):
        cells: list[Cell] = []
        col = 1
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while busy_until.get(col, 0) >= r:
                col += 1
            rowspan = _span(td, "rowspan", len(rows) - r + 1)
            colspan = _span(td, "colspan", MAX_SHEET_COLS)
            work += colspan
            if work > MAX_GRID_AREA or col > MAX_SHEET_COLS * 10:
                raise JixiaoError("E408", "网页表格合并范围过大，已停止读取", file=file)
            if rowspan > 1:
                busy_until.update((c, r + rowspan - 1) for c in range(col, col + colspan))
            text = _text(td)
            if text:
                cells.append(Cell(text, r, col, rowspan, colspan))
            col += colspan
        out.append(cells)
    return out


def _walk(element: etree._Element, out: BlockBuilder, file: str) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        return
    if tag == "table":
        out.grid(_table_rows(element, file))
        return
    has_table = next(element.iter("table"), None) is not None
    if (tag in _PARAGRAPH_TAGS or tag in _HEADINGS) and not has_table:
        out.paragraph(_text(element), _HEADINGS.get(tag))
        return
    if element.text and element.text.strip():
        out.paragraph(_clean(element.text))
    for child in element:
        _walk(child, out, file)
        if child.tail and child.tail.strip():
            out.paragraph(_clean(child.tail))


def read_html(data: bytes, file: str) -> RawDocument:
    declared = _CHARSET_RE.search(data[:4096])
    text = decode_text(data, file, declared.group(1).decode("ascii") if declared else None)
    out = BlockBuilder(file, "html", max_cells=MAX_CELLS)
    text = _XML_DECL_RE.sub("", text)
    if not text.strip():
        return out.document
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        raise JixiaoError("E410", "网页内容无法解析", file=file) from None
    if sum(1 for _ in root.iter("td", "th")) > MAX_CELLS:
        raise JixiaoError("E408", "网页表格单元格过多，已停止读取", file=file)
    PARAGRAPHS.check(sum(1 for _ in root.iter(*_PARAGRAPH_TAGS, *_HEADINGS, "div")), file=file)
    body = root.find("body")
    _walk(body if body is not None else root, out, file)
    return out.document
