"""Questionnaires (问卷调查): questions, options with points, counts."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from jixiao.model.common import NumericModel, SourceRef


class SurveyOption(NumericModel):
    label: str
    points: Decimal = Field(description="选项分值")
    count: int | None = Field(default=None, ge=0, description="选择人数")
    satisfied: bool | None = Field(
        default=None, description="是否计为“满意”（top-2-box 方法用）；缺省时按分值最高的两档"
    )
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class SurveyQuestion(NumericModel):
    number: str
    text: str
    options: list[SurveyOption]
    weight: Decimal | None = Field(default=None, description="题目权重（按题加权时）")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class Questionnaire(NumericModel):
    """问卷调查：发放/收回/有效份数、题目与选项计数、原文的合计与综合得分."""

    type: Literal["questionnaire"] = "questionnaire"
    name: str
    unit: str | None = None
    year: int | None = None
    province: str | None = None
    issued: int | None = Field(default=None, ge=0, description="发放问卷")
    returned: int | None = Field(default=None, ge=0, description="收回问卷")
    valid: int | None = Field(default=None, ge=0, description="有效问卷")
    questions: list[SurveyQuestion] = Field(default_factory=list)
    method: Literal["points_average", "top2", "weighted"] = Field(
        default="points_average",
        description="汇总方法：points_average=Σ人数×分值/有效份数；top2=满意率；weighted=按题加权",
    )
    max_points: Decimal | None = Field(default=None, description="满分（问卷总分）")
    claimed_total_points: Decimal | None = Field(default=None, description="原文的总得分合计")
    claimed_score: Decimal | None = Field(default=None, description="原文的问卷综合得分")
    sources: dict[str, SourceRef] = Field(default_factory=dict)
