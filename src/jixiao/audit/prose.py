"""Reading figures out of narrative sentences for the prose checks (JX4xx, JX7xx).

A *passage* is a stretch of text with its place: a document paragraph, or a text field of
a form (年度总体目标, 实际完成情况, 偏差原因). :func:`figures` finds every number with a
unit (money in 万元, percentages, counts such as 人/件/次) with its character offsets and
the label written before it. The analysers (repeated counts here; sums in
:mod:`~jixiao.audit.prose_components`, rates in :mod:`~jixiao.audit.prose_rates`, sign words in
:mod:`~jixiao.audit.prose_signs`, listed items in :mod:`~jixiao.audit.prose_lists`, goal figures
in :mod:`~jixiao.audit.prose_goals`) return :class:`ProseIssue` records; the checks turn them
into findings. Text is never rewritten, so offsets point into the
original string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from jixiao.decimals import Interval, input_interval
from jixiao.hanzi import simplified
from jixiao.model.common import SourceRef
from jixiao.model.document import Document
from jixiao.model.evaluation import EvaluationBase, SelfEvaluationBase

HUNDRED = Decimal(100)
MONEY = {
    "亿元": Decimal(10_000),
    "万元": Decimal(1),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}
COUNT_UNITS = (
    "人次", "人", "名", "个", "件", "次", "家", "户", "项", "篇", "条", "场", "台", "辆",
    "套", "所", "批", "期", "份", "起", "天", "学时", "课时", "小时", "场次",
)  # fmt: skip
SAME_UNIT = {"名": "人"}  # 65名选手 and 65人 count the same thing
_UNIT_ALT = "|".join(sorted(COUNT_UNITS, key=len, reverse=True))
_FIGURE = re.compile(
    r"(?<![\d.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    rf"(?P<unit>亿元|万元|千元|元|[%％]|(?P<scale>[万亿])?(?:{_UNIT_ALT}))"
)
_SENTENCE_END = "。！？!?\n"
_CLAUSE_STOP = "，,；;：:。！？!?\n、（(）)“”\""
_LEADING = (
    "其中", "一是", "二是", "三是", "四是", "五是", "并", "共计", "合计", "累计", "共", "全年",
)  # fmt: skip
_TRAILING = ("达到", "实现", "完成", "共计", "合计", "为", "达", "共", "计", "有", "约", "是")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


class Kind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"


@dataclass(frozen=True)
class Figure:
    """A number with its unit, as printed. ``value`` is in 万元 for money, the plain count
    (scale applied) for counts, the percentage for ``%``."""

    number: Decimal
    unit: str
    kind: Kind
    value: Decimal
    start: int
    end: int
    label: str
    text: str
    aside: bool = False  # inside （…）: a remark such as （含参公管理5人）

    def same_unit(self, other: Figure) -> bool:
        if self.kind is not other.kind:
            return False
        if self.kind is Kind.COUNT:
            return SAME_UNIT.get(self.unit, self.unit) == SAME_UNIT.get(other.unit, other.unit)
        return True


@dataclass(frozen=True)
class Passage:
    """Text with its place: a paragraph (``paragraph`` index) or a form field.

    ``text`` is read in simplified characters (character for character, so offsets hold);
    ``printed`` is the text as printed, when it differs."""

    text: str
    heading: str | None = None
    paragraph: int | None = None
    form: int | None = None
    field: str | None = None
    source: SourceRef | None = None
    printed: str | None = None

    @classmethod
    def read(cls, text: str, **place: Any) -> Passage:
        plain_text = simplified(text)
        return cls(plain_text, printed=text if plain_text != text else None, **place)

    def shown(self, start: int, end: int) -> str:
        return (self.printed or self.text)[start:end]


@dataclass(frozen=True)
class ProseIssue:
    passage: Passage
    start: int
    end: int
    message: str
    claimed: str
    expected: str
    severe: bool = True  # False: within rounding or a matter of convention (info)
    tolerance: str | None = None
    certain: bool = True  # False: what it rests on is uncertain (a warning, not an error)
    positions: tuple[int, ...] = ()  # offsets of the figures it judges, when not its span


def _clean_label(text: str) -> str:
    label = text
    for word in _LEADING:
        if label.startswith(word) and len(label) - len(word) >= 2:
            label = label[len(word) :]
            break
    for word in _TRAILING:
        if label.endswith(word) and len(label) - len(word) >= 2:
            label = label[: -len(word)]
            break
    return label


def _label_before(text: str, start: int) -> str:
    cut = start
    while cut > 0 and text[cut - 1] not in _CLAUSE_STOP and start - cut < 30:
        cut -= 1
    return _clean_label(text[cut:start].strip())


def _inside_brackets(text: str, position: int) -> bool:
    opened = max(text.rfind("（", 0, position), text.rfind("(", 0, position))
    closed = max(text.rfind("）", 0, position), text.rfind(")", 0, position))
    return opened > closed


def matched_issues(
    items: list[Passage],
    pattern: re.Pattern[str],
    judge: Callable[[Passage, str, list[Figure], re.Match[str]], ProseIssue | None],
) -> Iterator[ProseIssue]:
    """Each passage's matches of ``pattern`` judged against the figures of its text."""
    for passage in items:
        found = figures(passage.text)
        for match in pattern.finditer(passage.text):
            issue = judge(passage, passage.text, found, match)
            if issue is not None:
                yield issue


def figures(text: str) -> list[Figure]:
    found = []
    for match in _FIGURE.finditer(text):
        if text[max(0, match.start() - 1) : match.start()] == "第":
            continue  # 第23条 is an ordinal
        number = Decimal(match.group("num").replace(",", ""))
        unit = match.group("unit").replace("％", "%")
        scale = match.group("scale") or ""
        if unit in MONEY:
            kind, value = Kind.MONEY, number * MONEY[unit]
        elif unit == "%":
            kind, value = Kind.PERCENT, number
        else:
            kind, value = Kind.COUNT, number * _SCALE[scale] if scale else number
            unit = unit.removeprefix(scale)
        found.append(
            Figure(
                number=number,
                unit=unit,
                kind=kind,
                value=value,
                start=match.start(),
                end=match.end(),
                label=_label_before(text, match.start()),
                text=match.group(0),
                aside=_inside_brackets(text, match.start()),
            )
        )
    return found


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and text[start - 1] not in _SENTENCE_END:
        start -= 1
    end = position
    while end < len(text) and text[end] not in _SENTENCE_END:
        end += 1
    return start, end


def passages(document: Document) -> list[Passage]:
    """Every narrative passage: document paragraphs, then the text fields of each form."""
    found = [
        Passage.read(p.text, heading=p.heading, paragraph=n, source=p.source)
        for n, p in enumerate(document.paragraphs)
    ]
    for index, form in enumerate(document.forms):
        if isinstance(form, SelfEvaluationBase):
            for field in ("goal_expected", "goal_actual"):
                text = getattr(form, field)
                if text:
                    found.append(Passage.read(text, form=index, field=field,
                                              source=form.sources.get(field)))
        if isinstance(form, EvaluationBase):
            for number, item in enumerate(form.indicators):
                if item.deviation_note and len(item.deviation_note) > 6:
                    found.append(Passage.read(item.deviation_note, form=index,
                                         field=f"indicators.{number}.deviation_note",
                                         source=item.sources.get("deviation_note")))
    return found


def figure_interval(figure: Figure) -> Interval:
    """The values a printed figure stands for, in the unit of ``figure.value``."""
    factor = figure.value / figure.number if figure.number != 0 else Decimal(1)
    return input_interval(figure.number).scale(factor)


# --------------------------------------------------------------- repeated counts ------

_NOUN_STOP = set("共和与及参的、，,；;。：:（()）“”\"0123456789")


def _noun_after(text: str, end: int) -> str:
    noun = ""
    for char in text[end : end + 6]:
        if char in _NOUN_STOP:
            break
        noun += char
    return noun


def _previous_clause(text: str, position: int) -> str:
    """The clause before the one holding ``position`` (context that names the subject)."""
    cut = position
    while cut > 0 and text[cut - 1] not in _CLAUSE_STOP:
        cut -= 1
    end = cut - 1
    start = end
    while start > 0 and text[start - 1] not in _CLAUSE_STOP:
        start -= 1
    return text[start:end] if end > 0 else ""


def count_keys(text: str) -> Iterator[tuple[tuple[str, ...], Figure]]:
    """Keys naming what a count counts: the label before it, or the noun after it."""
    for figure in figures(text):
        if figure.kind is not Kind.COUNT:
            continue
        unit = SAME_UNIT.get(figure.unit, figure.unit)
        if len(figure.label) >= 4:
            yield ("label", _previous_clause(text, figure.start), figure.label, unit), figure
        noun = _noun_after(text, figure.end)
        before = text[max(0, figure.start - 2) : figure.start]
        if len(noun) >= 2 and len(before) == 2 and not set(before) & _NOUN_STOP:
            yield ("noun", before, unit, noun), figure


def conflicting_counts(groups: list[list[Passage]]) -> Iterator[tuple[Figure, Passage, Figure,
                                                                       Passage]]:
    """The same count stated with two values within one group of passages."""
    seen_pairs: set[tuple[tuple[str, ...], Decimal, Decimal]] = set()
    for group in groups:
        first: dict[tuple[str, ...], tuple[Figure, Passage]] = {}
        for passage in group:
            for key, figure in count_keys(passage.text):
                if key not in first:
                    first[key] = (figure, passage)
                    continue
                earlier, where = first[key]
                if earlier.value == figure.value:
                    continue
                pair = (key, earlier.value, figure.value)
                if pair in seen_pairs:
                    continue
                seen_pairs.add(pair)
                yield earlier, where, figure, passage
