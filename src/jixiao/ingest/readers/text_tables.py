"""Tables in plain text as page texts and chat tools print them, found by what they say.

Three layouts besides the text export's own (see :mod:`.text`):

- pipe rows: ``| 一级指标 | 二级指标 | … |``, Markdown separator rows (``|---|:--:|``) skipped;
  also without the leading pipe, as web pages converted to text print them
  (``项目名称 | 某项目 | ||||``: trailing empty cells dropped, merged cells left out, so the
  run is cut at each indicator or funding header and the rows under it placed by content);
- whole rows flattened onto one line, cells separated by runs of spaces or tabs, after a
  header line of at least two header words; a row with fewer cells than its header is
  placed under it by what its cells say (:mod:`.text_align`);
- one cell per line, after a header of at least three consecutive lines that are each a
  header word: the lines that follow are read in rows of that many cells.

A header word is a word of the recognizers' vocabulary (``recognize/headers.yaml``), so a
new wording is a data change there, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.ingest.readers.text_align import align, header_fields
from jixiao.ingest.recognize.headers import Vocabulary, vocabulary

_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_GAP = re.compile(r"\t+|[ \u3000]{2,}")
_PROSE_END = "。！？；"
MIN_HEADER_WORDS = 2
MIN_LINE_HEADER = 3


@dataclass(frozen=True, slots=True)
class TextTable:
    """Lines ``start``..``end`` (exclusive) of the text hold these rows of cell texts."""

    start: int
    end: int
    rows: list[list[str]]
    positional: bool
    guessed: bool = False  # some rows' columns are a guess (see :func:`.text_align.align`)


def _is_header_word(text: str, vocab: Vocabulary) -> bool:
    text = text.strip()
    if not text or len(text) > 20:
        return False
    return any(
        table.exact_field(text) is not None
        for table in (vocab.indicator, vocab.funding, vocab.goal, vocab.labels)
    )


def _is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip()
    cells = stripped.strip("|").split("|")
    return [cell.strip() for cell in cells]


def _pipe_table(lines: list[str], start: int) -> TextTable | None:
    end = start
    rows: list[list[str]] = []
    while end < len(lines) and _is_pipe_row(lines[end]):
        if not _SEPARATOR_ROW.match(lines[end].strip()):
            rows.append(_pipe_cells(lines[end]))
        end += 1
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        return None
    return TextTable(start, end, rows, positional=True)


def _is_loose_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return "|" in stripped and not stripped.startswith("|")


def _loose_cells(line: str) -> list[str]:
    cells = [cell.strip() for cell in line.strip().split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _loose_pipe_tables(lines: list[str], start: int, vocab: Vocabulary) -> list[TextTable]:
    """A run of at least three loose pipe rows, as tables cut at each indicator or funding
    header."""
    end = start
    while end < len(lines) and _is_loose_pipe_row(lines[end]):
        end += 1
    if end - start < MIN_LINE_HEADER:
        return []
    rows = [_loose_cells(line) for line in lines[start:end]]
    cuts = [0] + [n for n, row in enumerate(rows) if n and header_fields(row, vocab)]
    tables = []
    for first, last in zip(cuts, [*cuts[1:], len(rows)], strict=True):
        placed, guessed = align(rows[first:last], vocab)
        tables.append(TextTable(start + first, start + last, placed, guessed, guessed))
    return tables


def _spaced_cells(line: str) -> list[str]:
    return [cell for cell in (c.strip() for c in _GAP.split(line.strip())) if cell]


def _header_cells(line: str, vocab: Vocabulary) -> list[str] | None:
    """The cells of a flattened header line: separated by gaps, or by single spaces when
    every word is a header word."""
    cells = _spaced_cells(line)
    words = sum(_is_header_word(cell, vocab) for cell in cells)
    if len(cells) > MIN_HEADER_WORDS and words >= MIN_HEADER_WORDS and words * 2 >= len(cells):
        return cells
    cells = line.split()
    # every word a header word, but perhaps the first: a side label (``绩效指标``) that the
    # rows below leave out, merged down the table
    named = cells[1:] if cells and not _is_header_word(cells[0], vocab) else cells
    if len(named) > MIN_HEADER_WORDS and all(_is_header_word(cell, vocab) for cell in named):
        return cells
    return None


def _looks_like_prose(line: str) -> bool:
    text = line.strip()
    return len(text) > 60 or (len(text) > 25 and text[-1:] in _PROSE_END)


def _flat_table(lines: list[str], start: int, vocab: Vocabulary) -> TextTable | None:
    header = _header_cells(lines[start], vocab)
    if header is None:
        return None
    single = len(_spaced_cells(lines[start])) < len(header)
    rows = [header]
    end = start + 1
    while end < len(lines) and lines[end].strip() and not _looks_like_prose(lines[end]):
        cells = lines[end].split() if single else _spaced_cells(lines[end])
        if len(cells) < 2:
            break
        rows.append(cells)
        end += 1
    if len(rows) < 2:
        return None
    placed, guessed = align(rows, vocab)
    return TextTable(start, end, placed, positional=guessed, guessed=guessed)


def _column_table(lines: list[str], start: int, vocab: Vocabulary) -> TextTable | None:
    width = 0
    while (
        start + width < len(lines)
        and "\t" not in lines[start + width]
        and _is_header_word(lines[start + width], vocab)
    ):
        width += 1
    if width < MIN_LINE_HEADER:
        return None
    end = start + width
    cells: list[str] = []
    blank_run = 0
    while end < len(lines):
        line = lines[end].strip()
        if _looks_like_prose(line) or _is_pipe_row(line) or "\t" in lines[end]:
            break
        blank_run = blank_run + 1 if not line else 0
        if blank_run >= 2 or (line[-1:] in _PROSE_END and len(cells) % width == 0):
            break  # a sentence where a new row would begin follows the table
        cells.append(line)
        end += 1
    while cells and not cells[-1]:
        cells.pop()
        end -= 1
    header = [line.strip() for line in lines[start : start + width]]
    rows = [header] + [cells[i : i + width] for i in range(0, len(cells), width)]
    if len(rows) < 2:
        return None
    return TextTable(start, start + width + len(cells), rows, positional=True)


def find_tables(lines: list[str]) -> list[TextTable]:
    """The tables of the three layouts among ``lines``, in order, not overlapping."""
    vocab = vocabulary()
    found: list[TextTable] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        tables: list[TextTable] = []
        if line.strip() and "\t" not in line:  # tab rows are the text export's own
            if _is_pipe_row(line):
                tables = [t for t in [_pipe_table(lines, i)] if t is not None]
            elif _is_loose_pipe_row(line):
                tables = _loose_pipe_tables(lines, i, vocab)
            if not tables:
                table = _flat_table(lines, i, vocab) or _column_table(lines, i, vocab)
                tables = [table] if table is not None else []
        if not tables:
            i += 1
            continue
        found.extend(tables)
        i = tables[-1].end
    return found
