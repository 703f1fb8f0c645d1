"""The forms being recognized in a document: the drafts, the open form and part, and
the result (forms and a report of every table)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from jixiao.ingest.grid import RawDocument
from jixiao.ingest.recognize.accounts_table import (
    AccountsDraft,
    AccountsTable,
    ItemsTable,
    UnitRegistry,
)
from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.headers import Vocabulary, flat
from jixiao.ingest.recognize.indicators import IndicatorTable
from jixiao.ingest.recognize.rows import find_year
from jixiao.ingest.recognize.scoring_table import ScoredDraft
from jixiao.ingest.recognize.selfeval import (
    FundingTable,
    GoalTable,
    SelfEvalDraft,
)
from jixiao.ingest.recognize.survey import SurveyTable
from jixiao.model import Document, Paragraph, SourceRef

DraftT = TypeVar("DraftT", bound=Draft)
Part = IndicatorTable | FundingTable | GoalTable | SurveyTable | AccountsTable | ItemsTable | None


@dataclass
class TableReport:
    """What one table gave: for ``inspect`` and for never dropping a table silently."""

    table: int
    sheet: str | None
    rows: int
    cols: int
    kinds: list[str]
    forms: list[str]
    first_rows: list[list[str]]

    @property
    def recognized(self) -> bool:
        return bool(self.kinds)


@dataclass
class IngestResult:
    document: Document
    tables: list[TableReport] = field(default_factory=list)

    @property
    def unrecognized(self) -> list[TableReport]:
        return [t for t in self.tables if not t.recognized]


class FormState:
    """Draft management: which form and table part are open, and what they became."""

    def __init__(self, raw: RawDocument, vocab: Vocabulary) -> None:
        self.raw = raw
        self.vocab = vocab
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.part: Part = None
        self.caption: tuple[str, SourceRef] | None = None
        self.survey_meta: dict[str, tuple[int, SourceRef]] = {}
        self.paragraphs: list[Paragraph] = []
        self.heading: str | None = None
        self.units = UnitRegistry()
        self.department: AccountsDraft | None = None  # the form of the tables of items
        # Form-level labels (自评总分 …) printed before any part that opens a form: they
        # belong to the form that the next part opens.
        self.pending: list[tuple[str, object, SourceRef | None]] = []

    # -- driving ---------------------------------------------------------------------------
    def name_from_caption(self, draft: Draft) -> None:
        if self.caption is not None:
            text, ref = self.caption
            draft.put("name", text, ref)
            draft.put("year", find_year(text), ref)
            self.caption = None

    def start(self, draft: DraftT) -> DraftT:
        self.drafts.append(draft)
        self.current = draft
        self.part = None
        if isinstance(draft, SelfEvalDraft | ScoredDraft):
            for name, value, ref in self.pending:
                draft.put(name, value, ref)
            self.pending = []
        return draft

    def selfeval(self, stage: int, kind: str) -> SelfEvalDraft:
        """The open self-evaluation form if this part may still come, else a new one."""
        current = self.current
        if isinstance(current, SelfEvalDraft) and current.stage <= stage:
            current.stage = stage
            return current
        draft = SelfEvalDraft(kind, stage=stage)
        self.start(draft)
        return draft

    def result(self) -> IngestResult:
        forms = []
        names: dict[int, list[str]] = {}
        kinds: dict[int, list[str]] = {}
        for draft in titled_late(self.drafts):
            if isinstance(draft, SelfEvalDraft):
                draft = draft.scored_by_framework(self.vocab) or draft
            form = draft.build()
            if form is None:
                continue
            forms.append(form)
            for table in sorted(draft.tables):
                names.setdefault(table, []).append(form.name)
                if form.type not in kinds.setdefault(table, []):
                    kinds[table].append(form.type)
        years = Counter(f.year for f in forms if f.year is not None)
        first = self.paragraphs[0].text if self.paragraphs else None
        document = Document(
            title=first if first and len(first) <= 60 else None,
            year=years.most_common(1)[0][0] if years else None,
            source_file=self.raw.file,
            forms=forms,
            paragraphs=self.paragraphs,
        )
        tables = [
            TableReport(
                table=grid.index,
                sheet=grid.sheet,
                rows=grid.height,
                cols=grid.width,
                kinds=kinds.get(grid.index, []),
                forms=names.get(grid.index, []),
                first_rows=[
                    [flat(t)[:40] for t in grid.row_texts(r)]
                    for r in range(1, grid.height + 1)
                    if grid.rows[r - 1]
                ][:3],
            )
            for grid in self.raw.grids
        ]
        return IngestResult(document, tables)


def titled_late(drafts: list[Draft]) -> list[Draft]:
    """Drafts with a title that came after its tables (a workbook's title on a sheet after
    the data) given to the untitled form before it: such a title opens a form that gets no
    part of its own, and its kind outweighs the kind guessed from the parts."""
    kept: list[Draft] = []
    for draft in drafts:
        before = next((d for d in reversed(kept) if isinstance(d, SelfEvalDraft)), None)
        if (
            isinstance(draft, SelfEvalDraft)
            and draft.title is not None
            and draft.empty
            and before is not None
            and before.title is None
            and before.name is None
            and not before.empty
        ):
            before.kind, before.title = draft.kind, draft.title
            for name, value in draft.values.items():
                before.put(name, value, draft.sources.get(name))
            continue
        kept.append(draft)
    return kept
