"""Final accounts (部门决算) and their narrative explanation (情况说明).

Every figure keeps the value as printed (``Decimal("4329.46")`` keeps two places), the printed
text and where it was read. A statement (:class:`AccountFigure`) is one figure of one item as a
sentence states it, together with the percentages and comparisons the same sentence prints
beside it (占比, 比上年增减额/增长率, 年初预算数, 完成预算的 Z%, 预决算差异率), so that checks can
recompute each one. The typed sections hold one consolidated statement per item; ``statements``
keeps every statement in document order, duplicates included.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from jixiao.model.common import NumericModel, SourceRef, StrictModel

ChangeBase = Literal["previous", "budget"]
FunctionalLevel = Literal["类", "款", "项"]


class Printed(NumericModel):
    """One printed number: the value as printed (signed by its word), its text and place."""

    value: Decimal
    text: str = Field(description="原文，如 4,329.46万元、减少0.14%")
    source: SourceRef | None = None


class AccountFigure(StrictModel):
    """One item as a sentence states it (all amounts in ``unit``, percentages in %)."""

    key: str | None = Field(default=None, description="规范项目代码，如 income.current")
    label: str = Field(description="原文项目名称")
    unit: str = Field(default="万元", description="金额单位：万元/元/亿元；数量单位：辆/平方米/人")
    amount: Printed | None = Field(default=None, description="本年数（决算数）")
    share: Printed | None = Field(default=None, description="原文占比（%）")
    share_base: str | None = Field(default=None, description="占比的分母项目代码")
    share_base_label: str | None = Field(default=None, description="原文写出的分母")
    change: Printed | None = Field(default=None, description="增减额（增加为正、减少为负）")
    change_word: str | None = Field(default=None, description="原文增减用词：增加/减少/持平…")
    growth: Printed | None = Field(default=None, description="增长率（%，增长为正、下降为负）")
    growth_word: str | None = Field(default=None, description="原文增长率用词：增长/下降…")
    change_base: ChangeBase = Field(default="previous", description="增减比较对象：上年或预算")
    previous: Printed | None = Field(default=None, description="上年数")
    budget: Printed | None = Field(default=None, description="预算数")
    budget_kind: str | None = Field(default=None, description="预算口径：年初预算/全年预算/预算")
    completion: Printed | None = Field(default=None, description="完成预算的百分比（%）")
    variance_rate: Printed | None = Field(default=None, description="预决算差异率（%）")
    reason: str | None = Field(default=None, description="原文说明的原因")
    sentence: SourceRef | None = Field(default=None, description="所在句子（段落与字符位置）")


class FunctionalLine(StrictModel):
    """A line of the functional classification (支出功能分类科目): 类, 款 or 项."""

    level: FunctionalLevel
    category: str = Field(description="类级科目名称")
    section: str | None = Field(default=None, description="款级科目名称")
    item: str | None = Field(default=None, description="项级科目名称")
    figure: AccountFigure


class IncomeAccounts(StrictModel):
    total: AccountFigure | None = Field(default=None, description="收入总计")
    current: AccountFigure | None = Field(default=None, description="本年收入合计")
    non_fiscal_surplus_used: AccountFigure | None = Field(
        default=None, description="使用非财政拨款结余（含专用结余）"
    )
    opening_carryover: AccountFigure | None = Field(default=None, description="年初结转和结余")
    fiscal_appropriation: AccountFigure | None = Field(default=None, description="财政拨款收入")
    superior_subsidy: AccountFigure | None = Field(default=None, description="上级补助收入")
    operations: AccountFigure | None = Field(default=None, description="事业收入")
    business: AccountFigure | None = Field(default=None, description="经营收入")
    affiliated_remittance: AccountFigure | None = Field(
        default=None, description="附属单位上缴收入"
    )
    other: AccountFigure | None = Field(default=None, description="其他收入")


class ExpenditureAccounts(StrictModel):
    total: AccountFigure | None = Field(default=None, description="支出总计")
    current: AccountFigure | None = Field(default=None, description="本年支出合计")
    surplus_distribution: AccountFigure | None = Field(default=None, description="结余分配")
    closing_carryover: AccountFigure | None = Field(default=None, description="年末结转和结余")
    basic: AccountFigure | None = Field(default=None, description="基本支出")
    project: AccountFigure | None = Field(default=None, description="项目支出")
    remittance_to_superior: AccountFigure | None = Field(default=None, description="上缴上级支出")
    business: AccountFigure | None = Field(default=None, description="经营支出")
    affiliated_subsidy: AccountFigure | None = Field(default=None, description="对附属单位补助支出")


class FiscalAccounts(StrictModel):
    """财政拨款收入支出 (本年财政拨款收入 is ``income.fiscal_appropriation``)."""

    overall: AccountFigure | None = Field(default=None, description="财政拨款收、支总计")
    income_total: AccountFigure | None = Field(default=None, description="财政拨款收入总计")
    opening_carryover: AccountFigure | None = Field(
        default=None, description="年初财政拨款结转和结余"
    )
    expenditure_total: AccountFigure | None = Field(default=None, description="财政拨款支出总计")
    closing_carryover: AccountFigure | None = Field(
        default=None, description="年末财政拨款结转和结余"
    )
    expenditure: AccountFigure | None = Field(default=None, description="本年财政拨款支出")
    government_fund: AccountFigure | None = Field(
        default=None, description="政府性基金预算财政拨款收入（支出）"
    )
    state_capital: AccountFigure | None = Field(
        default=None, description="国有资本经营预算财政拨款收入（支出）"
    )


class GeneralBudgetAccounts(StrictModel):
    """一般公共预算财政拨款支出, its basic part and the functional classification."""

    expenditure: AccountFigure | None = Field(default=None, description="一般公共预算财政拨款支出")
    basic: AccountFigure | None = Field(default=None, description="一般公共预算财政拨款基本支出")
    personnel: AccountFigure | None = Field(default=None, description="人员经费")
    operating: AccountFigure | None = Field(default=None, description="公用经费")
    lines: list[FunctionalLine] = Field(default_factory=list, description="类/款/项")


class SangongAccounts(StrictModel):
    """财政拨款“三公”经费."""

    total: AccountFigure | None = Field(default=None, description="“三公”经费合计")
    outbound: AccountFigure | None = Field(default=None, description="因公出国（境）费")
    vehicles: AccountFigure | None = Field(default=None, description="公务用车购置及运行维护费")
    vehicle_purchase: AccountFigure | None = Field(default=None, description="公务用车购置费")
    vehicle_operation: AccountFigure | None = Field(default=None, description="公务用车运行维护费")
    reception: AccountFigure | None = Field(default=None, description="公务接待费")


class ProcurementAccounts(StrictModel):
    total: AccountFigure | None = Field(default=None, description="政府采购支出总额")
    goods: AccountFigure | None = Field(default=None, description="政府采购货物支出")
    works: AccountFigure | None = Field(default=None, description="政府采购工程支出")
    services: AccountFigure | None = Field(default=None, description="政府采购服务支出")
    sme: AccountFigure | None = Field(default=None, description="授予中小企业合同金额")
    small_micro: AccountFigure | None = Field(default=None, description="授予小微企业合同金额")


class AssetAccounts(StrictModel):
    building_area: AccountFigure | None = Field(default=None, description="房屋面积（平方米）")
    building_value: AccountFigure | None = Field(default=None, description="房屋价值")
    vehicles: AccountFigure | None = Field(default=None, description="车辆数（辆）")
    vehicles_value: AccountFigure | None = Field(default=None, description="车辆价值")


class StaffingAccounts(StrictModel):
    actual: AccountFigure | None = Field(default=None, description="实有人数")
    in_service: AccountFigure | None = Field(default=None, description="在职人员")
    retired_cadres: AccountFigure | None = Field(default=None, description="离休人员")
    retired: AccountFigure | None = Field(default=None, description="退休人员")


class FinalAccounts(StrictModel):
    """部门（单位）决算及其情况说明."""

    type: Literal["final_accounts"] = "final_accounts"
    name: str = "部门决算情况说明"
    unit: str | None = Field(default=None, description="单位名称")
    year: int | None = None
    overall: AccountFigure | None = Field(default=None, description="收、支总计（收支合称）")
    income: IncomeAccounts = Field(default_factory=IncomeAccounts)
    expenditure: ExpenditureAccounts = Field(default_factory=ExpenditureAccounts)
    fiscal: FiscalAccounts = Field(default_factory=FiscalAccounts)
    general_budget: GeneralBudgetAccounts = Field(default_factory=GeneralBudgetAccounts)
    sangong: SangongAccounts = Field(default_factory=SangongAccounts)
    office_running: AccountFigure | None = Field(default=None, description="机关运行经费")
    procurement: ProcurementAccounts = Field(default_factory=ProcurementAccounts)
    assets: AssetAccounts = Field(default_factory=AssetAccounts)
    staffing: StaffingAccounts = Field(default_factory=StaffingAccounts)
    statements: list[AccountFigure] = Field(
        default_factory=list, description="原文逐句提取的全部陈述（含重复）"
    )

    def get(self, key: str) -> AccountFigure | None:
        """The consolidated figure for a key such as ``"income.current"`` or ``"overall"``."""
        node: object = self
        for part in key.split("."):
            node = getattr(node, part, None)
            if node is None:
                return None
        return node if isinstance(node, AccountFigure) else None

    def amount(self, key: str) -> Decimal | None:
        figure = self.get(key)
        return figure.amount.value if figure is not None and figure.amount is not None else None
