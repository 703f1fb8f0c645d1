"""Table parts: the header detectors of every table kind and the rows they read."""

from __future__ import annotations

from jixiao.ingest.recognize.accounts_table import (
    FINAL_ACCOUNTS,
    AccountsDraft,
    AccountsTable,
    ItemsTable,
)
from jixiao.ingest.recognize.basic_data import BASIC_DATA, BasicDraft, read_row, staff_header
from jixiao.ingest.recognize.engine_forms import FormState
from jixiao.ingest.recognize.indicators import IndicatorTable
from jixiao.ingest.recognize.rows import Row, find_year
from jixiao.ingest.recognize.scoring_table import SCORED, ScoredDraft
from jixiao.ingest.recognize.selfeval import (
    DEPARTMENT,
    PROJECT,
    SELF_KINDS,
    STAGE_FUNDING,
    STAGE_GOAL,
    STAGE_INDICATORS,
    FundingTable,
    GoalTable,
    SelfEvalDraft,
)
from jixiao.ingest.recognize.survey import QUESTIONNAIRE, SurveyDraft, SurveyTable


class TableParts(FormState):
    """Opens the table part a header row starts and feeds it the rows below."""

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
