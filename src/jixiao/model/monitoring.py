"""绩效运行监控表 ("双监控"): spending and indicator progress after N months of the year."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from jixiao.model.common import NumericModel, SourceRef
from jixiao.model.evaluation import Uncertainty
from jixiao.model.quantity import Quantity, parse_quantity

Likelihood = Literal["确定能", "有可能", "完全不可能"]
LIKELIHOODS: tuple[Likelihood, ...] = ("确定能", "有可能", "完全不可能")


class MonitoredFunding(NumericModel):
    """A funding line: 年度资金总额 (``is_total``) or one source."""

    source: str = Field(description="资金来源，如 年度资金总额 / 财政拨款 / 其他资金")
    is_total: bool = False
    initial_budget: Decimal | None = Field(default=None, description="年初预算数")
    executed: Decimal | None = Field(default=None, description="1–N月执行数")
    claimed_rate: str | None = Field(default=None, description="1–N月执行率，按原文")
    forecast: Decimal | None = Field(default=None, description="全年预计执行数")
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class MonitoredIndicator(NumericModel):
    """One indicator row: target, progress to date, forecast, causes and the answer."""

    level1: str = Field(description="一级指标")
    level2: str | None = Field(default=None, description="二级指标")
    name: str = Field(description="三级指标")
    target: str | None = Field(default=None, description="年度指标值，按原文")
    to_date: str | None = Field(default=None, description="1–N月完成情况，按原文")
    forecast: str | None = Field(default=None, description="全年预计完成情况，按原文")
    causes: dict[str, str] = Field(
        default_factory=dict,
        description="偏差原因分析各栏（经费保障/制度保障/人员保障/硬件条件保障/其他）所填内容",
    )
    likelihood: Likelihood | None = Field(default=None, description="完成目标可能性")
    reason: str | None = Field(default=None, description="原因说明")
    needs_rectification: bool | None = Field(default=None, description="是否需要整改")
    measures: str | None = Field(default=None, description="整改措施")
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @property
    def target_quantity(self) -> Quantity:
        return parse_quantity(self.target)

    @property
    def to_date_quantity(self) -> Quantity:
        return parse_quantity(self.to_date)


class PerformanceMonitoring(NumericModel):
    """项目支出绩效运行监控表 (绩效目标执行监控表)."""

    type: Literal["performance_monitoring"] = "performance_monitoring"
    name: str = Field(description="项目名称")
    code: str | None = Field(default=None, description="项目编码")
    unit: str | None = Field(default=None, description="实施单位")
    department: str | None = Field(default=None, description="主管部门")
    year: int | None = None
    province: str | None = None
    month: int | None = Field(default=None, ge=1, le=12, description="监控截至月份 N（1–N月）")
    money_unit: str = Field(default="万元", description="金额单位")
    funding: list[MonitoredFunding] = Field(default_factory=list)
    annual_goal: str | None = Field(default=None, description="年度总体目标")
    goal_progress: str | None = Field(default=None, description="总体目标 1–N月执行情况")
    indicator_rows: list[MonitoredIndicator] = Field(default_factory=list)
    reason: str | None = Field(default=None, description="偏差或不能完成目标原因分析（全表）")
    measures: str | None = Field(default=None, description="整改措施/相关建议或举措（全表）")
    uncertain: list[Uncertainty] = Field(
        default_factory=list, description="识别时无法确定之处"
    )
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @property
    def total_funding(self) -> MonitoredFunding | None:
        return next((line for line in self.funding if line.is_total), None)
