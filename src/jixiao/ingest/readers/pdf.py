"""PDF with a text layer: ruled tables into grids, the text between them into paragraphs.

pdfplumber (MIT, on pdfminer.six) gives each printed character with its box and the ruling
lines; :mod:`.pdf_tables` turns ruled cells into grids (merged cells, tables running over
pages) and :mod:`.pdf_layout` turns lines into paragraphs, so every cell and paragraph keeps
its page. A page whose text runs sideways or upside down (a landscape form set on a portrait
page, a page put in the wrong way up) is turned upright first. A PDF with no text at all (a
scan) is read by OCR when the engine is installed.

Hostile files are refused before parsing where possible (see :mod:`.pdf_safety`): too many
pages, oversized or bomb-like compressed streams, a password, a broken file, or a reading
that takes too long each give a coded Chinese error (E430–E449).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from itertools import pairwise
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import BlockBuilder, RawDocument
from jixiao.ingest.readers.pdf_layout import Char, Line, group_lines, is_page_number, join_wrapped
from jixiao.ingest.readers.pdf_safety import MAX_PDF_SECONDS, check_pdf_bytes, open_pdf
from jixiao.ingest.readers.pdf_tables import PageTable, join_tables
from jixiao.ingest.safety import MAX_CELLS

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


@dataclass(slots=True)
class PageItems:
    """What one page prints, top to bottom: lines of prose and tables."""

    number: int
    width: float
    height: float
    items: list[Line | PageTable]


def page_items(number: int, width: float, height: float, chars: list[Char],
               rects: list[list[tuple[float, float, float, float]]]) -> PageItems:
    """Lay a page out from its characters and the cells of each ruled table on it."""
    tables = [t for r in rects if (t := PageTable.from_cells(number, r, height)) is not None]
    rest = chars
    for table in tables:
        rest = table.take(rest)
    lines = [ln for ln in group_lines(rest, number) if not is_page_number(ln, height)]
    items: list[Line | PageTable] = [*lines, *tables]
    items.sort(key=lambda item: item.top)
    return PageItems(number, width, height, items)


def _chars(page: Any) -> list[Char]:
    return [
        Char(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]))
        for c in page.chars
        if c.get("text")
    ]


Box4 = tuple[float, float, float, float]  # x0, top, x1, bottom


def _turned(page: Any) -> str | None:
    """How the page's text is turned: "down" or "up" when most characters run down or up
    the page (a quarter turn), "over" when they run right to left (upside down), else None.
    pdfplumber already applies a page's /Rotate; this is text set turned on the page."""
    chars = [c for c in page.chars if c.get("text", "").strip()]
    turned = [c for c in chars if not c.get("upright", True)]
    if len(turned) * 2 > len(chars):
        steps = [b["top"] - a["top"] for a, b in pairwise(turned) if abs(b["x0"] - a["x0"]) < 2]
        return "down" if sum(step > 0 for step in steps) * 2 >= len(steps) else "up"
    steps = [b["x0"] - a["x0"] for a, b in pairwise(chars) if abs(b["top"] - a["top"]) < 2]
    backwards = sum(step < 0 for step in steps)
    return "over" if steps and backwards * 4 > len(steps) * 3 else None


def _turn(box: Box4, way: str, width: float, height: float) -> Box4:
    """``box`` on the page turned back so that its text runs left to right."""
    x0, top, x1, bottom = box
    if way == "down":
        return top, width - x1, bottom, width - x0
    if way == "up":
        return height - bottom, x0, height - top, x1
    return width - x1, height - bottom, width - x0, height - top


def _upright(
    page: Any, chars: list[Char], rects: list[list[Box4]]
) -> tuple[list[Char], list[list[Box4]], float, float]:
    """Characters, table cells and page size with turned text set upright."""
    width, height = float(page.width), float(page.height)
    way = _turned(page)
    if way is None:
        return chars, rects, width, height
    turned = []
    for c in chars:
        x0, top, x1, bottom = _turn((c.x0, c.top, c.x1, c.bottom), way, width, height)
        turned.append(Char(c.text, x0, x1, top, bottom))
    cells = [[_turn(cell, way, width, height) for cell in table] for table in rects]
    return (turned, cells, width, height) if way == "over" else (turned, cells, height, width)


