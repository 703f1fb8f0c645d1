"""Write the 情况说明 from the figures, so that every percentage in it is right by construction.

The sections and their wording follow the standard template (一、收入支出决算总体情况说明 …
十、其他重要事项的情况说明). Amounts are written as given (their printed precision kept);
every share, growth rate, completion rate and budget-vs-actual difference rate is computed
from them and rounded half-up at two places (rules.md R5.3). Where a rate is undefined (上年
or 预算 is 0) the text says so instead of printing a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.accounts.analysis import growth, percent_text, ratio, variance
from jixiao.accounts.concepts import label_of
from jixiao.model.accounts import AccountFigure, FinalAccounts, FunctionalLine

ZERO = Decimal(0)


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    level: int = 1  # 0: a preamble before the numbered sections


def number(value: Decimal) -> str:
    """An amount as printed: thousands separators, the given decimal places."""
    return format(value, ",")


class _Writer:
    def __init__(self, accounts: FinalAccounts) -> None:
        self.accounts = accounts
        self.year = f"{accounts.year}年度" if accounts.year else "本年度"

    def get(self, key: str) -> AccountFigure | None:
        figure = self.accounts.get(key)
        return figure if figure is not None and figure.amount is not None else None

    def money(self, figure: AccountFigure, value: Decimal | None = None) -> str:
        amount = value if value is not None else figure.amount.value if figure.amount else ZERO
        return f"{number(amount)}{figure.unit}"

    def share(self, figure: AccountFigure, base_key: str, *, explicit: bool = False) -> str:
        base = self.accounts.amount(base_key)
        if figure.amount is None or base is None:
            return ""
        value = ratio(figure.amount.value, base)
        if value is None:
            return ""
        whole = f"{label_of(base_key)}的" if explicit else ""
        return f"，占{whole}{percent_text(value)}"

    def reason(self, figure: AccountFigure) -> str:
        return f"，主要原因是：{figure.reason.rstrip('。')}" if figure.reason else ""

    def change(self, figure: AccountFigure, *, since: str = "比上年") -> str:
        """``，比上年增加 C万元，增长 G%`` from the amount and the change (or previous)."""
        if figure.amount is None:
            return ""
        base = self.base(figure)
        if base is None:
            return ""
        current = figure.amount.value
        delta = current - base
        if figure.change_base == "budget":
            since = "比年初预算数"
        words = ("增加", "增长") if delta >= 0 else ("减少", "下降")
        text = f"，{since}{words[0]}{number(abs(delta))}{figure.unit}"
        rate = growth(current, base)
        if rate is not None:
            text += f"，{words[1]}{percent_text(abs(rate))}"
        elif current == 0:
            text += "，增长0.00%"
        else:
            text += "，为新增支出"
        return text

    def base(self, figure: AccountFigure) -> Decimal | None:
        stated = figure.budget if figure.change_base == "budget" else figure.previous
        if stated is not None:
            return stated.value
        if figure.change is not None and figure.amount is not None:
            return figure.amount.value - figure.change.value
        return None

    def versus_budget(self, figure: AccountFigure, *, name: str = "", kind: str = "") -> str:
        """``年初预算数 B万元，决算数 A万元，预决算差异率 V%`` (or 完成预算的 Z%)."""
        if figure.budget is None or figure.amount is None:
            return ""
        kind = kind or figure.budget_kind or "年初预算"
        budget, actual = figure.budget.value, figure.amount.value
        text = f"{name}{kind}数{self.money(figure, budget)}，决算数{self.money(figure)}"
        if budget == 0:
            return text + ("，预决算差异率0.00%" if actual == 0 else "，年初未安排预算")
        if figure.completion is not None and figure.variance_rate is None:
            completion = ratio(actual, budget)
            assert completion is not None
            return text + f"，完成{kind}的{percent_text(completion)}"
        rate = variance(actual, budget)
        assert rate is not None
        return text + f"，预决算差异率{percent_text(rate)}"

    def listing(self, whole: str, keys: list[str], *, explicit_base: bool = False) -> str:
        parts = []
        for key in keys:
            figure = self.get(key)
            if figure is not None:
                share = self.share(figure, whole, explicit=explicit_base)
                parts.append(f"{label_of(key)}{self.money(figure)}{share}")
        return "；".join(parts)

    # --- sections ----------------------------------------------------------------------
    def staffing(self) -> list[str]:
        actual = self.get("staffing.actual")
        if actual is None:
            return []
        parts = []
        for key in ("staffing.in_service", "staffing.retired_cadres", "staffing.retired"):
            figure = self.get(key)
            if figure is not None and figure.amount is not None:
                delta = figure.change.value if figure.change is not None else None
                word = "" if delta is None else "增加" if delta >= 0 else "减少"
                change = "" if delta is None else f"，{word}{number(abs(delta))}人"
                parts.append(f"{label_of(key)}{number(figure.amount.value)}人{change}")
        listed = f"，其中：{'；'.join(parts)}" if parts else ""
        return [
            f"{self.year}实有人数{number(actual.amount.value) if actual.amount else ''}人{listed}。"
        ]

    def overview(self) -> list[str]:
        lines = []
        groups = (
            (
                "income.total",
                ["income.current", "income.non_fiscal_surplus_used", "income.opening_carryover"],
            ),
            (
                "expenditure.total",
                [
                    "expenditure.current",
                    "expenditure.surplus_distribution",
                    "expenditure.closing_carryover",
                ],
            ),
        )
        for total_key, keys in groups:
            total = self.get(total_key)
            if total is None:
                continue
            parts = [
                f"{label_of(k)}{self.money(f)}" for k in keys if (f := self.get(k)) is not None
            ]
            listed = f"，其中：{'，'.join(parts)}" if parts else ""
            lines.append(f"{self.year}{label_of(total_key)}{self.money(total)}{listed}。")
        overall = self.accounts.get("overall")
        if overall is not None and overall.amount is not None and not lines:
            lines.append(f"{self.year}收、支总计{self.money(overall)}。")
        if overall is not None:
            amount = overall.amount or (self.get("income.total") or overall).amount
            if amount is not None:
                figure = overall.model_copy(update={"amount": amount})
                change = self.change(figure).lstrip("，").removeprefix("比上年")
                if change:
                    lines.append(f"收入支出总体与上年相比，{change}{self.reason(overall)}。")
        return lines

    def income(self) -> list[str]:
        return self._breakdown("本年收入", "income.current", [
            "income.fiscal_appropriation",
            "income.superior_subsidy",
            "income.operations",
            "income.business",
            "income.affiliated_remittance",
            "income.other",
        ])

    def expenditure(self) -> list[str]:
        return self._breakdown("本年支出", "expenditure.current", [
            "expenditure.basic",
            "expenditure.project",
            "expenditure.remittance_to_superior",
            "expenditure.business",
            "expenditure.affiliated_subsidy",
        ])

    def _breakdown(self, label: str, total_key: str, keys: list[str]) -> list[str]:
        """``本年收入X万元，其中：A万元，占a%；…。`` for a total and its listed parts."""
        total = self.get(total_key)
        if total is None:
            return []
        listed = self.listing(total_key, keys)
        return [f"{label}{self.money(total)}" + (f"，其中：{listed}。" if listed else "。")]

    def fiscal(self) -> list[str]:
        lines = []
        for total_key, keys in (
            ("fiscal.income_total", ["fiscal.opening_carryover", "income.fiscal_appropriation"]),
            ("fiscal.expenditure_total", ["fiscal.closing_carryover", "fiscal.expenditure"]),
        ):
            total = self.get(total_key)
            if total is None:
                continue
            names = {"income.fiscal_appropriation": "本年财政拨款收入"}
            parts = [
                f"{names.get(k, label_of(k))}{self.money(f)}"
                for k in keys
                if (f := self.get(k)) is not None
            ]
            listed = f"，其中：{'，'.join(parts)}" if parts else ""
            lines.append(f"{self.year}{label_of(total_key)}{self.money(total)}{listed}。")
        overall = self.accounts.get("fiscal.overall")
        if overall is not None:
            if overall.amount is not None and not lines:
                lines.append(f"{self.year}财政拨款收、支总计{self.money(overall)}。")
            amount = overall.amount or (self.get("fiscal.income_total") or overall).amount
            figure = overall.model_copy(update={"amount": amount})
            text = ""
            change = self.change(figure).lstrip("，").removeprefix("比上年")
            if change:
                text += f"财政拨款收入支出总体与上年相比，{change}{self.reason(overall)}。"
            versus = self.versus_budget(figure)
            if versus:
                text += f"与年初预算相比，{versus}。"
            if text:
                lines.append(text)
        return lines

    def general_budget(self) -> list[Section]:
        sections = []
        total = self.get("general_budget.expenditure")
        if total is not None:
            text = f"{self.year}一般公共预算财政拨款支出{self.money(total)}"
            text += self.share(total, "expenditure.current", explicit=True) + "。"
            change = self.change(total).lstrip("，").removeprefix("比上年")
            if change:
                text += f"与上年相比，{change}{self.reason(total)}。"
            versus = self.versus_budget(total)
            if versus:
                text += f"与年初预算相比，{versus}。"
            sections.append(Section("（一）一般公共预算财政拨款支出决算总体情况", [text], 2))
        lines = self.accounts.general_budget.lines
        categories = [line for line in lines if line.level == "类" and line.figure.amount]
        if categories:
            texts = [
                f"{n}.{_line_name(line)}{self.money(line.figure)}"
                f"{self.share(line.figure, 'general_budget.expenditure')}。"
                for n, line in enumerate(categories, 1)
            ]
            sections.append(Section("（二）一般公共预算财政拨款支出决算结构情况", texts, 2))
        details = [line for line in lines if line.level != "类" and line.figure.amount]
        if details:
            sections.append(
                Section(
                    "（三）一般公共预算财政拨款支出决算具体情况",
                    [self.detail(n, line) for n, line in enumerate(details, 1)],
                    2,
                )
            )
        return sections

    def detail(self, n: int, line: FunctionalLine) -> str:
        figure = line.figure
        text = f"{n}.{_line_name(line)}：支出决算数为{self.money(figure)}"
        text += self.change(figure, since="比上年决算")
        versus = self.versus_budget(figure)
        if versus:
            text += f"；{versus}"
        return text + self.reason(figure) + "。"

    def basic(self) -> list[str]:
        basic = self.get("general_budget.basic")
        if basic is None:
            return []
        listed = self.listing(
            "general_budget.basic", ["general_budget.personnel", "general_budget.operating"]
        )
        return [
            f"{self.year}一般公共预算财政拨款基本支出{self.money(basic)}"
            + (f"，其中：{listed}。" if listed else "。")
        ]

    def fund(self, key: str, name: str) -> list[str]:
        figure = self.get(key)
        if figure is None or figure.amount is None or figure.amount.value == 0:
            return [f"本单位本年度无{name}财政拨款收入、支出及结转和结余。"]
        return [f"{self.year}{name}财政拨款收入{self.money(figure)}。"]

    def sangong(self) -> list[str]:
        total = self.get("sangong.total")
        if total is None:
            return []
        items = ["sangong.outbound", "sangong.vehicles", "sangong.reception"]
        lines = []
        text = f"{self.year}财政拨款“三公”经费支出{self.money(total)}{self.change(total)}"
        text += self.reason(total) + "。"
        parts = []
        for key in items:
            figure = self.get(key)
            if figure is not None:
                parts.append(
                    f"{label_of(key)}支出{self.money(figure)}"
                    f"{self.share(figure, 'sangong.total')}{self.change(figure)}"
                )
        if parts:
            text += f"其中：{'；'.join(parts)}。"
        lines.append(text)
        vehicles = self.get("sangong.vehicles")
        split = [
            f"{label_of(k)}{self.money(f)}"
            for k in ("sangong.vehicle_purchase", "sangong.vehicle_operation")
            if (f := self.get(k)) is not None
        ]
        if vehicles is not None and split:
            lines.append(
                f"公务用车购置及运行维护费{self.money(vehicles)}，其中：{'，'.join(split)}。"
            )
        budgets = [
            self.versus_budget(f, name=label_of(k), kind="全年预算")
            for k in (
                "sangong.outbound",
                "sangong.vehicle_purchase",
                "sangong.vehicle_operation",
                "sangong.reception",
            )
            if (f := self.get(k)) is not None and f.budget is not None
        ]
        overall = self.versus_budget(total, name="财政拨款“三公”经费支出", kind="全年预算")
        if overall or budgets:
            text = "与全年预算相比，" + (f"{overall}。" if overall else "")
            if budgets:
                text += ("其中：" if overall else "") + "；".join(budgets) + "。"
            lines.append(text)
        return lines

    def office_running(self) -> list[str]:
        figure = self.get("office_running")
        if figure is None:
            return []
        return [
            f"{self.year}机关运行经费支出{self.money(figure)}{self.change(figure)}"
            f"{self.reason(figure)}。"
        ]

    def procurement(self) -> list[str]:
        total = self.get("procurement.total")
        if total is None:
            return []
        parts = [
            f"{label_of(k)}{self.money(f)}"
            for k in ("procurement.goods", "procurement.works", "procurement.services")
            if (f := self.get(k)) is not None
        ]
        lines = [
            f"{self.year}政府采购支出总额{self.money(total)}"
            + (f"，其中：{'、'.join(parts)}。" if parts else "。")
        ]
        sme, small = self.get("procurement.sme"), self.get("procurement.small_micro")
        if sme is not None:
            text = f"授予中小企业合同金额{self.money(sme)}"
            text += self.share(sme, "procurement.total", explicit=True)
            if small is not None:
                text += f"，其中：授予小微企业合同金额{self.money(small)}"
                text += self.share(small, "procurement.total", explicit=True)
            lines.append(text + "。")
        return lines

    def assets(self) -> list[str]:
        parts = []
        for quantity_key, value_key, unit in (
            ("assets.building_area", "assets.building_value", "平方米"),
            ("assets.vehicles", "assets.vehicles_value", "辆"),
        ):
            quantity, value = self.get(quantity_key), self.get(value_key)
            name = "房屋" if quantity_key == "assets.building_area" else "车辆"
            if quantity is not None and quantity.amount is not None:
                text = f"{name}{number(quantity.amount.value)}{unit}"
                if value is not None:
                    text += f"，价值{self.money(value)}"
                parts.append(text)
        if not parts:
            return []
        year = self.accounts.year
        when = f"截至{year}年12月31日，" if year else "截至年末，"
        return [when + "。".join(parts) + "。"]


def _line_name(line: FunctionalLine) -> str:
    text = f"{line.category}（类）"
    if line.section:
        text += f"{line.section}（款）"
    if line.item:
        text += f"{line.item}（项）"
    return text


GLOSSARY = (
    "一、财政拨款收入：指本级财政当年拨付的资金。",
    "二、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "三、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    "四、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "五、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "六、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的"
    "基本支出中的公用经费支出。",
)


def explanation_sections(accounts: FinalAccounts, *, glossary: bool = False) -> list[Section]:
    """The standard sections of a 决算情况说明, written from the figures."""
    w = _Writer(accounts)
    sections = [
        Section("单位人员情况", w.staffing(), 0),
        Section("一、收入支出决算总体情况说明", w.overview()),
        Section("二、收入决算情况说明", w.income()),
        Section("三、支出决算情况说明", w.expenditure()),
        Section("四、财政拨款收入支出决算总体情况说明", w.fiscal()),
        Section("五、一般公共预算财政拨款支出决算情况说明"),
        *w.general_budget(),
        Section("六、一般公共预算财政拨款基本支出决算情况说明", w.basic()),
        Section(
            "七、政府性基金预算财政拨款收入支出决算情况说明",
            w.fund("fiscal.government_fund", "政府性基金预算"),
        ),
        Section(
            "八、国有资本经营预算财政拨款收入支出决算情况说明",
            w.fund("fiscal.state_capital", "国有资本经营预算"),
        ),
        Section("九、财政拨款“三公”经费支出决算情况说明", w.sangong()),
        Section("十、其他重要事项的情况说明"),
        Section("（一）机关运行经费支出情况", w.office_running(), 2),
        Section("（二）政府采购情况", w.procurement(), 2),
        Section("（三）国有资产占用情况说明", w.assets(), 2),
    ]
    if glossary:
        sections.append(Section("名词解释", list(GLOSSARY)))
    return sections


def write_explanation(
    accounts: FinalAccounts, path: Path, *, unit: str | None = None, glossary: bool = False
) -> None:
    """Write the explanation as a Word file."""
    import docx  # python-docx

    document = docx.Document()
    name = unit or accounts.unit or ""
    year = f"{accounts.year}年度" if accounts.year else ""
    document.add_heading(f"{name}{year}部门决算情况说明", level=0)
    for section in explanation_sections(accounts, glossary=glossary):
        if section.level == 0 and not section.paragraphs:
            continue
        document.add_heading(section.heading, level=max(section.level, 1))
        for text in section.paragraphs or (["无。"] if section.level == 2 else []):
            document.add_paragraph(text)
    document.save(str(path))
