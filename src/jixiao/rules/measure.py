"""Direction-aware comparison of a target with an actual (shared by the rule kinds)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model.quantity import (
    SCALES,
    Comparator,
    Outcome,
    Quantity,
    QuantityKind,
    format_quantity,
    qualitative_outcome,
)

ONE = Decimal(1)
ZERO = Decimal(0)


class Direction(StrEnum):
    POSITIVE = "positive"  # ≥: more is better
    REVERSE = "reverse"  # ≤: less is better (cost, time)
    EQUAL = "equal"


def direction_of(target: Quantity) -> Direction:
    if target.comparator in (Comparator.LE, Comparator.LT):
        return Direction.REVERSE
    if target.comparator is Comparator.EQ:
        return Direction.EQUAL
    return Direction.POSITIVE


@dataclass(slots=True)
class Comparison:
    """How the actual stands against the target.

    ``ratio`` is the completion ratio in the indicator's own direction: actual/target for
    ≥ and =; for ≤ it is 1 within the limit and target/actual beyond it.
    ``met`` says whether the target was reached.
    """

    met: bool
    ratio: Decimal | None
    direction: Direction
    why: str


def _dates_met(target: Quantity, actual: Quantity) -> bool | None:
    assert target.date is not None and actual.date is not None
    pairs = [
        (t, a)
        for t, a in zip(target.date, actual.date, strict=True)
        if t is not None and a is not None
    ]
    if not pairs:
        return None
    target_key = tuple(t for t, _ in pairs)
    actual_key = tuple(a for _, a in pairs)
    if target.comparator in (Comparator.GE, Comparator.GT):
        return actual_key >= target_key
    if target.comparator is Comparator.EQ:
        return actual_key == target_key
    return actual_key <= target_key  # a date target is a deadline by default


def compare(target: Quantity, actual: Quantity) -> Comparison | None:
    """Compare; ``None`` when the two cannot be compared (missing, qualitative, units)."""
    if target.kind is QuantityKind.DATE and actual.kind is QuantityKind.DATE:
        met = _dates_met(target, actual)
        if met is None:
            return None
        return Comparison(
            met, ONE if met else ZERO, Direction.REVERSE, "按期完成" if met else "未按期完成"
        )
    if not (target.is_numeric and actual.is_numeric):
        return None
    if target.unit and actual.unit and target.unit != actual.unit:
        return None
    t, a = target.value, actual.value
    assert t is not None and a is not None and actual.number is not None
    if t < 0:  # a negative target has no completion ratio: never a negative score
        return None
    if target.unit and not actual.unit and not actual.scale and target.scale:
        a = actual.number * SCALES[target.scale]  # "13.41" against "13万人次" means 13.41万
    a = max(a, ZERO)  # negative actuals count as zero (common practice)
    direction = direction_of(target)
    shown_t, shown_a = format_quantity(target), format_quantity(actual)
    if direction is Direction.REVERSE:
        if a <= t:  # within the limit: met, completion 100%
            return Comparison(True, ONE, direction, f"实际 {shown_a} 未超过目标 {shown_t}")
        return Comparison(
            False, t / a if a else None, direction, f"实际 {shown_a} 超过目标上限 {shown_t}"
        )
    if t == 0:
        met = a == 0 if direction is Direction.EQUAL else a >= 0
        return Comparison(met, ONE if met else ZERO, direction, "目标为 0")
    ratio = a / t
    if direction is Direction.EQUAL:
        return Comparison(a == t, ratio, direction, f"实际/目标 = {shown_a}/{shown_t}")
    return Comparison(a >= t, ratio, direction, f"实际/目标 = {shown_a}/{shown_t}")


def outcome_of(target: Quantity, actual: Quantity) -> Outcome | None:
    """Qualitative outcome: from the words of the actual, or from a numeric comparison."""
    comparison = compare(target, actual)
    if comparison is not None:
        if comparison.met:
            return Outcome.MET
        return Outcome.PARTLY if (comparison.ratio or ZERO) >= Decimal("0.6") else Outcome.NOT_MET
    if actual.kind is QuantityKind.QUALITATIVE:
        return qualitative_outcome(actual.text)
    if actual.kind is QuantityKind.EMPTY:
        return None
    # A number or date reported against a qualitative target ("长期" → "=1次"): reported.
    return Outcome.MET if target.kind is QuantityKind.QUALITATIVE else None


def percent_value(quantity: Quantity) -> Decimal | None:
    """A rate in percent: ``95%`` → 95; a bare ratio ``0.95`` → 95."""
    if not quantity.is_numeric or quantity.value is None:
        return None
    if quantity.unit == "%":
        return quantity.value
    if not quantity.unit and quantity.value <= ONE:
        return quantity.value * 100
    return None
