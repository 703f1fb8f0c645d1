"""Walks a document's paragraphs and table rows in order and assembles the forms.

Each row is offered, in turn, to: title detection, label rows (项目名称 …), the header
detectors of every table kind, and finally the table part that is currently open. Which
kind a table is follows from its header words and shape, never from one document's exact
strings; rows that nothing claims are left alone, and tables that gave nothing are
reported as unrecognized.
"""

from __future__ import annotations

from jixiao.ingest.grid import Grid, RawDocument, TextBlock
from jixiao.ingest.recognize.basic_data import BASIC_DATA, BasicDraft
from jixiao.ingest.recognize.cycle import split_cycle, with_cycle_forms
from jixiao.ingest.recognize.engine_forms import IngestResult, TableReport
from jixiao.ingest.recognize.engine_parts import TableParts
from jixiao.ingest.recognize.headers import Vocabulary, flat, key, vocabulary
from jixiao.ingest.recognize.rows import Row, find_year, parse_decimal, source
from jixiao.ingest.recognize.scoring_table import ScoredDraft
from jixiao.ingest.recognize.selfeval import (
    PROJECT,
    SELF_KINDS,
    STAGE_LABELS,
    SelfEvalDraft,
    kind_of_label,
    label_pairs,
)
from jixiao.ingest.recognize.survey import survey_counts
from jixiao.model import Paragraph, SourceRef

__all__ = ["IngestResult", "TableReport", "recognize"]

CAPTION_MAX = 45  # longer paragraphs are prose, not titles or captions


class Engine(TableParts):
    """Walks the blocks in order: paragraphs, titles, label rows, then the table parts."""

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
            elif pair.field in ("department", "unit", "code"):
                self.selfeval(STAGE_LABELS, PROJECT).put(pair.field, pair.text, ref)
            else:
                value = parse_decimal(pair.text) if pair.field == "claimed_total" else pair.text
                if isinstance(self.current, SelfEvalDraft | ScoredDraft):
                    self.current.put(pair.field, value, ref)
                else:
                    self.pending.append((pair.field, value, ref))
        self.part = None
        return True


def recognize(raw: RawDocument, vocab: Vocabulary | None = None) -> IngestResult:
    """Recognize the forms in a read document (the budget-cycle tables first)."""
    rest, cycle = split_cycle(raw)
    result = Engine(rest, vocab or vocabulary()).run()
    return with_cycle_forms(result, cycle, raw) if cycle else result
