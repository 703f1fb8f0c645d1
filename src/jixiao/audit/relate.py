"""The documents of one project across the budget cycle, related.

A declaration (绩效目标申报表), a mid-year monitoring form (绩效运行监控表) and a self-evaluation
(项目支出绩效自评表) of one project may sit in one file or in several. :func:`records_of` keeps
of each form only what the cross-document checks compare (a :class:`Record`, small and
picklable, so a batch over thousands of files keeps these and not the documents);
:func:`relate` groups the records into projects and says how each group was matched: by
project code, by the same name (units agreeing), or by a near name, which is a guess and
makes every finding on it a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Literal, cast

from pydantic import TypeAdapter

from jixiao.audit.common import said
from jixiao.model.common import SourceRef
from jixiao.model.declaration import TargetDeclaration
from jixiao.model.document import Document
from jixiao.model.evaluation import Indicator, ProjectSelfEvaluation
from jixiao.model.monitoring import PerformanceMonitoring

Kind = Literal["declaration", "monitoring", "self_evaluation"]
KIND_ZH: dict[Kind, str] = {
    "declaration": "绩效目标申报表",
    "monitoring": "绩效运行监控表",
    "self_evaluation": "绩效自评表",
}
NEAR_NAMES = 0.85  # SequenceMatcher ratio from which two project names are taken as one
SMALL_BLOCK = 200  # names of the same numbers compared each with each up to this many
COMMON_PIECE = 50  # beyond, a two-character piece in more names than this is not looked up
_ADJUSTED = re.compile(r"调整|变更|修改|修订")
_DROP = re.compile(r"[\s\W_]+")
_YEAR = re.compile(r"^\d{4}年度?|[(（]?\d{4}年度?[)）]?$")
_NUMERALS = re.compile(r"[0-9〇零一二三四五六七八九十百千]+")
_NUMBERING = re.compile(r"^(?:指标)?\d+(?:\.\d+)*[、.:：)）]")


@dataclass(frozen=True)
class Entry:
    """One indicator as the cross-document checks see it (fields as printed)."""

    number: int
    name: str
    level2: str | None
    target: str | None = None
    actual: str | None = None
    forecast: str | None = None
    likelihood: str | None = None
    weight: Decimal | None = None
    claimed_score: Decimal | None = None
    explained: bool = False
    adjusted: bool = False
    sources: dict[str, SourceRef] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> str:
        return indicator_key(self.name)


@dataclass(frozen=True)
class Record:
    """What a cross-document check needs of one form: where it is, whose it is, its rows.
    ``doubts`` maps a field (``target``, ``actual``, ``claimed_score``) to why its column's
    role was only guessed when the form was read."""

    file: str | None
    form: int
    kind: Kind
    name: str
    code: str | None
    unit: str | None
    year: int | None
    month: int | None = None
    entries: tuple[Entry, ...] = ()
    adjusted: bool = False
    doubts: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def label(self) -> str:
        """The form by year and kind: 2025年1-7月绩效运行监控表."""
        year = f"{self.year}年" if self.year else "年度不明的"
        months = f"1-{self.month}月" if self.month else ""
        return f"{year}{months}{KIND_ZH[self.kind]}"

    def describe(self) -> str:
        """The label and the file it is in."""
        where = f"（{self.file.rsplit('/', 1)[-1]}）" if self.file else ""
        return self.label + where

    def unique(self) -> dict[str, Entry]:
        """Entries by indicator key, leaving out keys printed twice (which row is meant?)."""
        seen: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            if entry.key:
                seen[entry.key].append(entry)
        return {key: rows[0] for key, rows in seen.items() if len(rows) == 1}


@dataclass
class Project:
    """Records taken as one project, how they were matched, and which pairs to compare
    (``across_files``: only records of different files, the rest being checked per file)."""

    records: list[Record]
    how: str
    near: bool = False
    across_files: bool = False

    def pairs(self, earlier: Kind, later: Kind, years_apart: int = 0
              ) -> Iterator[tuple[Record, Record, bool]]:
        """(earlier, later, year_sure) for records of the two kinds whose years are
        ``years_apart``; a record without a year pairs only when it is the only one of its
        kind, and then ``year_sure`` is False."""
        firsts = [r for r in self.records if r.kind == earlier]
        seconds = [r for r in self.records if r.kind == later]
        for first in firsts:
            for second in seconds:
                if self.across_files and first.file == second.file:
                    continue
                if first.year is not None and second.year is not None:
                    if second.year - first.year == years_apart:
                        yield first, second, True
                elif years_apart == 0 and len(firsts) == 1 and len(seconds) == 1:
                    yield first, second, False

    def matched(self, earlier: Kind, later: Kind, years_apart: int = 0
                ) -> Iterator[tuple[Record, Record, bool, Entry, Entry]]:
        """Each row of a ``later`` record with the row of the same indicator in the
        ``earlier`` record it pairs with (:meth:`pairs`), and whether the years are sure."""
        for first, second, sure in self.pairs(earlier, later, years_apart):
            rows = first.unique()
            for entry in second.entries:
                if (row := rows.get(entry.key)) is not None:
                    yield first, second, sure, row, entry

    @property
    def name(self) -> str:
        return self.records[0].name

    @property
    def files(self) -> list[str]:
        return list(dict.fromkeys(r.file or "" for r in self.records))


def indicator_key(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    return _DROP.sub("", _NUMBERING.sub("", text.strip()))


def project_key(name: str | None) -> str:
    text = _DROP.sub("", unicodedata.normalize("NFKC", name or ""))
    text = _YEAR.sub("", text)
    return text.removesuffix("项目") or text


def _doubts(form: object) -> dict[str, str]:
    found: dict[str, str] = {}
    for doubt in getattr(form, "uncertain", []):
        if doubt.aspect == "column" and doubt.subject:
            found.setdefault(doubt.subject, doubt.reason)
    return found


def _self_entry(number: int, item: Indicator) -> Entry:
    notes = " ".join(t or "" for t in (item.notes, item.target_basis, item.deviation_note))
    return Entry(
        number, item.name, item.level2, target=item.target, actual=item.actual,
        weight=item.weight, claimed_score=item.claimed_score,
        explained=said(item.deviation_note) or said(item.notes),
        adjusted=bool(_ADJUSTED.search(notes)), sources=dict(item.sources),
    )  # fmt: skip


_STORED = TypeAdapter(list[Record])


def records_data(records: Iterable[Record]) -> list[dict[str, object]]:
    """Records as JSON data, to be kept beside a stored document (read back with
    :func:`records_from_data` instead of reading the whole document again)."""
    return cast(list[dict[str, object]], _STORED.dump_python(list(records), mode="json"))


def records_from_data(data: object) -> list[Record]:
    return _STORED.validate_python(data)


def records_of(document: Document) -> list[Record]:
    """The records of a document's declarations, monitoring forms and project self-evaluations."""
    found: list[Record] = []
    file = document.source_file
    for index, form in enumerate(document.forms):
        if isinstance(form, TargetDeclaration):
            entries = tuple(
                Entry(n, row.name, row.level2, target=row.target,
                      adjusted=bool(_ADJUSTED.search(f"{row.notes or ''}{row.explanation or ''}")),
                      sources=dict(row.sources))
                for n, row in enumerate(form.indicator_rows) if row.period == "annual"
            )  # fmt: skip
            found.append(Record(file, index, "declaration", form.name, form.code, form.unit,
                                form.year, entries=entries, doubts=_doubts(form)))
        elif isinstance(form, PerformanceMonitoring):
            entries = tuple(
                Entry(n, row.name, row.level2, target=row.target, actual=row.to_date,
                      forecast=row.forecast, likelihood=row.likelihood, sources=dict(row.sources))
                for n, row in enumerate(form.indicator_rows)
            )  # fmt: skip
            found.append(Record(file, index, "monitoring", form.name, form.code, form.unit,
                                form.year, month=form.month, entries=entries,
                                doubts=_doubts(form)))
        elif isinstance(form, ProjectSelfEvaluation):
            narrative = " ".join(form.narrative.values())
            found.append(Record(
                file, index, "self_evaluation", form.name, form.code, form.unit, form.year,
                entries=tuple(_self_entry(n, item) for n, item in enumerate(form.indicators)),
                adjusted=bool(re.search(r"(?:目标|指标).{0,6}(?:调整|变更)|(?:调整|变更).{0,6}"
                                        r"(?:目标|指标)", narrative)),
                doubts=_doubts(form),
            ))  # fmt: skip
    return found


# The forms a project is related across, as classes and as their ``type`` values.
PROJECT_FORMS = (TargetDeclaration, PerformanceMonitoring, ProjectSelfEvaluation)
PROJECT_TYPES = tuple(str(form.model_fields["type"].default) for form in PROJECT_FORMS)


def _units_agree(first: Record, second: Record) -> bool:
    """No unit printed on one side, or one name within the other (某县教育局 / 某县教育局本级)
    with the same numbers (第一中学 is not 第十一中学)."""
    one, two = project_key(first.unit), project_key(second.unit)
    if not one or not two or one == two:
        return True
    return (one in two or two in one) and _NUMERALS.findall(one) == _NUMERALS.findall(two)


def _code(record: Record) -> str:
    return _DROP.sub("", record.code or "").upper()


class _Groups:
    """Union-find over records, remembering why each pair was joined."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.reasons: dict[int, list[str]] = defaultdict(list)
        self.near: set[int] = set()

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int, reason: str, near: bool = False) -> None:
        one, two = self.find(first), self.find(second)
        if one == two:
            return
        self.parent[two] = one
        self.reasons[one] += [*self.reasons.pop(two, []), reason]
        if near or two in self.near:
            self.near.add(one)


def relate(records: Iterable[Record]) -> list[Project]:
    """Group records into projects: the same project code; else the same name with no code
    against it and the units agreeing; else (for a record still alone) a near name."""
    items = list(records)
    groups = _Groups(len(items))
    by_code: dict[str, int] = {}
    for number, record in enumerate(items):
        if code := _code(record):
            if code in by_code:
                groups.join(by_code[code], number, f"项目编码“{record.code}”")
            by_code.setdefault(code, number)
    by_name: dict[str, list[int]] = defaultdict(list)
    for number, record in enumerate(items):
        by_name[project_key(record.name)].append(number)
    for key, numbers in by_name.items():
        if key:
            _join_same_name(items, numbers, groups)
    _join_near_names(items, groups)
    members: dict[int, list[Record]] = defaultdict(list)
    for number, record in enumerate(items):
        members[groups.find(number)].append(record)
    return [
        Project(records, "按" + "、".join(dict.fromkeys(groups.reasons[root])) + "关联",
                near=root in groups.near)
        for root, records in members.items() if len(records) > 1
    ]  # fmt: skip


def _join_same_name(items: list[Record], numbers: list[int], groups: _Groups) -> None:
    """Join records of one name: each joins the first record of an agreeing unit (one per
    distinct unit is kept as an anchor, so a batch of thousands of one name stays linear)
    whose code, if both print one, is the same."""
    anchors: list[int] = []
    for number in numbers:
        record = items[number]
        for anchor in anchors:
            first = items[anchor]
            if _code(first) and _code(record) and _code(first) != _code(record):
                continue
            if _units_agree(first, record):
                groups.join(anchor, number, f"项目名称「{first.name}」")
                break
        else:
            anchors.append(number)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _join_near_names(items: list[Record], groups: _Groups) -> None:
    """A record still alone joins the record whose name is nearest (ratio ≥ NEAR_NAMES).
    Names must print the same numbers (一期 and 二期 are other projects), so only names of
    the same numbers are compared: each against all in a small block, and in a large one
    only against names sharing a two-character piece that few names share."""
    sizes: dict[int, int] = defaultdict(int)
    for number in range(len(items)):
        sizes[groups.find(number)] += 1
    keys = [project_key(record.name) for record in items]
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, key in enumerate(keys):
        blocks[tuple(_NUMERALS.findall(key))].append(number)
    for block in blocks.values():
        lonely = [n for n in block if sizes[groups.find(n)] == 1 and len(keys[n]) >= 4]
        if not lonely:
            continue
        candidates = _candidates(block, keys) if len(block) > SMALL_BLOCK else None
        for number in lonely:
            others = block if candidates is None else candidates(number)
            best = _nearest(number, others, items, keys)
            if best is not None:
                other, ratio = best
                reason = (f"名称相近（「{items[number].name}」与「{items[other].name}」，"
                          f"相似度 {ratio:.2f}，未必是同一项目）")  # fmt: skip
                groups.join(other, number, reason, near=True)
                sizes[groups.find(number)] = 2


def _candidates(block: list[int], keys: list[str]) -> Callable[[int], Iterable[int]]:
    """For a large block: the names sharing a piece few names share (项目, 经费 and the like
    are left out, or the comparison would be quadratic)."""
    index: dict[str, set[int]] = defaultdict(set)
    for number in block:
        for piece in _bigrams(keys[number]):
            index[piece].add(number)

    def near(number: int) -> Iterable[int]:
        pieces = [p for p in _bigrams(keys[number]) if len(index[p]) <= COMMON_PIECE]
        return {other for piece in pieces for other in index[piece]}

    return near


def _nearest(number: int, others: Iterable[int], items: list[Record], keys: list[str]
             ) -> tuple[int, float] | None:
    key, record = keys[number], items[number]
    best: tuple[int, float] | None = None
    for other in others:
        if other == number or (_code(items[other]) and _code(record)):
            continue
        matcher = SequenceMatcher(None, key, keys[other])
        floor = best[1] if best is not None else NEAR_NAMES
        if matcher.quick_ratio() < floor or not _units_agree(items[other], record):
            continue
        similar = matcher.ratio()
        if similar >= floor:
            best = (other, similar)
    return best
