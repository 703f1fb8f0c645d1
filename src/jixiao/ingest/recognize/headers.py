"""Header vocabulary (``headers.yaml``) and the text normalisation used to match it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from jixiao.hanzi import simplified

_BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
_SPACE_RE = re.compile(r"\s+")
_CJK = r"\u2018-\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_WRAP_RE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def flat(text: str) -> str:
    """A short label on one line: wraps and spacing between CJK characters vanish."""
    return _SPACE_RE.sub(" ", _WRAP_RE.sub("", text.strip())).strip()


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Normalised header key: ASCII forms, simplified characters, no spaces, no bracketed units
    or pinyin glosses (``預算數(shù)`` → ``预算数``), no trailing colon, no leading asterisk
    (templates mark required fields ``*指标值``)."""
    norm = unicodedata.normalize("NFKC", simplified(text)).replace("（", "(").replace("）", ")")
    norm = _SPACE_RE.sub("", norm)
    stripped = _BRACKETS_RE.sub("", norm)
    return (stripped or norm).rstrip(":：").lstrip("*※").lower()


def label_word(k: str, words: Iterable[str], slack: int) -> str | None:
    """The word a label key begins with, when the key is that word followed by at most
    ``slack`` characters (``合计数`` is 合计; a long sentence that starts with it is not)."""
    return next((w for w in words if k.startswith(w) and len(k) <= len(w) + slack), None)


# A header whose characters came out of order (``年成值全完值`` for 全年完成值, as text
# extraction from some PDFs and OCR leave it) is matched by its characters: it must hold every
# character of one word of at least this many, with at most one character more.
SCRAMBLED_MIN = 4


@dataclass(frozen=True)
class FieldMatch:
    field: str
    exact: bool
    length: int
    scrambled: str | None = None  # the word a scrambled header was read as


    @property
    def strength(self) -> tuple[bool, int]:
        return (self.exact, self.length)


class WordTable:
    """Fields with their words; matches a header cell exactly or by the longest contained word."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.exact: dict[str, str] = {}
        self.contained: list[tuple[str, str]] = []
        for field, words in fields.items():
            for word in words:
                normalised = key(str(word))
                self.exact.setdefault(normalised, field)
                self.contained.append((normalised, field))
        self.contained.sort(key=lambda item: -len(item[0]))
        self._cache: dict[str, FieldMatch | None] = {}

    def match(self, text: str) -> FieldMatch | None:
        if text not in self._cache:
            if len(self._cache) > 65536:
                self._cache.clear()
            self._cache[text] = self._match(text)
        return self._cache[text]

    def _match(self, text: str) -> FieldMatch | None:
        k = key(text)
        if not k or len(k) > 40:
            return None
        if k in self.exact:
            return FieldMatch(self.exact[k], True, len(k))
        for word, field in self.contained:
            if word in k:
                return FieldMatch(field, False, len(word))
        return self._scrambled(k)

    def _scrambled(self, k: str) -> FieldMatch | None:
        """The one field a header names with its characters out of order; None when no
        word, or words of several fields, fit."""
        chars = Counter(k)
        fits = {
            (field, word)
            for word, field in self.contained
            if len(word) >= SCRAMBLED_MIN and len(word) <= len(k) <= len(word) + 1
            and not Counter(word) - chars
        }
        fields = {field for field, _ in fits}
        if len(fields) != 1:
            return None
        field, word = max(fits, key=lambda fit: len(fit[1]))
        return FieldMatch(field, False, 1, scrambled=word)

    def exact_field(self, text: str) -> str | None:
        return self.exact.get(key(text))


@dataclass(frozen=True)
class Vocabulary:
    indicator: WordTable
    funding: WordTable
    goal: WordTable
    labels: WordTable
    survey: WordTable
    survey_footer: WordTable
    basic_data: WordTable
    accounts: WordTable
    accounts_unit: frozenset[str]
    accounts_item: frozenset[str]
    accounts_amount: frozenset[str]
    accounts_budget: frozenset[str]
    total_labels: frozenset[str]
    scoring_dimensions: tuple[str, ...]
    funding_total_labels: frozenset[str]
    titles: tuple[tuple[str, tuple[str, ...]], ...]

    def title_kind(self, text: str) -> str | None:
        """Form kind named by a short title such as ``项目支出绩效自评表（2024年度）``."""
        k = key(text)
        if not k or len(k) > 45:
            return None
        for kind, words in self.titles:
            if all(word in k for word in words):
                return kind
        return None

    def is_total(self, text: str) -> bool:
        return label_word(key(text), self.total_labels, 4) is not None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(
        resources.files("jixiao.ingest.recognize").joinpath("headers.yaml").read_text("utf-8")
    )
    return Vocabulary(
        indicator=WordTable(data["indicator"]),
        funding=WordTable(data["funding"]),
        goal=WordTable(data["goal"]),
        labels=WordTable(data["labels"]),
        survey=WordTable(data["survey"]),
        survey_footer=WordTable(data["survey_footer"]),
        basic_data=WordTable(data["basic_data"]),
        accounts=WordTable(data["accounts"]),
        accounts_unit=frozenset(key(w) for w in data["accounts_unit"]),
        accounts_item=frozenset(key(w) for w in data["accounts_item"]),
        accounts_amount=frozenset(key(w) for w in data["accounts_amount"]),
        accounts_budget=frozenset(key(w) for w in data["accounts_budget"]),
        total_labels=frozenset(key(w) for w in data["total_labels"]),
        scoring_dimensions=tuple(key(w) for w in data["scoring_dimensions"]),
        funding_total_labels=frozenset(key(w) for w in data["funding_total_labels"]),
        titles=tuple((kind, tuple(key(w) for w in words)) for kind, words in data["titles"]),
    )
