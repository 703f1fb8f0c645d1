"""Targets and actuals as written in real forms: ``≥95%``, ``>=13万人次``, ``<=1.50万元``,
``=1次``, ``90件以上``, ``2024年12月10日前``, ``<=12月``, ``效果明显`` ….

:func:`parse_quantity` never raises: text it cannot read as a number or a date stays a
qualitative quantity with its raw form. :func:`format_quantity` writes the canonical text,
and ``parse_quantity(format_quantity(q))`` gives back ``q`` (tested with hypothesis).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from jixiao.model.limits import PARAGRAPH_CHARS, read_decimal


class Comparator(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="
    APPROX = "≈"


class QuantityKind(StrEnum):
    EMPTY = "empty"
    NUMBER = "number"
    DATE = "date"
    QUALITATIVE = "qualitative"


SCALES: dict[str, Decimal] = {
    "千": Decimal(1000),
    "万": Decimal(10_000),
    "亿": Decimal(100_000_000),
}

# Prefix and suffix words, longest first so that "不低于" wins over "低于".
_PREFIX_WORDS: list[tuple[str, Comparator]] = [
    ("大于等于", Comparator.GE),
    ("大于或等于", Comparator.GE),
    ("不低于", Comparator.GE),
    ("不少于", Comparator.GE),
    ("不小于", Comparator.GE),
    ("至少", Comparator.GE),
    ("达到", Comparator.GE),
    ("小于等于", Comparator.LE),
    ("小于或等于", Comparator.LE),
    ("不超过", Comparator.LE),
    ("不高于", Comparator.LE),
    ("不多于", Comparator.LE),
    ("不大于", Comparator.LE),
    ("控制在", Comparator.LE),
    ("大于", Comparator.GT),
    ("高于", Comparator.GT),
    ("超过", Comparator.GT),
    ("多于", Comparator.GT),
    ("小于", Comparator.LT),
    ("低于", Comparator.LT),
    ("少于", Comparator.LT),
    ("等于", Comparator.EQ),
    ("约", Comparator.APPROX),
    (">=", Comparator.GE),
    ("≥", Comparator.GE),
    ("≧", Comparator.GE),
    ("=>", Comparator.GE),
    ("<=", Comparator.LE),
    ("≤", Comparator.LE),
    ("≦", Comparator.LE),
    ("=<", Comparator.LE),
    (">", Comparator.GT),
    ("<", Comparator.LT),
    ("=", Comparator.EQ),
    ("≈", Comparator.APPROX),
]
_SUFFIX_WORDS: list[tuple[str, Comparator]] = [
    ("(含)以上", Comparator.GE),
    ("及以上", Comparator.GE),
    ("以上", Comparator.GE),
    ("之上", Comparator.GE),
    ("(含)以下", Comparator.LE),
    ("及以下", Comparator.LE),
    ("以下", Comparator.LE),
    ("以内", Comparator.LE),
    ("之内", Comparator.LE),
    ("之前", Comparator.LE),
    ("以前", Comparator.LE),
    ("前", Comparator.LE),
    ("内", Comparator.LE),
    ("余", Comparator.APPROX),
    ("多", Comparator.APPROX),
    ("左右", Comparator.APPROX),
]
# Leading words that do not change the value ("每年1次" is one per year).
_NEUTRAL_PREFIXES = ("每年", "全年", "年度", "累计", "共", "合计", "完成", "实现", "为")

_NUMBER_RE = re.compile(
    r"^(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<scale>[千万亿])?\s*(?P<unit>.*)$"
)
_DATE_RE = re.compile(
    r"^(?:(?P<y>\d{4})\s*年)?\s*(?:(?P<m>\d{1,2})\s*月(?:份)?)?\s*(?:(?P<d>\d{1,2})\s*[日号])?\s*(?:底|末)?$"
)
_UNIT_RE = re.compile(r"^[%‰A-Za-z\u4e00-\u9fff·/（）()²㎡]{0,8}$")


@dataclass(frozen=True)
class Quantity:
    """A parsed target or actual. ``number`` is as printed; :attr:`value` applies the scale."""

    raw: str
    kind: QuantityKind
    comparator: Comparator | None = None
    number: Decimal | None = None
    scale: str = ""
    unit: str = ""
    date: tuple[int | None, int | None, int | None] | None = None
    text: str = field(default="")

    @cached_property
    def value(self) -> Decimal | None:
        """The number with its 千/万/亿 scale applied (``13.41万`` → 134100)."""
        if self.number is None:
            return None
        return self.number * SCALES[self.scale] if self.scale else self.number

    @cached_property
    def canonical(self) -> str:
        """Canonical text (ASCII comparators, number as printed). Parsed quantities are
        shared (``parse_quantity`` is cached), so each text is formatted once."""
        prefix = self.comparator.value if self.comparator else ""
        if self.kind is QuantityKind.NUMBER and self.number is not None:
            return f"{prefix}{self.number}{self.scale}{self.unit}"
        if self.kind is QuantityKind.DATE and self.date is not None:
            year, month, day = self.date
            text = (f"{year}年" if year else "") + (f"{month}月" if month else "")
            text += f"{day}日" if day else ""
            return prefix + text
        if self.kind is QuantityKind.QUALITATIVE:
            return self.text or self.raw
        return ""

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_numeric(self) -> bool:
        return self.kind is QuantityKind.NUMBER

    def same_measure(self) -> tuple[object, ...]:
        """Fields that define equality across a format → parse round trip."""
        return (
            self.kind,
            self.comparator,
            self.number,
            self.scale,
            self.unit,
            self.date,
            self.text if self.kind is QuantityKind.QUALITATIVE else "",
        )


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and signs to ASCII), unify brackets, drop inner spaces."""
    norm = unicodedata.normalize("NFKC", text)
    norm = norm.replace("（", "(").replace("）", ")").replace("﹪", "%").replace("％", "%")
    norm = norm.replace("＜", "<").replace("＞", ">").replace("＝", "=")
    norm = re.sub(r"\s+", "", norm)
    return norm


