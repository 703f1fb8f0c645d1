"""Decimal helpers: half-up rounding and "does the printed figure agree with the truth".

A printed figure is right when the true value, rounded half-up at the printed precision,
gives it (beancount's rule: tolerance from the printed exponent). Truncation instead of
rounding is recognised separately so that it can be reported at a lower severity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import StrEnum
from functools import cache

from jixiao.model.quantity import normalize_text


@cache
def quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """四舍五入 at ``places`` decimals."""
    return bounded_quantize(value, places, ROUND_HALF_UP)


def truncate(value: Decimal, places: int = 2) -> Decimal:
    return bounded_quantize(value, places, ROUND_DOWN)


# Bounded-number guard: inputs are bounded (jixiao.model.limits), but figures computed from
# them (a ratio of 1e30 to 1e-30) can need more digits than the default 28 at the printed
# places; the quantize then runs with just enough precision instead of raising.
MAX_QUANTIZE_DIGITS = 200


def bounded_quantize(value: Decimal, places: int, rounding: str) -> Decimal:
    """``value.quantize`` at ``places`` with enough precision for any bounded figure."""
    if not value.is_finite():
        raise ValueError(f"不是有限的数：{value}")
    needed = max(value.adjusted(), 0) + places + 3
    if needed > MAX_QUANTIZE_DIGITS:
        raise ValueError(f"数字过大，无法按 {places} 位小数舍入")
    with localcontext() as context:
        context.prec = max(context.prec, needed)
        return value.quantize(quantum(places), rounding=rounding)


def printed_places(value: Decimal) -> int:
    """Decimal places as printed: ``Decimal("9.60")`` → 2, ``Decimal("10")`` → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class Agreement(StrEnum):
    EXACT = "exact"  # equal, or the truth rounds half-up to the printed figure
    TRUNCATED = "truncated"  # the truth truncated (not rounded) gives the printed figure
    WRONG = "wrong"


def agreement(printed: Decimal, truth: Decimal, *, places: int | None = None) -> Agreement:
    """Compare a printed figure with the recomputed truth at the printed precision."""
    digits = printed_places(printed) if places is None else places
    if printed == truth or round_half_up(truth, digits) == printed:
        return Agreement.EXACT
    if truncate(truth, digits) == printed:
        return Agreement.TRUNCATED
    return Agreement.WRONG


def agrees(printed: Decimal | None, truth: Decimal | None) -> bool | None:
    """Whether a printed figure agrees with the truth at its printed precision; ``None``
    when either is missing."""
    if printed is None or truth is None:
        return None
    return agreement(printed, truth) is Agreement.EXACT


def tolerance_text(printed: Decimal) -> str:
    """Chinese description of the tolerance implied by the printed precision."""
    digits = printed_places(printed)
    return f"按原文精度（{digits} 位小数）四舍五入比较，容差 ±{quantum(digits) / 2}"


_PERCENT_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?")


def parse_percent(text: str | None) -> Decimal | None:
    """``"95.99%"`` → ``Decimal("95.99")``; text that is not a percentage → ``None``."""
    if not text:
        return None
    norm = normalize_text(text).lstrip("=≈")
    if not norm.endswith("%"):
        return None
    found = _PERCENT_RE.match(norm[:-1])
    if not found or found.group(0) != norm[:-1]:
        return None
    try:
        return Decimal(found.group(0))
    except InvalidOperation:
        return None


def sum_tolerance(values: Iterable[Decimal]) -> Decimal:
    """Half a unit of the finest printed precision for each figure in a sum and its total."""
    items = list(values)
    places = max((printed_places(v) for v in items if v != 0), default=2)
    return quantum(places) / 2 * len(items)


class SumVerdict(StrEnum):
    EXACT = "exact"
    ROUNDING = "rounding"  # differs by no more than the rounding of the printed figures
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class SumJudgement:
    verdict: SumVerdict
    total: Decimal
    computed: Decimal
    tolerance: Decimal

    @property
    def difference(self) -> Decimal:
        return self.total - self.computed


def judge_sum(total: Decimal, parts: list[Decimal]) -> SumJudgement:
    computed = sum(parts, Decimal(0))
    tolerance = sum_tolerance([total, *parts])
    gap = abs(total - computed)
    verdict = (
        SumVerdict.EXACT
        if gap == 0
        else SumVerdict.ROUNDING
        if gap <= tolerance
        else SumVerdict.WRONG
    )
    return SumJudgement(verdict, total, computed, tolerance)
