"""Geometry of printed pages: characters into lines, lines into cell texts and paragraphs,
ruled cells into grids, and a table continued over several pages into one grid.

Works on plain boxes so that the text layer of a PDF and the words found by OCR share it.
Coordinates are PDF points with ``top`` growing downwards.

A line break inside a cell or paragraph is kept only where the writer made one: a line that
is followed by a word that would not have fitted on it was wrapped by the layout engine, and
the two lines are joined (without a space between Chinese characters or digits).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Characters a line may not begin with (Chinese line-breaking rules pull one character
# over with them), so the word that did not fit is the first character plus these.
_NO_LINE_START = set("，。、；：？！）》」』】〕〉”’%‰,.;:?!)]}·…—-")
_NO_LINE_END = set("（《「『【〔〈“‘([{")
# A slash does not let the line break after it (LibreOffice keeps "100%/支出" together, as in a
# path or a ratio "a/b").
_GLUES_NEXT = _NO_LINE_END | {"/"}
_NO_LINE_START_CJK = set("，。、；：？！）》」』】〕〉”’‰·…")
_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$"
)


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float | None = None

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(slots=True)
class Line:
    """One printed line: its characters left to right."""

    chars: list[Char]
    page: int
    text: str = ""

    def __post_init__(self) -> None:
        self.chars.sort(key=lambda c: c.x0)
        parts: list[str] = []
        previous: Char | None = None
        for char in self.chars:
            if previous is not None and char.text != " " and previous.text != " ":
                gap = char.x0 - previous.x1
                if gap > 0.3 * min(char.size, previous.size):
                    parts.append(" ")
            parts.append(char.text)
            previous = char
        self.text = "".join(parts).strip()

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    def lead_width(self) -> float:
        """Width of the first unbreakable piece: what the line before would have had to hold."""
        chars = [c.text for c in self.chars if c.text.strip()]
        if not chars:
            return 0.0
        return self.chars[_first_piece(chars) - 1].x1 - self.chars[0].x0

    def is_one_piece(self) -> bool:
        chars = [c.text for c in self.chars if c.text.strip()]
        return _first_piece(chars) == len(chars)

    def confidence(self) -> float | None:
        values = [c.confidence for c in self.chars if c.confidence is not None]
        return min(values) if values else None


def _is_word(text: str) -> bool:
    """Characters of alphabetic scripts (and ASCII signs), which break only at spaces."""
    return len(text) == 1 and ord(text) < 0x2E80 and text not in _NO_LINE_START_CJK


def _first_piece(chars: Sequence[str]) -> int:
    """How many leading characters line breaking keeps together (a simplified UAX #14):
    opening brackets with what follows, a run of letters/digits, closing punctuation and
    a word glued after it; a slash glues the character after it."""
    n, i = len(chars), 0
    while i < n - 1 and chars[i] in _NO_LINE_END:
        i += 1
    if _is_word(chars[i]):
        while i < n and _is_word(chars[i]):
            i += 1
        if chars[i - 1] in _GLUES_NEXT and i < n:
            i += 1
    else:
        i += 1
    while i < n and (chars[i] in _NO_LINE_START or _is_word(chars[i])):
        if chars[i] in _NO_LINE_START:
            i += 1
        elif chars[i - 1] in _NO_LINE_START:
            while i < n and _is_word(chars[i]):
                i += 1
        else:
            break
    return i


def starts_glued(line: Line) -> bool:
    """A line no writer begins: it starts with closing punctuation."""
    return line.text[:1] in _NO_LINE_START_CJK or line.text[:1] in ")]}%,.;:!?"


def group_lines(chars: Iterable[Char], page: int) -> list[Line]:
    """Characters into lines, top to bottom (a character joins a line it overlaps by half)."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c.top, c.x0)):
        if not char.text.strip() and not lines:
            continue
        if lines:
            last = lines[-1]
            top = min(c.top for c in last[:4])
            bottom = max(c.bottom for c in last[:4])
            overlap = min(bottom, char.bottom) - max(top, char.top)
            if overlap >= 0.5 * min(char.size, bottom - top):
                last.append(char)
                continue
        lines.append([char])
    out = [Line(chars, page) for chars in lines]
    return [line for line in out if line.text]


def _separator(before: str, after: str) -> str:
    last, first = before[-1:], after[:1]
    return " " if last.isascii() and first.isascii() and last.isalpha() and first.isalpha() else ""


def _leads(lines: Sequence[Line]) -> list[float]:
    """What each line's predecessor would have had to hold: its first piece, and when that is
    the whole line and the next line is glued to it (a forced break), that line's too."""
    leads = [0.0] * len(lines)
    for i in range(len(lines) - 1, -1, -1):
        leads[i] = lines[i].lead_width()
        if i + 1 < len(lines) and lines[i].is_one_piece() and starts_glued(lines[i + 1]):
            leads[i] += leads[i + 1]
    return leads


def join_wrapped(lines: Sequence[Line], left: float, right: float) -> str:
    """Texts of consecutive lines set between ``left`` and ``right``: wrapped lines joined."""
    if not lines:
        return ""
    leads = _leads(lines)
    text = lines[0].text
    for i in range(1, len(lines)):
        previous, line = lines[i - 1], lines[i]
        tolerance = 0.15 * previous.size
        wrapped = starts_glued(line) or (
            previous.x1 - previous.x0 + leads[i] > right - left - tolerance
        )
        text += _separator(text, line.text) + line.text if wrapped else "\n" + line.text
    return text


def cell_text(lines: Sequence[Line], x0: float, x1: float, pad: float) -> str:
    """A cell's text, ``pad`` being the table's cell padding (left and right alike)."""
    return join_wrapped(lines, x0 + pad, x1 - pad)


def is_page_number(line: Line, height: float) -> bool:
    in_margin = line.top > 0.9 * height or line.bottom < 0.08 * height
    return in_margin and bool(_PAGE_NUMBER.match(line.text))


def cluster(values: Iterable[float], tolerance: float = 2.0) -> list[float]:
    """Sorted representatives of values closer than ``tolerance`` to each other."""
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tolerance:
            continue
        out.append(value)
    return out


def nearest(edges: list[float], value: float) -> int:
    i = bisect_right(edges, value)
    if i > 0 and (i == len(edges) or value - edges[i - 1] <= edges[i] - value):
        return i - 1
    return i
