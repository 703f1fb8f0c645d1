"""The seeds' text export of Word files, in its two dialects.

(a) A table row is a block of lines ended by a blank line; a line that begins with a tab
starts a new cell and a line without one continues the previous cell. A lone tab is an
empty cell, usually the lower part of a vertical merge. Lines before the first cell of a
block are paragraphs (a table's title), except right after a row that ended in an empty
cell: exporters put a blank line inside a cell, so such lines continue that cell and row.
(b) A table row is one line with cells separated by tabs (``一级指标\\t二级指标\\t…``).

Tables in the plain-text layouts of :mod:`.text_tables` (pipe rows, flattened rows, one
cell per line) are found first. Everything else is a paragraph, one per line. Exporters
leak HTML markup and Word bookmarks into cells; both are reduced to the printed text.
"""

from __future__ import annotations

import html
import re

from jixiao.ingest.grid import BlockBuilder, Cell, RawDocument
from jixiao.ingest.readers.text_tables import find_tables
from jixiao.ingest.safety import MAX_CELLS, check_cell_budget
from jixiao.model.limits import PARAGRAPH_CHARS, TEXT_LINES

_TAG_RE = re.compile(
    r"</?(?:p|ul|ol|li|br|span|div|strong|b|i|em|u|font|table|tr|td)\b[^>]*>", re.I
)
_BREAK_RE = re.compile(r"<br\s*/?>|</p>|</li>|</div>", re.I)
_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
_BLANK = " \r\x0b\x0c"


def clean_cell_text(text: str) -> str:
    """The printed text of a cell: markup and bookmarks removed, padding stripped."""
    if "[bookmark" in text:
        text = _BOOKMARK_RE.sub("", text)
    if "<" in text and _TAG_RE.search(text):
        text = _TAG_RE.sub("", _BREAK_RE.sub("\n", text))
        text = html.unescape(text)
        text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    return text.strip()


def _is_multi_cell(line: str) -> bool:
    return "\t" in (line[1:] if line.startswith("\t") else line)


class _TextParser:
    def __init__(self, file: str) -> None:
        self.out = BlockBuilder(file, "text", max_cells=MAX_CELLS)
        self.rows: list[list[str]] = []

    def flush_table(self) -> None:
        if self.rows:
            cells = [
                [Cell(clean_cell_text(t), r, c) for c, t in enumerate(row, 1)]
                for r, row in enumerate(self.rows, 1)
            ]
            self.out.grid(cells, positional=False)
            self.rows = []

    def paragraph(self, line: str) -> None:
        self.flush_table()
        self.out.paragraph(clean_cell_text(line))

    def block(self, lines: list[str]) -> None:
        tab_lines = [line for line in lines if "\t" in line]
        if not tab_lines:
            for line in lines:
                self.paragraph(line)
            return
        if sum(map(_is_multi_cell, tab_lines)) * 2 >= len(tab_lines):
            self.tab_separated(lines)
            return
        continues = bool(self.rows) and self.rows[-1][-1].strip() == ""
        cells: list[list[str]] = []  # lines of each cell, joined once (no quadratic +=)
        carried: list[str] = []  # lines that continue the previous row's last cell
        for line in lines:
            if line.lstrip(" ").startswith("\t"):
                cells.append([line.lstrip(" ")[1:]])
            elif cells:
                cells[-1].append(line)
            elif continues:
                carried.append(line)
            else:
                self.paragraph(line)
        if carried:
            self.rows[-1][-1] = "\n".join([self.rows[-1][-1], *carried])
        texts = ["\n".join(cell) for cell in cells]
        for text in texts:
            PARAGRAPH_CHARS.check(len(text), file=self.out.document.file)
        if continues and not lines[0].lstrip(" ").startswith("\t"):
            self.rows[-1].extend(texts)
        else:
            self.rows.append(texts)

    def grid(self, rows: list[list[str]], positional: bool, guessed: bool = False) -> None:
        cells = [
            [Cell(clean_cell_text(t), r, c) for c, t in enumerate(row, 1) if t or not positional]
            for r, row in enumerate(rows, 1)
        ]
        self.out.grid(cells, positional=positional, guessed=guessed)

    def tab_separated(self, lines: list[str]) -> None:
        for line in lines:
            if "\t" in line:
                self.rows.append(line.split("\t"))
            else:
                self.paragraph(line)


def read_text(text: str, file: str) -> RawDocument:
    """Parse a text export (either dialect) into paragraphs and ragged grids."""
    check_cell_budget(text.count("\t"), MAX_CELLS, file)
    TEXT_LINES.check(text.count("\n") + 1, file=file)
    lines = text.split("\n")
    PARAGRAPH_CHARS.check(max(map(len, lines)), file=file)
    parser = _TextParser(file)
    block: list[str] = []
    lines = [raw.rstrip("\r") for raw in lines]
    tables = {table.start: table for table in find_tables(lines)}
    skip_to = 0
    for n, line in enumerate(lines):
        if n < skip_to:
            continue
        if n in tables:  # a table in one of the plain-text layouts
            if block:
                parser.block(block)
                block = []
            parser.flush_table()
            table = tables[n]
            parser.grid(table.rows, table.positional, table.guessed)
            skip_to = table.end
        elif line.strip(_BLANK) == "":
            if block:
                parser.block(block)
                block = []
        else:
            block.append(line)
    if block:
        parser.block(block)
    parser.flush_table()
    return parser.out.document
