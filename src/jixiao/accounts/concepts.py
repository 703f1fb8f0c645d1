"""The items of a final-accounts explanation, recognised by meaning.

Each :class:`Concept` has a stable key (the path of its field in
:class:`~jixiao.model.accounts.FinalAccounts`), the standard Chinese name used in messages and
in generated text, the kind of quantity it is, and a pattern of keywords. Patterns are tried
in order, most specific first, on a normalised label (simplified characters, ASCII brackets,
quotes removed), so ``财政拨款基本支出`` is found before ``基本支出``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    MONEY = "money"
    AREA = "area"
    VEHICLES = "vehicles"
    PEOPLE = "people"


@dataclass(frozen=True, slots=True)
class Concept:
    key: str
    label: str
    pattern: re.Pattern[str]
    kind: Kind = Kind.MONEY
    base: str | None = None  # the whole its share is printed against, unless the text says
    exclude: re.Pattern[str] | None = None  # labels that name something else


def _c(
    key: str,
    label: str,
    pattern: str,
    kind: Kind = Kind.MONEY,
    base: str | None = None,
    exclude: str | None = None,
) -> Concept:
    return Concept(key, label, re.compile(pattern), kind, base,
                   re.compile(exclude) if exclude else None)


# A stock (车辆保有量 7辆) is not a flow of the year (购置车辆 0辆, 报废 2辆).
_FLOW = r"购置|购买|新增|报废|处置|更新|采购|调入|调出|划转"


GENERAL_BUDGET_CONTEXT = re.compile(r"一般公共预算")

CONCEPTS: tuple[Concept, ...] = (
    # 政府性基金 / 国有资本经营预算: named apart from the general-budget figures
    _c("fiscal.government_fund", "政府性基金预算财政拨款", r"政府性基金"),
    _c("fiscal.state_capital", "国有资本经营预算财政拨款", r"国有资本经营"),
    # 三公经费 (before 财政拨款, as in 三公经费财政拨款支出; items before the total)
    _c(
        "sangong.vehicles",
        "公务用车购置及运行维护费",
        r"购置费?(及|和|与)运行(维护)?费?|购置及运维",
        base="sangong.total",
    ),
    _c(
        "sangong.vehicle_operation",
        "公务用车运行维护费",
        r"(公务)?用车运行(维护)?费?|车辆运行(维护)?费|运维费",
        base="sangong.total",
    ),
    _c(
        "sangong.vehicle_purchase",
        "公务用车购置费",
        r"(公务)?用车购置|车辆购置",
        base="sangong.total",
    ),
    _c(
        "sangong.outbound",
        "因公出国（境）费",
        r"因公出国|出国\(境\)费|出国费",
        base="sangong.total",
    ),
    _c("sangong.reception", "公务接待费", r"公务接待|接待费", base="sangong.total"),
    _c("sangong.total", "“三公”经费", r"三公"),
    _c("office_running", "机关运行经费", r"(机关|机构)(\(机构\))?运行经费"),
    # 财政拨款 (before the plain 收入/支出/结转 items, which they contain)
    _c(
        "fiscal.opening_carryover",
        "年初财政拨款结转和结余",
        r"年初.*财政拨款.*结[转余]|财政拨款.*年初.*结[转余]",
    ),
    _c(
        "fiscal.closing_carryover",
        "年末财政拨款结转和结余",
        r"年末.*财政拨款.*结[转余]|财政拨款.*年末.*结[转余]",
    ),
    _c("fiscal.income_total", "财政拨款收入总计", r"财政拨款收入总计"),
    _c("fiscal.expenditure_total", "财政拨款支出总计", r"财政拨款支出总计"),
    _c("fiscal.overall", "财政拨款收、支总计", r"财政拨款(收支|收入支出)"),
    _c(
        "general_budget.basic", "一般公共预算财政拨款基本支出", r"(一般公共预算|财政拨款).*基本支出"
    ),
    _c("general_budget.personnel", "人员经费", r"人员经费", base="general_budget.basic"),
    _c("general_budget.operating", "公用经费", r"公用经费", base="general_budget.basic"),
    _c(
        "general_budget.expenditure",
        "一般公共预算财政拨款支出",
        r"一般公共预算(财政拨款)?支出",
        base="expenditure.current",
    ),
    _c("fiscal.expenditure", "本年财政拨款支出", r"财政拨款支出", base="expenditure.current"),
    _c(
        "income.fiscal_appropriation",
        "财政拨款收入",
        r"财政拨款(收入)?$|财政拨款收入",
        base="income.current",
    ),
    # 收支总表
    _c("overall", "收、支总计", r"收支(总计|总体|总额)|收入支出(总计|总体|总额)"),
    _c("income.total", "收入总计", r"收入总计"),
    _c("expenditure.total", "支出总计", r"支出总计"),
    _c("income.non_fiscal_surplus_used", "使用非财政拨款结余", r"使用非财政拨款结余"),
    _c("income.opening_carryover", "年初结转和结余", r"年初结转|上年结转"),
    _c("expenditure.closing_carryover", "年末结转和结余", r"年末结转"),
    _c("expenditure.surplus_distribution", "结余分配", r"结余分配"),
    _c("income.superior_subsidy", "上级补助收入", r"上级补助收入", base="income.current"),
    _c(
        "income.affiliated_remittance",
        "附属单位上缴收入",
        r"附属单位上缴收入",
        base="income.current",
    ),
    _c("income.operations", "事业收入", r"事业收入", base="income.current"),
    _c("income.business", "经营收入", r"经营收入", base="income.current"),
    _c("income.other", "其他收入", r"其他收入", base="income.current"),
    _c("income.current", "本年收入合计", r"本年收入|收入合计"),
    _c(
        "expenditure.remittance_to_superior",
        "上缴上级支出",
        r"上缴上级支出",
        base="expenditure.current",
    ),
    _c(
        "expenditure.affiliated_subsidy",
        "对附属单位补助支出",
        r"对附属单位补助支出",
        base="expenditure.current",
    ),
    _c("expenditure.business", "经营支出", r"经营支出", base="expenditure.current"),
    _c("expenditure.basic", "基本支出", r"基本支出", base="expenditure.current"),
    _c("expenditure.project", "项目支出", r"项目支出", base="expenditure.current"),
    _c("expenditure.current", "本年支出合计", r"本年支出|支出合计"),
    # 政府采购
    _c("procurement.small_micro", "授予小微企业合同金额", r"小微企业", base="procurement.total"),
    _c("procurement.sme", "授予中小企业合同金额", r"中小企业", base="procurement.total"),
    _c(
        "procurement.goods",
        "政府采购货物支出",
        r"采购货物|政府采购.*货物",
        base="procurement.total",
    ),
    _c(
        "procurement.works",
        "政府采购工程支出",
        r"采购工程|政府采购.*工程",
        base="procurement.total",
    ),
    _c(
        "procurement.services",
        "政府采购服务支出",
        r"采购服务|政府采购.*服务",
        base="procurement.total",
    ),
    _c("procurement.total", "政府采购支出总额", r"政府采购"),
    # 国有资产与人员（数量）
    _c("assets.building_area", "房屋面积", r"房屋|用房", Kind.AREA),
    _c("assets.vehicles", "车辆", r"车辆|公务用车", Kind.VEHICLES, exclude=_FLOW),
    _c("staffing.actual", "实有人数", r"实有人数|实有人员(?!编制)|总人数", Kind.PEOPLE),
    _c("staffing.in_service", "在职人员", r"在职", Kind.PEOPLE),
    _c("staffing.retired_cadres", "离休人员", r"离休", Kind.PEOPLE),
    _c("staffing.retired", "退休人员", r"退休", Kind.PEOPLE),
)

BY_KEY: dict[str, Concept] = {c.key: c for c in CONCEPTS}
# Values recorded beside a quantity: "房屋…平方米，价值…万元".
VALUE_OF: dict[str, str] = {
    "assets.building_area": "assets.building_value",
    "assets.vehicles": "assets.vehicles_value",
}
VALUE_LABELS = {"assets.building_value": "房屋价值", "assets.vehicles_value": "车辆价值"}
# Items that only tables print (no field of FinalAccounts; kept as statements).
TABLE_LABELS = {
    "income.government_fund": "政府性基金拨款",
    "income.special_account": "纳入专户管理的非税收入拨款",
    "expenditure.personnel": "人员支出",
    "expenditure.operating": "公用支出",
    "expenditure.current_surplus": "当年结余",
    "expenditure.accumulated_surplus": "累计结余",
    "assets.fixed_total": "固定资产合计",
    "assets.fixed_in_use": "在用固定资产",
    "assets.fixed_leased": "出租固定资产",
    "assets.fixed_other": "其他固定资产",
}
FUNCTIONAL_KEY = "general_budget.lines"
FUNCTIONAL_BASE = "general_budget.expenditure"


def label_of(key: str) -> str:
    """Standard Chinese name of a key (for messages and generated text)."""
    if key in BY_KEY:
        return BY_KEY[key].label
    if key in TABLE_LABELS:
        return TABLE_LABELS[key]
    return VALUE_LABELS.get(key, "支出功能分类科目" if key == FUNCTIONAL_KEY else key)


def classify(
    label: str, *, general_budget: bool = False, kinds: tuple[Kind, ...] = (Kind.MONEY,)
) -> Concept | None:
    """The concept a normalised label names, among concepts of the given kinds.

    ``general_budget`` says the text is in a 一般公共预算 section, where a bare
    ``财政拨款支出`` or ``财政拨款基本支出`` means the general-budget figure.
    """
    for concept in CONCEPTS:
        if concept.kind in kinds and concept.pattern.search(label):
            if concept.exclude is not None and concept.exclude.search(label):
                continue
            if general_budget and concept.key == "fiscal.expenditure":
                return BY_KEY["general_budget.expenditure"]
            return concept
    return None
