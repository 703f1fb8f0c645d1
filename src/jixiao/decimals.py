"""Decimal helpers: half-up rounding and "does the printed figure agree with the truth".

A printed figure is right when the true value, rounded half-up at the printed precision,
gives it (beancount's rule: tolerance from the printed exponent). Truncation instead of
rounding is recognised separately so that it can be reported at a lower severity.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_UP,
    Decimal,
    InvalidOperation,
    localcontext,
)
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
    try:  # the usual case: the context's precision is enough (quantize raises if not)
        return value.quantize(quantum(places), rounding=rounding)
    except InvalidOperation:
        pass
    needed = max(value.adjusted(), 0) + places + 3
    if needed > MAX_QUANTIZE_DIGITS:
        raise ValueError(f"数字过大，无法按 {places} 位小数舍入")
    with localcontext() as context:
        context.prec = needed
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
    if printed == truth:  # the usual case, and no precision to work out
        return Agreement.EXACT
    digits = printed_places(printed) if places is None else places
    if round_half_up(truth, digits) == printed:
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


# --- interval arithmetic from printed precision ---------------------------------------
#
# A printed figure stands for every value that rounds to it: "12.37" for [12.365, 12.375].
# A derived figure (share, growth, difference, sum) computed from printed inputs may then lie
# anywhere in the interval those inputs allow; a printed derived figure is wrong only when
# no value of that interval rounds to it (0.41 / 12.37 allows 3.27 %–3.36 %, so 3.34 % is
# right).


@dataclass(frozen=True, slots=True)
class Interval:
    low: Decimal
    high: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __mul__(self, other: Interval) -> Interval:
        ends = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(ends), max(ends))

    def scale(self, factor: Decimal) -> Interval:
        ends = (self.low * factor, self.high * factor)
        return Interval(min(ends), max(ends))

    def __truediv__(self, other: Interval) -> Interval | None:
        """``None`` when the divisor may be zero (the quotient is then unbounded)."""
        if other.low <= 0 <= other.high:
            return None
        ends = [a / b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(ends), max(ends))

    def __abs__(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return -self
        return Interval(Decimal(0), max(-self.low, self.high))

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def width(self) -> Decimal:
        return self.high - self.low

    def text(self, places: int = 2, suffix: str = "") -> str:
        """``3.27%–3.36%``: the ends widened outwards to ``places`` decimals."""
        low = bounded_quantize(self.low, places, ROUND_FLOOR)
        high = bounded_quantize(self.high, places, ROUND_CEILING)
        return f"{low}{suffix}–{high}{suffix}"


def printed_interval(value: Decimal, places: int | None = None) -> Interval:
    """The values that round half-up to ``value`` at its printed precision."""
    half = quantum(printed_places(value) if places is None else places) / 2
    return Interval(value - half, value + half)


def input_interval(value: Decimal) -> Interval:
    """An input figure's interval, beancount's way: a figure printed with decimals stands
    for the values that round to it; a whole number ("30万元", "73200元") is taken as exact."""
    return printed_interval(value) if printed_places(value) > 0 else Interval.exact(value)


def sum_interval(values: Iterable[Decimal]) -> Interval:
    """The interval of a sum of printed figures."""
    total = Interval.exact(Decimal(0))
    for value in values:
        total = total + input_interval(value)
    return total


HUNDRED = Decimal(100)


def corners(function: Callable[..., Decimal], *inputs: Interval) -> Interval | None:
    """The interval of ``function`` over a box of inputs, for a function monotone in each
    input on the box (ratios, growth rates, differences): its ends lie at the corners.
    ``None`` when a corner cannot be computed (a division by zero)."""
    values = []
    for corner in itertools.product(*((i.low, i.high) for i in inputs)):
        try:
            values.append(function(*corner))
        except ArithmeticError:
            return None
    return Interval(min(values), max(values))


def share_interval(part: Decimal, whole: Decimal) -> Interval | None:
    """``part / whole × 100`` for printed ``part`` and ``whole``."""
    quotient = input_interval(part) / input_interval(whole)
    return None if quotient is None else quotient.scale(HUNDRED)


def growth_interval(current: Decimal, base: Decimal) -> Interval | None:
    """``(current − base) / base × 100`` for a printed current figure and a printed base."""
    quotient = input_interval(current) / input_interval(base)
    return (
        None if quotient is None else Interval(quotient.low - 1, quotient.high - 1).scale(HUNDRED)
    )


def growth_from_change(current: Decimal, change: Decimal) -> Interval | None:
    """``change / (current − change) × 100``: the growth rate when the base is not printed
    but follows from the current figure and its printed change."""
    box = (input_interval(current), input_interval(change))
    if (box[0] - box[1]).low <= 0:
        return None  # the base may be zero or negative: no rate follows
    return corners(lambda now, delta: delta / (now - delta) * HUNDRED, *box)


@dataclass(frozen=True, slots=True)
class Derived:
    """A printed derived figure judged against the interval its printed inputs allow."""

    agreement: Agreement
    allowed: Interval  # what the inputs allow
    expected: Decimal  # the value from the printed inputs, at the printed precision
    places: int

    @property
    def tolerance(self) -> str:
        return (
            f"按各输入数的印出精度推得允许区间 {self.allowed.text(max(self.places, 2) + 1)}，"
            f"原文 {self.places} 位小数（±{quantum(self.places) / 2}）与之相交即为正确"
        )


def judge_derived(
    printed: Decimal, allowed: Interval, point: Decimal, *, places: int | None = None
) -> Derived:
    """Is ``printed`` (a derived figure) right for inputs that allow ``allowed``?

    Right when some value of ``allowed`` rounds half-up to it; *truncated* when the value of
    the printed inputs, cut instead of rounded, gives it; otherwise wrong.
    """
    digits = printed_places(printed) if places is None else places
    expected = round_half_up(point, max(digits, 2))
    if printed_interval(printed, digits).meets(allowed):
        return Derived(Agreement.EXACT, allowed, expected, digits)
    if truncate(point, digits) == printed:
        return Derived(Agreement.TRUNCATED, allowed, expected, digits)
    return Derived(Agreement.WRONG, allowed, expected, digits)
