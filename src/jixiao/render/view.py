"""What a form shows: the document's text beside the engine's numbers.

Both the xlsx forms and the docx report read their values here, so a cell and the sentence
about it cannot disagree. By default the numbers are the computed ones; ``claimed=True``
gives the values as the document states them (for reproducing a form as it was filed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model.document import Document
from jixiao.model.evaluation import EvaluationBase, FundingLine, Indicator, SelfEvaluationBase
from jixiao.render.numbers import HUNDRED, weight
from jixiao.scoring.results import (
    DocumentResult,
    ExecutionResult,
    FormResult,
    IndicatorResult,
    SubtotalResult,
)

Value = Decimal | str | None
TEMPLATE_NAME_NOISE = re.compile(r"[\s…．.、\-—_“”\"'：:（）()]+")
TEMPLATE_NAME = re.compile(r"(三级)?指标\d*|\d+")


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    result: IndicatorResult
    claimed: bool
    level1_weight: Decimal | None

    @property
    def score(self) -> Decimal | None:
        """The score the form prints: the one that counts in the computed total."""
        if self.claimed:
            return self.indicator.claimed_score
        if self.result.computed_score is not None:
            return self.result.computed_score
        if self.result.status == "not_applicable":
            return None
        return self.result.claimed_score

    @property
    def completion(self) -> Decimal | str | None:
        """Completion as a fraction (for a % cell), or the printed text when not computed."""
        if not self.claimed and self.result.computed_completion is not None:
            return self.result.computed_completion / HUNDRED
        return self.indicator.completion

    @property
    def completion_percent(self) -> Decimal | None:
        return None if self.claimed else self.result.computed_completion

    @property
    def differs(self) -> bool:
        return self.result.agrees is False

    @property
    def is_template(self) -> bool:
        """A row left as in the blank form ("……", "指标1", nothing filed): not an indicator."""
        indicator = self.indicator
        name = TEMPLATE_NAME_NOISE.sub("", indicator.name or "")
        if name == "" or TEMPLATE_NAME.fullmatch(name):
            return indicator.claimed_score is None or indicator.weight is None
        return (
            indicator.weight is None
            and indicator.claimed_score is None
            and not (indicator.target or "").strip()
            and not (indicator.actual or "").strip()
        )

    def value(self, field: str) -> Value:
        if field == "score":
            return self.score
        if field == "completion":
            return self.completion
        if field == "rule_title":
            return self.result.rule_title
        if field == "level1_weighted":
            if self.level1_weight is None:
                return self.indicator.level1
            return f"{self.indicator.level1}\n（{weight(self.level1_weight)}分）"
        value: object = getattr(self.indicator, field)
        if value is None or isinstance(value, Decimal | str):
            return value
        raise TypeError(field)


@dataclass(frozen=True)
class FundingView:
    line: FundingLine
    execution: ExecutionResult | None  # only on the line the execution points belong to
    claimed: bool
    rate_text: str | None

    def value(self, field: str) -> Value:
        execution = self.execution
        if field == "source":
            return self.line.source
        if field in ("initial_budget", "adjusted_budget", "executed"):
            amount: Decimal | None = getattr(self.line, field)
            return amount
        if execution is None:
            return "—"
        if field == "execution_weight":
            return execution.weight
        if field == "execution_rate":
            if self.claimed:
                return self.rate_text
            return None if execution.computed_rate is None else execution.computed_rate / HUNDRED
        if field == "execution_score":
            return execution.claimed_score if self.claimed else execution.computed_score
        raise KeyError(field)


@dataclass(frozen=True)
class FormView:
    """One evaluation form with its result, ready to render."""

    form: EvaluationBase
    result: FormResult
    year: int | None
    claimed: bool = False

    @property
    def self_evaluation(self) -> SelfEvaluationBase | None:
        return self.form if isinstance(self.form, SelfEvaluationBase) else None

    def indicators(self) -> list[IndicatorView]:
        weights = self.level1_weights()
        return [
            IndicatorView(ind, res, self.claimed, weights.get(ind.level1))
            for ind, res in zip(self.form.indicators, self.result.indicators, strict=True)
        ]

    def level1_weights(self) -> dict[str, Decimal]:
        """Level-1 weights: the printed group weight, else the sum of the indicators."""
        stated = {
            g.name: g.weight for g in self.form.groups if g.level == 1 and g.weight is not None
        }
        return {s.level1: stated.get(s.level1, s.weight) for s in self.result.subtotals}

    def funding(self) -> list[FundingView]:
        form = self.self_evaluation
        if form is None:
            return []
        total = form.total_funding
        return [
            FundingView(
                line,
                self.result.execution if line is total else None,
                self.claimed,
                form.claimed_execution_rate,
            )
            for line in form.funding
        ]

    def indicators_proper(self) -> list[IndicatorView]:
        """The indicators a report talks about: template rows left out."""
        return [item for item in self.indicators() if not item.is_template]

    @property
    def execution_score(self) -> Decimal | None:
        execution = self.result.execution
        if execution is None:
            return None
        return execution.claimed_score if self.claimed else execution.computed_score

    def subtotal(self, sub: SubtotalResult) -> Decimal | None:
        """A level-1 group's score as this view shows it (filed or by the rules)."""
        return sub.claimed if self.claimed else sub.computed

    @property
    def total(self) -> Decimal | None:
        """The total the form shows: computed, or filed — and where the unit left it blank,
        the sum of its filed scores (what the form's SUM formula gives)."""
        if not self.claimed:
            return self.result.computed_total
        if self.result.claimed_total is not None:
            return self.result.claimed_total
        scores = [i.claimed_score for i in self.result.indicators if i.status != "not_applicable"]
        execution = self.result.execution
        if execution is not None:
            scores.append(execution.claimed_score)
        if not scores or any(s is None for s in scores):
            return None
        return sum((s for s in scores if s is not None), Decimal(0))

    @property
    def grade(self) -> str | None:
        return self.result.claimed_grade if self.claimed else self.result.computed_grade

    @property
    def total_weight(self) -> Decimal:
        return self.result.total_weight

    def differences(self) -> int:
        """How many printed figures (scores, execution, total) differ from the computed ones."""
        count = sum(1 for item in self.result.indicators if item.agrees is False)
        if self.result.execution is not None and self.result.execution.agrees is False:
            count += 1
        if self.result.total_agrees is False:
            count += 1
        return count


def form_views(
    document: Document, result: DocumentResult, *, claimed: bool = False
) -> Iterator[FormView]:
    """The evaluation forms of a document with their results, in document order."""
    by_index = {r.index: r for r in result.forms if isinstance(r, FormResult)}
    for index, form in enumerate(document.forms):
        if isinstance(form, EvaluationBase) and index in by_index:
            yield FormView(form, by_index[index], form.year or document.year, claimed)
