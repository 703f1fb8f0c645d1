"""Column widths that keep figures on one line in Word tables.

The report tables use a fixed layout (their widths are the type area's), and under a fixed
layout Word and LibreOffice ignore ``w:noWrap``: a figure wider than its column breaks
("101.32 / %"). So each column is widened to its widest figure, the width taken from the
columns whose text can wrap; a table never grows past the type area.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A figure a reader must see whole: an optional comparator, a number, a unit of up to two
# characters ("≥95%", "1,234.56万元", "10分", "≥2场").
FIGURE = re.compile(r"^[≥≤＞＜><=]{0,2}[-+—]?\d[\d,.]*\s*[%‰]?[\u4e00-\u9fff]{0,2}$")
CELL_MARGINS_CM = 0.38 + 0.12  # Word's default 0.19 cm each side, and a little for hinting
MIN_TEXT_CM = 1.0  # a column of wrapping text keeps room for two characters
# Advance widths in em, the widest among the faces 宋体 may resolve to (SimSun 0.5, Noto
# Serif CJK up to 0.56 for digits and 0.92 for "%"), so the estimate errs wide.
_NARROW = {".": 0.35, ",": 0.35, "-": 0.4, " ": 0.3}
_DIGIT_EM = 0.6
_PERCENT_EM = 0.95


def figure_width_cm(text: str, size_pt: float) -> float:
    """The width ``text`` needs on one line in a cell, margins included."""
    em = 0.0
    for char in text:
        if char.isdigit() or char in "+=<>":
            em += _DIGIT_EM
        elif char in "%‰":
            em += _PERCENT_EM
        else:
            em += _NARROW.get(char, 1.0)  # comparators and CJK units take a full em
    return em * size_pt / 72 * 2.54 + CELL_MARGINS_CM


def fit_figures(
    rows: Sequence[Sequence[str]], widths: Sequence[float], size_pt: float, limit_cm: float
) -> list[float]:
    """``widths`` (cm), scaled down to ``limit_cm`` (the type area) if wider, with each
    column at least as wide as its widest figure, the extra taken in proportion from the
    slack of the other columns."""
    scale = min(1.0, limit_cm / sum(widths))
    given = [w * scale for w in widths]
    need = [0.0] * len(widths)
    for row in rows:
        for column, text in enumerate(row):
            if FIGURE.match(text.strip()):
                need[column] = max(need[column], figure_width_cm(text.strip(), size_pt))
    fitted = [max(w, n) for w, n in zip(given, need, strict=True)]
    extra = sum(fitted) - sum(given)
    if extra <= 0:
        return fitted
    floor = [max(n, MIN_TEXT_CM) for n in need]
    slack = [max(0.0, f - low) for f, low in zip(fitted, floor, strict=True)]
    available = sum(slack)
    if available <= 0:
        return given  # nothing can give way: keep the author's proportions
    share = min(1.0, extra / available)
    return [f - s * share for f, s in zip(fitted, slack, strict=True)]
