"""Evaluations: project and department self-evaluations and scored evaluation reports.

Printed values are kept as printed: targets, actuals and percentages as text (parsed on
demand by :mod:`jixiao.model.quantity`), weights and scores as ``Decimal`` so that their
printed precision survives (``Decimal("9.60")`` keeps two places). ``claimed_*`` fields
hold what the document says; the scoring engine computes its own values beside them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from jixiao.model.common import NumericModel, SourceRef, StrictModel
from jixiao.model.quantity import Quantity, parse_quantity


class Indicator(NumericModel):
    """One indicator row (三级指标) or one scoring-table item.

    ``sources`` maps a field name (``"weight"``, ``"claimed_score"`` …) to where it was read.
    """

    code: str | None = Field(default=None, description="编号，如 A11")
    level1: str = Field(description="一级指标，如 产出指标 / 决策")
    level2: str | None = Field(default=None, description="二级指标，如 数量指标")
    name: str = Field(description="三级指标（指标名称）")
    weight: Decimal | None = Field(default=None, description="分值/权重")
    target: str | None = Field(default=None, description="年度指标值/目标值，按原文")
    actual: str | None = Field(default=None, description="实际完成值/业绩值，按原文")
    completion: str | None = Field(default=None, description="完成率，按原文，如 102%")
    rule: str | None = Field(default=None, description="赋分规则/评分标准，按原文")
    claimed_score: Decimal | None = Field(default=None, description="得分（原文）")
    target_basis: str | None = Field(default=None, description="指标值设定依据")
    previous_actual: str | None = Field(default=None, description="上年完成情况")
    evidence: str | None = Field(default=None, description="佐证资料")
    deviation_note: str | None = Field(default=None, description="偏差原因分析及改进措施")
    explanation: str | None = Field(default=None, description="指标解释")
    points: str | None = Field(default=None, description="评价要点")
    notes: str | None = Field(default=None, description="评分过程/扣分原因等说明")
    rule_kind: str | None = Field(
        default=None, description="显式指定的评分规则种类（覆盖规则包的匹配）"
    )
    rule_params: dict[str, object] = Field(
        default_factory=dict, description="显式评分参数，与 rule_kind 一起使用"
    )
    applicable: bool = Field(default=True, description="是否适用（不适用时按规则包的政策处理）")
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @field_validator("weight")
    @classmethod
    def _weight_not_negative(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and value < 0:
            raise ValueError("分值不能为负数")
        return value

    @property
    def target_quantity(self) -> Quantity:
        return parse_quantity(self.target)

    @property
    def actual_quantity(self) -> Quantity:
        return parse_quantity(self.actual)


class IndicatorGroup(NumericModel):
    """A printed group heading with its own weight or subtotal, e.g. ``产出指标（50分）``."""

    level: Literal[1, 2]
    name: str
    parent: str | None = Field(default=None, description="level 2 的所属一级指标")
    weight: Decimal | None = None
    claimed_score: Decimal | None = None
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class FundingLine(NumericModel):
    """A funding row: 年度资金总额 or one source (当年财政拨款, 上年结转, 其他资金 …)."""

    source: str = Field(description="资金来源，如 年度资金总额 / 其中：当年财政拨款")
    is_total: bool = Field(default=False, description="是否合计行（年度资金总额/合计）")
    initial_budget: Decimal | None = Field(default=None, description="年初预算数")
    adjusted_budget: Decimal | None = Field(default=None, description="全年预算数")
    executed: Decimal | None = Field(default=None, description="全年执行数")
    balance: Decimal | None = Field(default=None, description="结余")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


Aspect = Literal["table", "group", "column", "execution_weight", "total_row"]


class Uncertainty(StrictModel):
    """Something the recognizer could not read with certainty, and what it touches.

    ``aspect`` says what a finding must rest on to be affected: ``table`` (the table is cut
    off: its sums and totals cannot be checked), ``group`` (the group named in ``subject``
    was not read whole), ``column`` (the role of the column ``subject`` was guessed),
    ``execution_weight`` (the worth of the execution row was not printed) or ``total_row``
    (no total row was printed). The auditor reports an error only when nothing it rests on
    is uncertain; otherwise a warning that names ``reason``.
    """

    aspect: Aspect
    subject: str | None = Field(default=None, description="分组名称或字段名")
    reason: str = Field(description="不确定之处（中文）")
    source: SourceRef | None = None


class EvaluationBase(NumericModel):
    type: str
    name: str = Field(description="项目名称或单位名称")
    unit: str | None = Field(default=None, description="单位（实施单位/预算单位）")
    department: str | None = Field(default=None, description="主管部门")
    year: int | None = Field(default=None, description="年度")
    province: str | None = Field(default=None, description="省份（用于推断规则包）")
    indicators: list[Indicator] = Field(default_factory=list)
    groups: list[IndicatorGroup] = Field(default_factory=list)
    claimed_total: Decimal | None = Field(default=None, description="总分/综合得分（原文）")
    claimed_grade: str | None = Field(default=None, description="评价等次（原文）")
    total_weight: Decimal | None = Field(default=None, description="原文所列满分，通常 100")
    narrative: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "报告各章节的文字，按章节代码：overview 基本情况/概况，process 评价工作开展情况，"
            "conclusion 综合评价补充说明，analysis 指标分析补充说明，experience 主要经验及做法，"
            "problems 存在的问题及原因分析，suggestions 有关建议，other 其他需要说明的问题"
        ),
    )
    uncertain: list[Uncertainty] = Field(
        default_factory=list, description="识别时无法确定之处（表格不完整、列含义推测等）"
    )
    unprinted: list[str] = Field(
        default_factory=list,
        description=(
            "表中没有栏目的字段（识别时记录）：deviation_note 没有偏差原因栏，"
            "claimed_execution_rate 没有执行率栏；这些字段空白不算漏填"
        ),
    )
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @property
    def cut_off(self) -> bool:
        """Whether the table was read incomplete (cut off at its top or bottom)."""
        return any(u.aspect == "table" for u in self.uncertain)


class SelfEvaluationBase(EvaluationBase):
    code: str | None = Field(default=None, description="项目编码（与申报表、监控表关联时用）")
    money_unit: str = Field(default="万元", description="金额单位")
    funding: list[FundingLine] = Field(default_factory=list)
    execution_weight: Decimal | None = Field(default=None, description="执行率分值，通常 10")
    claimed_execution_rate: str | None = Field(default=None, description="执行率（原文）")
    claimed_execution_score: Decimal | None = Field(default=None, description="执行率得分（原文）")
    goal_expected: str | None = Field(default=None, description="年度总体目标：预期目标")
    goal_actual: str | None = Field(default=None, description="年度总体目标：实际完成情况")

    @property
    def total_funding(self) -> FundingLine | None:
        """The total funding line (年度资金总额/合计), or the only line there is."""
        for line in self.funding:
            if line.is_total:
                return line
        return self.funding[0] if len(self.funding) == 1 else None

    def execution_amounts(self) -> tuple[Decimal | None, Decimal | None, bool]:
        """Budget and executed amount the execution rate follows from, and whether they are
        the sum of the source lines: when the total line prints only zeros or blanks while
        its sources carry amounts (the total row left unfilled), the sources tell."""
        line = self.total_funding
        if line is None:
            return None, None, False
        budget = line.adjusted_budget if line.adjusted_budget is not None else (
            line.initial_budget
        )
        if budget or line.executed:
            return budget, line.executed, False
        parts = [other for other in self.funding if not other.is_total]
        budgets = [b for p in parts
                   if (b := p.adjusted_budget if p.adjusted_budget is not None
                       else p.initial_budget) is not None]  # fmt: skip
        spent = [p.executed for p in parts if p.executed is not None]
        if not line.is_total or not any(budgets) or not spent:
            return budget, line.executed, False
        return sum(budgets, Decimal(0)), sum(spent, Decimal(0)), True


class ProjectSelfEvaluation(SelfEvaluationBase):
    """项目支出绩效自评表."""

    type: Literal["project_self_evaluation"] = "project_self_evaluation"


class DepartmentSelfEvaluation(SelfEvaluationBase):
    """部门（单位）整体支出绩效自评表."""

    type: Literal["department_self_evaluation"] = "department_self_evaluation"


class ScoredEvaluation(EvaluationBase):
    """绩效评价报告的评分表 / 指标体系：每项有分值、评分规则、说明和得分."""

    type: Literal["scored_evaluation"] = "scored_evaluation"
