"""Extract the figures of a final-accounts explanation (部门决算情况说明) from its paragraphs.

The reader works clause by clause. Every number with a unit (``4,329.46万元``, ``85.43%``,
``4辆``) is a token; the text just before it (its *cue*) says what it is: an item's amount
(``本年收入``), a share (``占``), a change (``比上年减少``), a growth rate (``下降``), a budget
(``年初预算数为``), a completion rate (``完成年初预算的``), a budget-vs-actual difference rate
(``预决算差异率``). Items are recognised by keywords (:mod:`jixiao.accounts.concepts`); an item
named once stays the subject of the following clauses of its paragraph, so ``与上年相比，增加
891.89万元，增长33.81%`` belongs to the item named before it. Explanations of reasons
(``主要原因是：…``) are read for the reason, not for items. Nothing here raises on odd text.

This module finds the explanation's region and consolidates the statements into
:class:`~jixiao.model.accounts.FinalAccounts`; the clause reader is
:mod:`jixiao.accounts.clauses`, its vocabulary of cues :mod:`jixiao.accounts.cues`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jixiao.accounts.clauses import Reader
from jixiao.accounts.cues import Draft, Functional
from jixiao.accounts.normalize import normalize
from jixiao.model.accounts import (
    AccountFigure,
    FinalAccounts,
    FunctionalLine,
)
from jixiao.model.document import Paragraph

_START_RE = re.compile(r"决算.{0,8}说明|收入支出决算总体情况")
_END_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分|附件|.{0,12}名词解释.{0,4}$)")
_PRELUDE_RE = re.compile(r"实有人数|实有人员")


def _title(paragraphs: list[Paragraph]) -> int | None:
    """Where the explanation's title (…决算情况说明) is, if it has one."""
    return next(
        (i for i, p in enumerate(paragraphs) if _START_RE.search(normalize(p.text).text)), None
    )


def _region(paragraphs: list[Paragraph], start: int | None) -> Iterator[tuple[int, Paragraph]]:
    """The paragraphs of the explanation: from its title to the glossary or annexes.

    Without a recognisable title the whole text is read; staffing lines (实有人数) before
    the title are read too, as units often state them in the 概况.
    """
    if start is None:
        yield from enumerate(paragraphs)
        return
    texts = [normalize(p.text).text for p in paragraphs]
    for i in range(start):
        if _PRELUDE_RE.search(texts[i]):
            yield i, paragraphs[i]
    for i in range(start, len(paragraphs)):
        if i > start and _END_RE.search(texts[i]) and not _START_RE.search(texts[i]):
            return
        yield i, paragraphs[i]


def _merge(figures: Iterable[AccountFigure]) -> AccountFigure:
    """One figure per item: the first statement, completed by later ones that agree."""
    items = list(figures)
    merged = items[0]
    amount = merged.amount.value if merged.amount is not None else None
    for other in items[1:]:
        other_amount = other.amount.value if other.amount is not None else None
        if amount is not None and other_amount is not None and other_amount != amount:
            continue
        update = {
            name: getattr(other, name)
            for name in AccountFigure.model_fields
            if getattr(merged, name) is None and getattr(other, name) is not None
        }
        if update:
            merged = merged.model_copy(update=update)
            if amount is None and merged.amount is not None:
                amount = merged.amount.value
    return merged


def _functional_lines(drafts: list[Draft]) -> list[FunctionalLine]:
    groups: dict[Functional, list[AccountFigure]] = {}
    for draft in drafts:
        if draft.functional is not None:
            groups.setdefault(draft.functional, []).append(draft.figure())
    return [
        FunctionalLine(
            level=f.level,
            category=f.category,
            section=f.section,
            item=f.item,
            figure=_merge(figures),
        )
        for f, figures in groups.items()
    ]


def _set(accounts: FinalAccounts, key: str, figure: AccountFigure) -> None:
    *path, name = key.split(".")
    node: object = accounts
    for part in path:
        node = getattr(node, part)
    setattr(node, name, figure)


def extract_accounts(paragraphs: list[Paragraph]) -> FinalAccounts:
    """Read the figures of a 决算情况说明 from paragraphs (a Document's, in order)."""
    start = _title(paragraphs)
    reader = Reader(people=start is not None)
    for index, paragraph in _region(paragraphs, start):
        number = paragraph.source.paragraph if paragraph.source is not None else None
        reader.paragraph(paragraph, number if number is not None else index + 1)
    drafts = [d for d in reader.drafts if d.values]
    statements = [d.figure() for d in drafts]
    accounts = FinalAccounts(year=reader.year, statements=statements)
    by_key: dict[str, list[AccountFigure]] = {}
    for draft, figure in zip(drafts, statements, strict=True):
        if draft.key is not None and draft.functional is None:
            by_key.setdefault(draft.key, []).append(figure)
    for key, figures in by_key.items():
        _set(accounts, key, _merge(figures))
    accounts.general_budget.lines = _functional_lines(drafts)
    return accounts
