"""Typed model of evaluations (the canonical file format is generated from it)."""

from jixiao.model.accounts import AccountFigure, FinalAccounts, FunctionalLine, Printed
from jixiao.model.basic_data import BasicDataRow, BasicDataTable
from jixiao.model.common import SourceRef
from jixiao.model.declaration import (
    CostItem,
    DeclarationBase,
    DeclaredFunding,
    DeclaredIndicator,
    DepartmentTargetDeclaration,
    DutyTask,
    ReviewOpinion,
    TargetDeclaration,
)
from jixiao.model.document import Document, Form, Paragraph
from jixiao.model.evaluation import (
    DepartmentSelfEvaluation,
    FundingLine,
    Indicator,
    IndicatorGroup,
    ProjectSelfEvaluation,
    ScoredEvaluation,
    Uncertainty,
)
from jixiao.model.monitoring import (
    MonitoredFunding,
    MonitoredIndicator,
    PerformanceMonitoring,
)
from jixiao.model.survey import Questionnaire, SurveyOption, SurveyQuestion

__all__ = [
    "AccountFigure",
    "BasicDataRow",
    "BasicDataTable",
    "CostItem",
    "DeclarationBase",
    "DeclaredFunding",
    "DeclaredIndicator",
    "DepartmentSelfEvaluation",
    "DepartmentTargetDeclaration",
    "Document",
    "DutyTask",
    "FinalAccounts",
    "Form",
    "FunctionalLine",
    "FundingLine",
    "Indicator",
    "IndicatorGroup",
    "MonitoredFunding",
    "MonitoredIndicator",
    "Paragraph",
    "PerformanceMonitoring",
    "Printed",
    "ProjectSelfEvaluation",
    "Questionnaire",
    "ReviewOpinion",
    "ScoredEvaluation",
    "SourceRef",
    "SurveyOption",
    "SurveyQuestion",
    "TargetDeclaration",
    "Uncertainty",
]
