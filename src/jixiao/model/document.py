"""The canonical document: one file, several forms, optional narrative paragraphs."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from jixiao.model.accounts import FinalAccounts
from jixiao.model.basic_data import BasicDataTable
from jixiao.model.common import SourceRef, StrictModel
from jixiao.model.declaration import DepartmentTargetDeclaration, TargetDeclaration
from jixiao.model.evaluation import (
    DepartmentSelfEvaluation,
    ProjectSelfEvaluation,
    ScoredEvaluation,
)
from jixiao.model.monitoring import PerformanceMonitoring
from jixiao.model.survey import Questionnaire

FORMAT_VERSION: Literal[1] = 1

Form = Annotated[
    ProjectSelfEvaluation
    | DepartmentSelfEvaluation
    | ScoredEvaluation
    | Questionnaire
    | BasicDataTable
    | FinalAccounts
    | TargetDeclaration
    | DepartmentTargetDeclaration
    | PerformanceMonitoring,
    Field(discriminator="type"),
]


class Paragraph(StrictModel):
    """A narrative paragraph kept for prose checks, with its location."""

    text: str
    heading: str | None = Field(default=None, description="所在章节标题")
    source: SourceRef | None = None


class Document(StrictModel):
    """A jixiao document (canonical YAML/JSON format, version 1)."""

    format_version: Literal[1] = Field(default=FORMAT_VERSION, description="文件格式版本")
    title: str | None = None
    unit: str | None = Field(default=None, description="单位名称")
    province: str | None = Field(default=None, description="省份，如 新疆 / 湖南")
    year: int | None = None
    source_file: str | None = Field(default=None, description="导入时的原始文件")
    forms: list[Form] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