def _rect(cell: Any) -> Box4:
    x0, top, x1, bottom = cell
    return float(x0), float(top), float(x1), float(bottom)


def _pages(data: bytes, file: str) -> Iterator[PageItems]:
    started = time.monotonic()
    with open_pdf(BytesIO(data), file) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            if time.monotonic() - started > MAX_PDF_SECONDS:
                raise JixiaoError(
                    "E437", f"PDF 读取超时（超过 {MAX_PDF_SECONDS} 秒，第{number}页）", file=file
                )
            try:
                chars = _chars(page)
                found = page.find_tables(_TABLE_SETTINGS) if page.rects or page.lines else []
                rects = [[_rect(cell) for cell in t.cells] for t in found]
            except JixiaoError:
                raise
            except Exception as exc:  # pdfminer raises many kinds on a damaged page
                message = f"PDF 第{number}页已损坏，无法读取（{type(exc).__name__}）"
                raise JixiaoError("E432", message, file=file) from None
            chars, rects, width, height = _upright(page, chars, rects)
            yield page_items(number, width, height, chars, rects)
            page.close()


def assemble(pages: list[PageItems], file: str, fmt: str) -> RawDocument:
    """Paragraphs and grids in reading order from laid-out pages."""
    out = BlockBuilder(file, fmt, max_cells=MAX_CELLS)
    prose = [item for p in pages for item in p.items if isinstance(item, Line)]
    left, right = _text_column(prose, pages)
    run: list[Line] = []
    tables: list[PageTable] = []

    def flush_lines() -> None:
        for lines in _paragraphs(run, left, right):
            out.paragraph(join_wrapped(lines, left, right), page=lines[0].page)
        run.clear()

    def flush_tables() -> None:
        if tables:
            out.grid(join_tables(tables))
            tables.clear()

    for page in pages:
        for n, item in enumerate(page.items):
            if isinstance(item, PageTable):
                flush_lines()
                if not (tables and n == 0 and tables[-1].continues(item)):
                    flush_tables()
                tables.append(item)
            else:
                flush_tables()
                run.append(item)
        if page.items and isinstance(page.items[-1], Line):
            flush_tables()
    flush_lines()
    flush_tables()
    return out.document


def _text_column(prose: list[Line], pages: list[PageItems]) -> tuple[float, float]:
    """Left and right edges of the running text. The right edge is where wrapped lines end
    when several lines end there; else the margins are taken as symmetric."""
    if not prose:
        return 0.0, 0.0
    left = min(ln.x0 for ln in prose)
    right = max(ln.x1 for ln in prose)
    if sum(right - ln.x1 <= 1.0 for ln in prose) < 2:
        right = max(right, max(p.width for p in pages) - left)
    return left, right


def _paragraphs(lines: list[Line], left: float, right: float) -> Iterator[list[Line]]:
    """Split a run of lines where a paragraph ends: a short line, an indent or a wide gap."""
    current: list[Line] = []
    for line in lines:
        if current:
            previous = current[-1]
            full = previous.x1 + line.lead_width() > right - 0.15 * previous.size
            indented = line.x0 - left > 0.8 * line.size
            same_page = line.page == previous.page
            gap = line.top - previous.bottom if same_page else 0.0
            if not full or indented or gap > 0.8 * previous.size:
                yield current
                current = []
        current.append(line)
    if current:
        yield current


def read_pdf(data: bytes, file: str) -> RawDocument:
    check_pdf_bytes(data, file)
    pages = list(_pages(data, file))
    if not any(p.items for p in pages):
        from jixiao.ingest.readers.ocr import read_scanned_pdf

        return read_scanned_pdf(data, file)
    return assemble(pages, file, "pdf")
