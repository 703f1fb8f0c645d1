"""Safe cell text and row-height estimates for the xlsx forms.

User text never becomes a formula: text starting with ``= + - @`` (or a tab or carriage
return) is stored as a string with Excel's quote prefix, so that neither opening nor
editing the cell evaluates it. Control characters that XML cannot carry are dropped.
"""

from __future__ import annotations

import math
import unicodedata

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jixiao.errors import JixiaoError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32_767


def clean_text(text: str, *, where: str) -> str:
    """Text fit for a cell: illegal XML characters removed, Excel's length limit checked."""
    cleaned = xml_safe(text)
    if len(cleaned) > MAX_CELL_CHARS:
        raise JixiaoError(
            "E502",
            f"文字超过 Excel 单元格上限 {MAX_CELL_CHARS} 字（{len(cleaned)} 字）",
            field=where,
        )
    return cleaned


def needs_quote(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def display_width(text: str) -> float:
    """Width in Excel character units: CJK and full-width characters count two."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def line_count(text: str, width_units: float) -> int:
    """Lines a wrapped text needs in a column ``width_units`` wide (at least one)."""
    usable = max(width_units - 1.0, 1.0)
    return max(1, sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n")))


def xml_safe(text: str) -> str:
    """Text without the control characters that XML (and so Word) cannot carry."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned
