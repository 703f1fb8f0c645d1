"""How figures are printed: money, scores and rates as Decimal rounded half-up.

Reports use the same precision as the forms (two decimals) so that a sentence and the cell
it describes always say the same number.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.decimals import round_half_up
from jixiao.model.quantity import normalize_text

PLACES = 2
HUNDRED = Decimal(100)


def money(value: Decimal | None, places: int = PLACES) -> str:
    """``Decimal("4329.456")`` → ``"4,329.46"``; ``None`` → ``"—"``."""
    if value is None:
        return "—"
    return f"{round_half_up(value, places):,}"


def score(value: Decimal | None, places: int = PLACES) -> str:
    """A score at the pack's precision: ``9.6`` → ``"9.60"``."""
    if value is None:
        return "—"
    return f"{round_half_up(value, places)}"


def weight(value: Decimal | None) -> str:
    """Weights as printed in the forms: ``10`` → ``"10"``, ``2.5`` → ``"2.5"``."""
    if value is None:
        return "—"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def printed(value: Decimal | None) -> str:
    """A figure as the document printed it (its own precision kept): ``98.50`` → ``"98.50"``."""
    return "—" if value is None else format(value, "f")


def percent(value: Decimal | None, places: int = PLACES) -> str:
    """A rate already in percent: ``95.9916`` → ``"95.99%"``."""
    if value is None:
        return "—"
    return f"{round_half_up(value, places)}%"


def ratio(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """``part / whole`` in percent, or ``None`` when it cannot be computed."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * HUNDRED


_COMPARATOR_SIGNS = (
    (">=", "≥"),
    ("=>", "≥"),
    ("<=", "≤"),
    ("=<", "≤"),
)


def prose_quantity(text: str | None) -> str:
    """A target or actual in prose: ``">=13人"`` → ``"≥13人"``, ``"=13人"`` → ``"13人"``."""
    if text is None or not text.strip():
        return "—"
    result = normalize_text(text).strip()
    for ascii_sign, sign in _COMPARATOR_SIGNS:
        result = result.replace(ascii_sign, sign)
    return result.removeprefix("=")
