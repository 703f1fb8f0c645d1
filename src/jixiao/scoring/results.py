"""What the engine computes, beside what the document claims (serialisable to JSON)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from jixiao.decimals import agrees


class IndicatorResult(BaseModel):
    index: int = Field(description="在表内的序号（从 0 开始）")
    code: str | None = None
    level1: str
    level2: str | None = None
    name: str
    weight: Decimal | None
    target: str | None
    actual: str | None
    rule_kind: str
    rule_title: str
    status: Literal["computed", "judgement", "not_computable", "not_applicable"]
    explanation: str
    claimed_completion: str | None = None
    computed_completion: Decimal | None = Field(default=None, description="完成率（%）")
    claimed_score: Decimal | None
    computed_score: Decimal | None
    agrees: bool | None = Field(default=None, description="原得分是否与规则一致（按原文精度）")


class ExecutionResult(BaseModel):
    weight: Decimal
    budget: Decimal | None
    executed: Decimal | None
    claimed_rate: str | None
    computed_rate: Decimal | None = Field(description="执行率（%，两位小数）")
    claimed_score: Decimal | None
    computed_score: Decimal | None
    agrees: bool | None = None
    from_sources: bool = Field(
        default=False, description="合计行为空或 0，执行率按各资金来源之和计算"
    )


class SubtotalResult(BaseModel):
    level1: str
    weight: Decimal
    claimed: Decimal | None
    computed: Decimal | None


class FormResult(BaseModel):
    index: int
    type: str
    name: str
    pack: str
    execution: ExecutionResult | None = None
    indicators: list[IndicatorResult] = Field(default_factory=list)
    subtotals: list[SubtotalResult] = Field(default_factory=list)
    total_weight: Decimal
    claimed_total: Decimal | None
    computed_total: Decimal | None
    claimed_grade: str | None
    computed_grade: str | None
    notes: list[str] = Field(default_factory=list)

    @property
    def total_agrees(self) -> bool | None:
        return agrees(self.claimed_total, self.computed_total)


class SurveyQuestionResult(BaseModel):
    number: str
    text: str
    responses: int
    points: Decimal
    max_points: Decimal


class SurveyResult(BaseModel):
    index: int
    type: Literal["questionnaire"] = "questionnaire"
    name: str
    method: str
    valid: int | None
    questions: list[SurveyQuestionResult]
    claimed_total_points: Decimal | None
    computed_total_points: Decimal
    claimed_score: Decimal | None
    computed_score: Decimal | None
    notes: list[str] = Field(default_factory=list)


class DocumentResult(BaseModel):
    file: str | None
    pack: str
    pack_reason: str = ""
    forms: list[FormResult | SurveyResult]
