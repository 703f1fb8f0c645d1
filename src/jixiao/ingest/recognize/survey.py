"""Questionnaires (问卷调查): questions, options with points and counts, footer totals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.headers import Vocabulary, flat, key
from jixiao.ingest.recognize.rows import (
    ColumnMap,
    Row,
    header_like,
    map_columns,
    parse_decimal,
    source,
)
from jixiao.model import Form, Questionnaire, SourceRef, SurveyOption, SurveyQuestion

QUESTIONNAIRE = "questionnaire"
_COUNT_FIELDS = ("issued", "returned", "valid")


def survey_counts(text: str, vocab: Vocabulary) -> dict[str, int]:
    """``发放问卷:50份 收回问卷：50份 有效问卷：49份`` → issued/returned/valid."""
    found: dict[str, int] = {}
    for word, fld in sorted(vocab.survey_footer.exact.items(), key=lambda kv: -len(kv[0])):
        if fld not in _COUNT_FIELDS or fld in found:
            continue
        match = re.search(re.escape(word) + r"[^\d]{0,4}(\d+)", key(text))
        if match:
            found[fld] = int(match.group(1))
    return found


@dataclass
class SurveyDraft(Draft):
    questions: list[SurveyQuestion] = field(default_factory=list)

    def build(self) -> Form | None:
        if not self.questions:
            return None
        values = dict(self.values)
        values.setdefault("name", "问卷调查")
        return Questionnaire(questions=self.questions, sources=self.sources, **values)


@dataclass
class SurveyTable:
    columns: ColumnMap
    width: int
    vocab: Vocabulary
    options: list[SurveyOption] = field(default_factory=list)

    @classmethod
    def detect(cls, row: Row, vocab: Vocabulary) -> SurveyTable | None:
        if not header_like(row):
            return None
        columns, _ = map_columns(row, vocab.survey)
        if {"option", "count"} <= columns.keys() and ("points" in columns or "question" in columns):
            return cls(columns, len(row.slots), vocab)
        return None

    def read(self, row: Row, draft: SurveyDraft) -> bool:
        first = row.cells[0]
        footer = self.vocab.survey_footer.match(first.text)
        if footer is not None and footer.field not in ("points",):
            return self._footer(row, footer.field, draft)
        number = row.at(self.columns.get("number"))
        question = row.at(self.columns.get("question"))
        option = row.at(self.columns.get("option"))
        if option is None:
            return False
        if number is not None or question is not None:
            refs: dict[str, SourceRef] = {}
            for name, cell in (("number", number), ("text", question)):
                if cell is not None:
                    refs[name] = source(row.grid, cell)
            draft.questions.append(
                SurveyQuestion(
                    number=flat(number.text) if number else str(len(draft.questions) + 1),
                    text=question.text.strip() if question else "",
                    options=[],
                    sources=refs,
                )
            )
        if not draft.questions:
            return False
        points_cell = row.at(self.columns.get("points"))
        points = parse_decimal(points_cell.text) if points_cell else None
        if points is None:
            return False
        count_cell = row.at(self.columns.get("count"))
        count = parse_decimal(count_cell.text) if count_cell else None
        refs = {"label": source(row.grid, option)}
        if points_cell is not None:
            refs["points"] = source(row.grid, points_cell)
        if count_cell is not None:
            refs["count"] = source(row.grid, count_cell)
        whole = count is not None and count >= 0 and count == count.to_integral_value()
        draft.questions[-1].options.append(
            SurveyOption(
                label=option.text.strip(),
                points=points,
                count=int(count) if count is not None and whole else None,
                sources=refs,
            )
        )
        return True

    def _footer(self, row: Row, fld: str, draft: SurveyDraft) -> bool:
        aligned = row.aligned(self.width, total_label=True)
        numbers: list[tuple[Decimal, SourceRef]] = []
        for cell in aligned.cells[1:]:
            value = parse_decimal(cell.text)
            if value is not None:
                numbers.append((value, source(row.grid, cell)))
        if not numbers:
            return True
        if fld == "max_points":
            points = aligned.at(self.columns.get("points"))
            count = aligned.at(self.columns.get("count"))
            if points is not None:
                draft.put("max_points", parse_decimal(points.text), source(row.grid, points))
            if count is not None:
                total = parse_decimal(count.text)
                draft.put("claimed_total_points", total, source(row.grid, count))
            return True
        value, ref = numbers[-1]
        if fld in _COUNT_FIELDS:
            if value == value.to_integral_value() and value >= 0:
                draft.put(fld, int(value), ref)
        else:
            draft.put(fld, value, ref)
        return True
