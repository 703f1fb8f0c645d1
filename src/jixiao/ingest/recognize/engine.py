"""Walks a document's paragraphs and table rows in order and assembles the forms.

Each row is offered, in turn, to: title detection, label rows (项目名称 …), the header
detectors of every table kind, and finally the table part that is currently open. Which
kind a table is follows from its header words and shape, never from one document's exact
strings; rows that nothing claims are left alone, and tables that gave nothing are
reported as unrecognized.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from jixiao.ingest.grid import Grid, RawDocument, TextBlock
from jixiao.ingest.recognize.accounts_table import (
    FINAL_ACCOUNTS,
    AccountsDraft,
    AccountsTable,
    ItemsTable,
    UnitRegistry,
)
from jixiao.ingest.recognize.basic_data import BASIC_DATA, BasicDraft, read_row, staff_header
from jixiao.ingest.recognize.cycle import split_cycle, with_cycle_forms
from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.headers import Vocabulary, flat, key, vocabulary
from jixiao.ingest.recognize.indicators import IndicatorTable
from jixiao.ingest.recognize.rows import Row, find_year, parse_decimal, source
from jixiao.ingest.recognize.scoring_table import SCORED, ScoredDraft
from jixiao.ingest.recognize.selfeval import (
    DEPARTMENT,
    PROJECT,
    SELF_KINDS,
    STAGE_FUNDING,
    STAGE_GOAL,
    STAGE_INDICATORS,
    STAGE_LABELS,
    FundingTable,
    GoalTable,
    SelfEvalDraft,
    kind_of_label,
    label_pairs,
)
from jixiao.ingest.recognize.survey import QUESTIONNAIRE, SurveyDraft, SurveyTable, survey_counts
from jixiao.model import Document, Paragraph, SourceRef

CAPTION_MAX = 45  # longer paragraphs are prose, not titles or captions

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


class Engine:
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
    def run(self) -> IngestResult:
        for block in self.raw.blocks:
            if isinstance(block, TextBlock):
                self.on_paragraph(block)
            else:
                self.on_grid(block)
        return self.result()

    def on_paragraph(self, block: TextBlock) -> None:
        ref = SourceRef(paragraph=block.index, page=block.page)
        if block.heading_level is not None:
            self.heading = flat(block.text)
        self.paragraphs.append(Paragraph(text=block.text, heading=self.heading, source=ref))
        self.part = None  # text between tables ends the table part
        counts = survey_counts(block.text, self.vocab)
        for fld, value in counts.items():
            self.survey_meta[fld] = (value, ref)
        if counts:
            return
        if len(key(block.text)) > CAPTION_MAX:
            self.caption = None
            return
        self.title(block.text, ref)

    def on_grid(self, grid: Grid) -> None:
        for r in range(1, grid.height + 1):
            row = Row.of(grid, r)
            if row.cells:
                self.on_row(row)
        self.caption = None
        self.survey_meta = {}

    def title(self, text: str, ref: SourceRef) -> bool:
        """A title starts a self-evaluation or basic-data form; other titles name the next
        table. Returns whether ``text`` was a title (or the year line under one)."""
        kind = self.vocab.title_kind(text)
        year = find_year(text)
        if kind in SELF_KINDS:
            self.start(SelfEvalDraft(kind or PROJECT, title=flat(text))).put("year", year, ref)
        elif kind == BASIC_DATA:
            self.start(BasicDraft(BASIC_DATA)).put("year", year, ref)
        elif (
            kind is None
            and year
            and isinstance(self.current, SelfEvalDraft)
            and len(key(text)) <= 12
        ):
            self.current.put("year", year, ref)  # the "（2024年度）" line under a title
            return True
        self.caption = (flat(text), ref)
        return kind is not None

    # -- rows ------------------------------------------------------------------------------
    def on_row(self, row: Row) -> None:
        cells = row.cells
        single = len({flat(c.text) for c in cells}) == 1 and len(key(cells[0].text)) <= CAPTION_MAX
        if single and self.title(cells[0].text, source(row.grid, cells[0])):
            self.part = None
        elif not (self.header(row) or self.labels(row) or self.feed(row)):
            return
        self.use(row)

    def use(self, row: Row) -> None:
        if self.current is not None:
            self.current.tables.add(row.grid.index)

    def labels(self, row: Row) -> bool:
        pairs = label_pairs(row, self.vocab)
        if not pairs:
            return False
        for pair in pairs:
            ref = source(row.grid, pair.value) if pair.value else None
            if pair.field == "name":
                draft = self.selfeval(STAGE_LABELS, kind_of_label(pair.label.text))
                if "name" in draft.values:
                    draft = self.start(SelfEvalDraft(draft.kind))
                draft.put("name", pair.text, ref)
            elif pair.field in ("department", "unit"):
                self.selfeval(STAGE_LABELS, PROJECT).put(pair.field, pair.text, ref)
            else:
                value = parse_decimal(pair.text) if pair.field == "claimed_total" else pair.text
                if isinstance(self.current, SelfEvalDraft | ScoredDraft):
                    self.current.put(pair.field, value, ref)
                else:
                    self.pending.append((pair.field, value, ref))
        self.part = None
        return True

    def header(self, row: Row) -> bool:
        if not row.words_only:
            return False
        survey = SurveyTable.detect(row, self.vocab)
        if survey is not None:
            draft = self.start(SurveyDraft(QUESTIONNAIRE))
            self.name_from_caption(draft)
            for fld, (value, ref) in self.survey_meta.items():
                draft.put(fld, value, ref)
            self.part = survey
            return True
        indicators = IndicatorTable.detect(row, self.vocab)
        if indicators is not None:
            self.indicator_table(indicators)
            return True
        funding = FundingTable.detect(row, self.vocab)
        if funding is not None:
            self.selfeval(STAGE_FUNDING, DEPARTMENT if funding.department_hint else PROJECT)
            self.part = funding
            return True
        goal = GoalTable.detect(row, self.vocab)
        if goal is not None:
            self.selfeval(STAGE_GOAL, PROJECT)
            self.part = goal
            return True
        if self.accounts_header(row):
            return True
        staff = staff_header(row, self.vocab)
        if staff is not None:
            basic = self.current
            if not isinstance(basic, BasicDraft):
                basic = self.start(BasicDraft(BASIC_DATA))
            basic.staff = staff
            for cell in row.cells:
                basic.put("year", find_year(cell.text), None)
            self.part = None
            return True
        return False

    def accounts_header(self, row: Row) -> bool:
        """The header rows of a final-accounts table (by unit, or of items and amounts)."""
        part = self.part
        if isinstance(part, AccountsTable) and part.add_header(row):
            return True
        caption = self.caption[0] if self.caption else None
        if AccountsTable.detect(row, self.vocab):
            self.part = AccountsTable(self.vocab, self.units, caption, headers=[row])
            return True
        pairs = ItemsTable.detect(row, self.vocab)
        if not pairs:
            return False
        if self.department is None:
            self.department = AccountsDraft(FINAL_ACCOUNTS)
            if caption is not None:
                self.department.put("year", find_year(caption), None)
            self.drafts.append(self.department)
        self.part = ItemsTable(self.vocab, pairs, self.department)
        return True

    def indicator_table(self, table: IndicatorTable) -> None:
        current = self.current
        if (
            isinstance(current, SelfEvalDraft | ScoredDraft)
            and current.header == table.columns
            and isinstance(self.part, IndicatorTable)
        ):
            return  # the header repeated on a new page: same table goes on
        caption_kind = self.vocab.title_kind(self.caption[0]) if self.caption else None
        open_form = (
            isinstance(current, SelfEvalDraft)
            and current.stage < STAGE_INDICATORS
            and caption_kind != SCORED
        )
        if open_form and isinstance(current, SelfEvalDraft):
            draft: SelfEvalDraft | ScoredDraft = current
            current.stage = STAGE_INDICATORS
        elif table.looks_scored or caption_kind == SCORED:
            draft = self.start(ScoredDraft(SCORED))
            self.name_from_caption(draft)
        else:
            kind = caption_kind if caption_kind in SELF_KINDS else None
            if kind is None and isinstance(current, SelfEvalDraft):
                kind = current.kind
            draft = self.start(SelfEvalDraft(kind or PROJECT, stage=STAGE_INDICATORS))
            self.name_from_caption(draft)
        draft.groups = table.groups
        draft.header = table.columns
        draft.reading = table.reading
        self.part = table

    def name_from_caption(self, draft: Draft) -> None:
        if self.caption is not None:
            text, ref = self.caption
            draft.put("name", text, ref)
            draft.put("year", find_year(text), ref)
            self.caption = None

    def feed(self, row: Row) -> bool:
        part, draft = self.part, self.current
        if isinstance(part, IndicatorTable) and isinstance(draft, SelfEvalDraft | ScoredDraft):
            totals = part.totals(row)
            if totals is not None:
                part.reading.closed = True
                draft.totals(totals)
                self.part = None
                return True
            indicator = part.read(row)
            if indicator is not None:
                draft.indicators.append(indicator)
            return indicator is not None
        if isinstance(part, FundingTable) and isinstance(draft, SelfEvalDraft):
            return part.read(row, draft)
        if isinstance(part, GoalTable) and isinstance(draft, SelfEvalDraft):
            return part.read(row, draft)
        if isinstance(part, SurveyTable) and isinstance(draft, SurveyDraft):
            return part.read(row, draft)
        if isinstance(part, AccountsTable | ItemsTable):
            found = (
                part.read(row, self.drafts) if isinstance(part, AccountsTable) else part.read(row)
            )
            if not found and (not isinstance(part, AccountsTable) or part.columns is not None):
                self.part = None
            return found
        if isinstance(draft, BasicDraft):
            return read_row(row, draft)
        return False

    # -- forms -----------------------------------------------------------------------------
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


def recognize(raw: RawDocument, vocab: Vocabulary | None = None) -> IngestResult:
    """Recognize the forms in a read document (the budget-cycle tables first)."""
    rest, cycle = split_cycle(raw)
    result = Engine(rest, vocab or vocabulary()).run()
    return with_cycle_forms(result, cycle, raw) if cycle else result
