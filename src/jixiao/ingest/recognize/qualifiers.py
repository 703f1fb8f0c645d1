"""Columns that qualify an indicator's target rather than hold a value of their own.

Some forms print the comparator of a target in a column of its own (``指标性质 | 指标值 |
度量单位`` with ``≥ | 100 | %``), or the direction as a word (正向/反向). The target is read
as one quantity, ``≥100%``, as if it had been printed in one cell. A cell of such a column
that is not a comparator (``定量``, ``定性``) is ignored.
"""

from __future__ import annotations

import re

from jixiao.ingest.grid import Cell
from jixiao.ingest.recognize.headers import flat

QUALIFIER_FIELDS = ("direction", "unit")

# Comparator symbols and words as printed (full-width, box-drawing and mathematical forms).
_COMPARATORS = {
    "≥": "≥", "≧": "≥", ">=": "≥", "＞＝": "≥", "大于等于": "≥", "不低于": "≥", "不少于": "≥",
    "正向": "≥", "≤": "≤", "≦": "≤", "<=": "≤", "＜＝": "≤", "小于等于": "≤", "不高于": "≤",
    "不超过": "≤", "反向": "≤", "=": "=", "＝": "=", "═": "=", "等于": "=", ">": ">", "＞": ">",
    "大于": ">", "<": "<", "＜": "<", "小于": "<",
}  # fmt: skip
_PRINTED_COMPARATOR = re.compile(
    r"^\s*(?:[≥≧≤≦=＝═<>＜＞]|[<>]=|大于|小于|不低于|不高于|不少于|不超过)"
)
_BARE_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def comparator(cell: Cell | None) -> str | None:
    """The comparator a direction cell prints, normalised to ≥ ≤ = > <; None otherwise."""
    if cell is None:
        return None
    return _COMPARATORS.get(flat(cell.text).replace(" ", ""))


def qualify(value: str, direction: Cell | None, unit: Cell | None, *, target: bool) -> str:
    """``value`` with the comparator (targets only) and the unit of their own columns added,
    when the value does not print them itself."""
    text = value.strip()
    if unit is not None and _BARE_NUMBER.match(text):
        printed = flat(unit.text).strip()
        if printed and len(printed) <= 6 and not any(ch.isdigit() for ch in printed):
            text += printed
    sign = comparator(direction) if target else None
    if sign and text and not _PRINTED_COMPARATOR.match(text):
        text = sign + text
    return text
