"""The scoring engine: applies a rule pack to a document."""

from jixiao.scoring.engine import score_document, score_form
from jixiao.scoring.results import (
    DocumentResult,
    ExecutionResult,
    FormResult,
    IndicatorResult,
    SubtotalResult,
    SurveyResult,
)

__all__ = [
    "DocumentResult",
    "ExecutionResult",
    "FormResult",
    "IndicatorResult",
    "SubtotalResult",
    "SurveyResult",
    "score_document",
    "score_form",
]
