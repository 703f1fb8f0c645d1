"""Scoring tables and indicator systems (评分表 / 评价指标体系) of evaluation reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.ingest.recognize.certainty import Reading, assess
from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.indicators import Totals, weights_from_labels
from jixiao.model import Form, Indicator, IndicatorGroup, ScoredEvaluation

SCORED = "scored_evaluation"


@dataclass
class ScoredDraft(Draft):
    header: dict[str, int] | None = None
    indicators: list[Indicator] = field(default_factory=list)
    groups: list[IndicatorGroup] = field(default_factory=list)
    reading: Reading | None = None

    def totals(self, totals: Totals) -> None:
        self.put("total_weight", totals.weight, totals.sources.get("weight"))
        self.put("claimed_total", totals.score, totals.sources.get("score"))

    def build(self) -> Form | None:
        if not self.indicators:
            return None
        values = dict(self.values)
        values.setdefault("name", "评分表")
        indicators = weights_from_labels(self.indicators, self.groups, self.header)
        uncertain = assess(
            indicators, self.groups, self.reading, total_printed="claimed_total" in values
        )
        return ScoredEvaluation(
            uncertain=uncertain,
            indicators=indicators,
            groups=self.groups,
            sources=self.sources,
            **values,
        )
