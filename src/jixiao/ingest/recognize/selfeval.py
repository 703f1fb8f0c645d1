"""Project and department self-evaluation forms (项目支出/部门整体支出绩效自评表).

A form is a sequence of parts, each found by its header words: the title, label rows
(项目名称 …), the funding block (年初预算数/全年预算数/全年执行数 → 执行率 and its points),
the annual goal (预期目标/实际完成情况), the indicator table and its total row. A part that
comes again, or out of order, begins the next form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.grid import Cell
from jixiao.ingest.recognize.certainty import Reading, assess
from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.headers import Vocabulary, flat, key
from jixiao.ingest.recognize.indicators import Totals, weights_from_labels
from jixiao.ingest.recognize.rows import (
    ColumnMap,
    Row,
    header_like,
    is_blank,
    map_columns,
    parse_decimal,
    source,
    stated_points,
)
from jixiao.ingest.recognize.scoring_table import SCORED, ScoredDraft
from jixiao.model import (
    DepartmentSelfEvaluation,
    Form,
    FundingLine,
    Indicator,
    IndicatorGroup,
    ProjectSelfEvaluation,
    SourceRef,
    Uncertainty,
)

PROJECT = "project_self_evaluation"
DEPARTMENT = "department_self_evaluation"
SELF_KINDS = (PROJECT, DEPARTMENT)

# Parts of a form in their printed order.
STAGE_TITLE, STAGE_LABELS, STAGE_FUNDING, STAGE_GOAL, STAGE_INDICATORS, STAGE_TOTAL = range(6)

ASSUMED_EXECUTION = Decimal(10)  # the national worth of the execution row when none is printed
AMOUNT_FIELDS = ("initial_budget", "adjusted_budget", "executed")
EXECUTION_FIELDS = ("execution_weight", "execution_rate", "execution_score")
_LABEL_VALUE_RE = re.compile(r"^(?P<label>[^:：]{2,12})[:：]\s*(?P<value>\S.*)$", re.S)
_FUNDING_WORDS = ("资金", "拨款", "结转", "预算", "收入", "合计", "总额")


def kind_of_label(label: str) -> str:
    return PROJECT if "项目" in key(label) else DEPARTMENT


@dataclass
class LabelValue:
    field: str
    label: Cell
    value: Cell | None
    text: str


def label_pairs(row: Row, vocab: Vocabulary) -> list[LabelValue]:
    """Label cells with the value printed right after them (or after a colon in the cell)."""
    pairs: list[LabelValue] = []
    slots = row.slots
    for i, cell in enumerate(slots):
        if cell is None or not cell.text.strip():
            continue
        found = vocab.labels.exact_field(cell.text)
        if found is not None:
            after = next((s for s in slots[i + 1 :] if s is not None), None)
            adjacent = after is not None and after.col == cell.col + cell.colspan
            value = after if adjacent and after is not None and after.text.strip() else None
            if value is not None and vocab.labels.exact_field(value.text):
                value = None
            pairs.append(LabelValue(found, cell, value, flat(value.text) if value else ""))
            continue
        match = _LABEL_VALUE_RE.match(cell.text.strip())
        if match:
            inline = vocab.labels.exact_field(match.group("label"))
            if inline is not None:
                pairs.append(LabelValue(inline, cell, cell, flat(match.group("value"))))
    return pairs


@dataclass
class FundingTable:
    """The funding header (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分)."""

    columns: ColumnMap
    vocab: Vocabulary
    department_hint: bool
    stated_weight: tuple[Decimal, SourceRef] | None = None  # 得分(20分*执行率)

    @classmethod
    def detect(cls, row: Row, vocab: Vocabulary) -> FundingTable | None:
        if not header_like(row):
            return None
        columns, _ = map_columns(row, vocab.funding)
        amounts = sum(f in columns for f in AMOUNT_FIELDS)
        if amounts < 2 or (amounts == 2 and not columns.keys() & set(EXECUTION_FIELDS)):
            return None
        first = row.cells[0].text
        return cls(columns, vocab, any(w in first for w in ("部门", "单位")), _stated(row))

    @property
    def first_amount(self) -> int:
        return min(self.columns[f] for f in AMOUNT_FIELDS if f in self.columns)

    def read(self, row: Row, draft: SelfEvalDraft) -> bool:
        stated = _stated(row)
        if stated is not None:
            self.stated_weight = self.stated_weight or stated
        label = next((c for c in row.slots[: self.first_amount - 1] if c and c.text.strip()), None)
        label_text = flat(label.text).rstrip(":：") if label else ""
        amounts: dict[str, Decimal | None] = {}
        sources: dict[str, SourceRef] = {}
        for fld in AMOUNT_FIELDS:
            cell = row.at(self.columns.get(fld))
            if cell is not None:
                amounts[fld] = parse_decimal(cell.text)
                sources[fld] = source(row.grid, cell)
        known = any(word in label_text for word in _FUNDING_WORDS)
        if not any(v is not None for v in amounts.values()) and not (known and len(row.slots) > 3):
            return False
        if label is not None:
            sources["source"] = source(row.grid, label)
        k = key(label_text)
        draft.funding.append(
            FundingLine(
                source=label_text,
                is_total=k in self.vocab.funding_total_labels
                or any(k.startswith(w) for w in self.vocab.funding_total_labels if len(w) > 2),
                sources=sources,
                **amounts,
            )
        )
        self._execution(row, draft)
        return True

    def _execution(self, row: Row, draft: SelfEvalDraft) -> None:
        if "execution_rate" not in self.columns:
            draft.unprinted.add("claimed_execution_rate")
        cells = {f: row.at(self.columns.get(f)) for f in EXECUTION_FIELDS}
        if all(c is None or is_blank(c.text) for c in cells.values()):
            return
        if self.stated_weight is not None and (
            cells["execution_weight"] is None or is_blank(cells["execution_weight"].text)
        ):
            weight, ref = self.stated_weight
            draft.put("execution_weight", weight, ref)
        for fld, cell in cells.items():
            if cell is None or is_blank(cell.text):
                continue
            ref = source(row.grid, cell)
            if fld == "execution_rate":
                draft.put("claimed_execution_rate", cell.text.strip(), ref)
            elif fld == "execution_weight":
                draft.put("execution_weight", parse_decimal(cell.text), ref)
                draft.sources.setdefault("execution_weight", ref)
            else:
                draft.put("claimed_execution_score", parse_decimal(cell.text), ref)
                draft.sources.setdefault("claimed_execution_score", ref)


def _stated(row: Row) -> tuple[Decimal, SourceRef] | None:
    """The execution row's worth stated in a label of this row (``预算执行情况（20分）``,
    ``得分(20分*执行率)``): a bracketed points figure in a cell about execution."""
    for cell in row.cells:
        points = stated_points(cell.text)
        if points is not None and ("执行" in cell.text or "得分" in cell.text):
            return points, source(row.grid, cell)
    return None


@dataclass
class GoalTable:
    """年度总体目标 | 预期目标 | 实际完成情况, with the goal texts in the rows below."""

    columns: ColumnMap

    @classmethod
    def detect(cls, row: Row, vocab: Vocabulary) -> GoalTable | None:
        if not header_like(row) or len(row.cells) > 4:
            return None
        columns, _ = map_columns(row, vocab.goal)
        if "expected" in columns and ("actual" in columns or "label" in columns):
            return cls(columns)
        return None

    def read(self, row: Row, draft: SelfEvalDraft) -> bool:
        expected = row.at(self.columns.get("expected"))
        actual = row.at(self.columns.get("actual"))
        if expected is None and actual is None and len(row.cells) == 1:
            # A wrapped goal text the exporter split off its row.
            cell = row.cells[0]
            name = "goal_actual" if "goal_expected" in draft.values else "goal_expected"
            draft.put(name, cell.text.strip(), source(row.grid, cell))
            return True
        for name, found in (("goal_expected", expected), ("goal_actual", actual)):
            if found is not None:
                draft.put(name, found.text.strip(), source(row.grid, found))
        return expected is not None or actual is not None


@dataclass
class SelfEvalDraft(Draft):
    header: dict[str, int] | None = None
    stage: int = STAGE_TITLE
    funding: list[FundingLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    groups: list[IndicatorGroup] = field(default_factory=list)
    title: str | None = None
    reading: Reading | None = None
    unprinted: set[str] = field(default_factory=set)

    def totals(self, totals: Totals) -> None:
        self.put("total_weight", totals.weight, totals.sources.get("weight"))
        self.put("claimed_total", totals.score, totals.sources.get("score"))
        self.stage = STAGE_TOTAL

    def scored_by_framework(self, vocab: Vocabulary) -> ScoredDraft | None:
        """The same table as a scoring table when its framework is one: no funding block and
        level-1 dimensions such as 决策/过程/管理 (the form type follows the framework)."""
        if self.funding or not self.indicators or "goal_expected" in self.values:
            return None
        levels = {key(i.level1) for i in self.indicators if i.level1}
        if not any(word in level for level in levels for word in vocab.scoring_dimensions):
            return None
        scored = ScoredDraft(SCORED, dict(self.values), dict(self.sources), set(self.tables))
        scored.indicators, scored.groups, scored.reading = (
            self.indicators, self.groups, self.reading
        )
        if self.title and "name" not in scored.values:
            scored.values["name"] = self.title
        return scored

    @property
    def empty(self) -> bool:
        """No part of the form was read (a title alone)."""
        return not (self.indicators or self.funding or "goal_expected" in self.values)

    def build(self) -> Form | None:
        if self.empty:
            return None
        values = dict(self.values)
        values.setdefault("name", self.title or "（未填写名称）")
        model = ProjectSelfEvaluation if self.kind == PROJECT else DepartmentSelfEvaluation
        execution = values.get("execution_weight")
        indicators = weights_from_labels(self.indicators, self.groups, self.header)
        uncertain = assess(
            indicators,
            self.groups,
            self.reading,
            total_printed="claimed_total" in values,
            execution_weight=execution if isinstance(execution, Decimal) else (
                ASSUMED_EXECUTION if self.funding else None
            ),
        )
        if execution is None and self.indicators and self.funding:
            uncertain.append(Uncertainty(
                aspect="execution_weight",
                reason="表中未印执行率分值，按规则包的分值计算",
            ))
        unprinted = self.unprinted | (self.reading.unprinted if self.reading else set())
        return model(
            uncertain=uncertain,
            unprinted=sorted(unprinted),
            indicators=indicators,
            groups=self.groups,
            funding=self.funding,
            sources=self.sources,
            **values,
        )
