"""绩效目标申报表: the targets declared with the budget, before the money is spent, for a
project (项目支出) or for a department's whole spending (部门（单位）整体支出绩效目标表).

Amounts are ``Decimal`` as printed, in ``money_unit``; indicator values stay text as
printed (parsed on demand by :mod:`jixiao.model.quantity`), weights are ``Decimal``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from jixiao.model.common import NumericModel, SourceRef
from jixiao.model.evaluation import Uncertainty
from jixiao.model.quantity import Quantity, parse_quantity

GoalPeriod = Literal["annual", "long_term"]


class DeclaredFunding(NumericModel):
    """A funding line: 资金总额 (``is_total``) or one source (财政拨款, 其他资金 …)."""

    source: str = Field(description="资金来源，如 资金总额 / 其中：财政拨款 / 其他资金")
    is_total: bool = Field(default=False, description="是否资金总额（合计）行")
    is_sub: bool = Field(
        default=False, description="其中项（上级/本级等），复述某一来源，不计入合计"
    )
    amount: Decimal | None = Field(default=None, description="年度金额（申请数）")
    cumulative: Decimal | None = Field(
        default=None, description="项目期内累计金额（上海等地另列的项目资金总额）"
    )
    share: str | None = Field(default=None, description="占资金总额的比例，按原文（如 62.5%）")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class DeclaredIndicator(NumericModel):
    """One row of an indicator grid: 一级 | 二级 | 三级 | 指标值 | 备注."""

    period: GoalPeriod = Field(default="annual", description="年度指标或长期（总体）指标")
    level1: str = Field(description="一级指标，如 产出指标")
    level2: str | None = Field(default=None, description="二级指标，如 数量指标")
    name: str = Field(description="三级指标")
    target: str | None = Field(default=None, description="指标值，按原文")
    weight: Decimal | None = Field(default=None, description="分值/权重（如有）")
    explanation: str | None = Field(default=None, description="指标解释/设定依据")
    notes: str | None = Field(default=None, description="备注")
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @property
    def target_quantity(self) -> Quantity:
        return parse_quantity(self.target)


class CostItem(NumericModel):
    """A row of 成本测算: what the money is for, how much, and how it was reckoned."""

    name: str = Field(description="成本构成/支出内容")
    amount: Decimal | None = Field(default=None, description="金额")
    basis: str | None = Field(default=None, description="测算依据")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class ReviewOpinion(NumericModel):
    """A review block: who reviews (主管部门 / 第三方机构 / 财政部门) and what they wrote."""

    body: str = Field(description="审核方，如 主管部门审核意见")
    opinion: str | None = Field(default=None, description="审核意见、审核人与日期，按原文")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class DutyTask(NumericModel):
    """A row of 年度主要任务 / 年度履职目标: the task, what it covers, its budget."""

    function: str | None = Field(default=None, description="职能/履职方向（如有此栏）")
    name: str = Field(description="任务名称")
    content: str | None = Field(default=None, description="主要内容")
    projects: str | None = Field(default=None, description="对应的支出项目（如有此栏）")
    amount: Decimal | None = Field(default=None, description="预算金额（总额）")
    fiscal: Decimal | None = Field(default=None, description="其中财政拨款")
    other: Decimal | None = Field(default=None, description="其中其他资金")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class DeclarationBase(NumericModel):
    """What both declarations print: who, which year, the funds, the goal and the grid."""

    type: str
    name: str = Field(description="项目名称或部门（单位）名称")
    code: str | None = Field(default=None, description="项目编码或单位编码")
    unit: str | None = Field(default=None, description="申报单位/实施单位")
    department: str | None = Field(default=None, description="主管部门")
    year: int | None = None
    province: str | None = None
    money_unit: str = Field(default="万元", description="金额单位")
    funding: list[DeclaredFunding] = Field(
        default_factory=list, description="资金总额及按来源（收入性质）分列的各项"
    )
    annual_goal: str | None = Field(default=None, description="年度目标/年度总体目标")
    indicator_rows: list[DeclaredIndicator] = Field(default_factory=list)
    uncertain: list[Uncertainty] = Field(
        default_factory=list, description="识别时无法确定之处"
    )
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @property
    def total_funding(self) -> DeclaredFunding | None:
        return next((line for line in self.funding if line.is_total), None)


class TargetDeclaration(DeclarationBase):
    """项目支出绩效目标申报表."""

    type: Literal["target_declaration"] = "target_declaration"
    attribute: str | None = Field(default=None, description="项目属性：新增/延续")
    period_text: str | None = Field(default=None, description="项目起止时间/实施期限，按原文")
    long_term_goal: str | None = Field(default=None, description="长期（总体）目标")
    cost_items: list[CostItem] = Field(default_factory=list, description="成本测算各项")
    cost_total: Decimal | None = Field(default=None, description="成本测算合计（原文）")
    reviews: list[ReviewOpinion] = Field(default_factory=list, description="审核意见栏")


class DepartmentTargetDeclaration(DeclarationBase):
    """部门（单位）整体支出绩效目标表: the whole budget by source and by nature (基本支出 /
    项目支出), the year's main tasks with their budgets, the goal and the indicators."""

    type: Literal["department_target_declaration"] = "department_target_declaration"
    spending: list[DeclaredFunding] = Field(
        default_factory=list,
        description="按支出性质分列：基本支出、项目支出（人员经费、公用经费等为其中项）",
    )
    tasks: list[DutyTask] = Field(default_factory=list, description="年度主要任务/履职目标")
    tasks_total: Decimal | None = Field(default=None, description="年度主要任务的金额合计（原文）")