def _strip_comparators(text: str) -> tuple[str, Comparator | None]:
    comparator: Comparator | None = None
    for word, cmp in _PREFIX_WORDS:
        if text.startswith(word):
            comparator, text = cmp, text[len(word) :]
            break
    for word in _NEUTRAL_PREFIXES:
        if text.startswith(word) and text[len(word) :][:1].isdigit():
            text = text[len(word) :]
            break
    if comparator is None:
        for word, cmp in _PREFIX_WORDS:
            if text.startswith(word):
                comparator, text = cmp, text[len(word) :]
                break
    for word, cmp in _SUFFIX_WORDS:
        if text.endswith(word) and len(text) > len(word):
            text = text[: -len(word)]
            if comparator is None:
                comparator = cmp
            break
    return text, comparator


def _parse_decimal(text: str) -> Decimal | None:
    """The number, or ``None`` when it is not one or is out of bounds (too many digits or too
    large or small a magnitude: such text stays qualitative and is never computed with)."""
    return read_decimal(text.replace(",", ""))


@lru_cache(maxsize=65536)
def parse_quantity(raw: str | None) -> Quantity:
    """Parse a printed target or actual. Never raises."""
    if raw is None:
        return Quantity(raw="", kind=QuantityKind.EMPTY)
    if len(raw) > PARAGRAPH_CHARS.value:  # no target is that long; keep it as text unread
        return Quantity(raw=raw, kind=QuantityKind.QUALITATIVE, text=raw)
    text = normalize_text(str(raw))
    if text in ("", "-", "—", "——", "/", "\\", "...", "......", "无数据"):
        return Quantity(raw=raw, kind=QuantityKind.EMPTY)
    core, comparator = _strip_comparators(text)
    date = _DATE_RE.match(core)
    if date and (date.group("y") or date.group("m")) and core:
        parts = (
            int(date.group("y")) if date.group("y") else None,
            int(date.group("m")) if date.group("m") else None,
            int(date.group("d")) if date.group("d") else None,
        )
        if (parts[1] is None or 1 <= parts[1] <= 12) and (parts[2] is None or 1 <= parts[2] <= 31):
            return Quantity(raw=raw, kind=QuantityKind.DATE, comparator=comparator, date=parts)
    match = _NUMBER_RE.match(core)
    if match and _UNIT_RE.match(match.group("unit")):
        number = _parse_decimal(match.group("num"))
        if number is not None and number.is_finite():
            unit = match.group("unit").replace("(", "").replace(")", "")
            if unit[:1] in ("余", "多") and comparator is None:
                comparator, unit = Comparator.APPROX, unit[1:]
            return Quantity(
                raw=raw,
                kind=QuantityKind.NUMBER,
                comparator=comparator,
                number=number,
                scale=match.group("scale") or "",
                unit=unit,
            )
    return Quantity(raw=raw, kind=QuantityKind.QUALITATIVE, text=text)


def format_quantity(quantity: Quantity) -> str:
    """Canonical text for a quantity (ASCII comparators, number as printed)."""
    return quantity.canonical


class Outcome(StrEnum):
    """Qualitative outcome levels (10号: 达成 / 部分达成 / 未达成), plus 不适用."""

    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"


@lru_cache(maxsize=1)
def _vocabulary() -> dict[Outcome, tuple[str, ...]]:
    data = yaml.safe_load(
        resources.files("jixiao.model").joinpath("qualitative.yaml").read_text("utf-8")
    )
    return {Outcome(key): tuple(words) for key, words in data.items()}


def qualitative_outcome(text: str | None) -> Outcome | None:
    """Map qualitative text (``效果明显``, ``达到预期指标``, ``部分完成``, ``无``) to an outcome."""
    if not text:
        return None
    norm = normalize_text(text)
    vocabulary = _vocabulary()
    # Negative and partial phrases first: "未达到" contains "达到".
    for outcome in (Outcome.NOT_MET, Outcome.PARTLY, Outcome.NOT_APPLICABLE, Outcome.MET):
        for word in vocabulary.get(outcome, ()):
            if outcome is Outcome.NOT_APPLICABLE:
                if norm == word:
                    return outcome
            elif word in norm:
                return outcome
    return None
