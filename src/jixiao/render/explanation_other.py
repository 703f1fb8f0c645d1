"""The 情况说明's sections from 六 (基本支出) to the other important matters (机关运行经费,
政府采购, 国有资产), written from the figures, with what only the source says (composition
lists, 三公 counts) imported from it."""

from __future__ import annotations

from jixiao.accounts.concepts import label_of
from jixiao.render.explanation_budget import BudgetSections
from jixiao.render.explanation_fiscal import FiscalSections
from jixiao.render.explanation_writer import number


class ExplanationWriter(BudgetSections, FiscalSections):
    def basic(self) -> list[str]:
        basic = self.get("general_budget.basic")
        if basic is None:
            return []
        parts = []
        for key in ("general_budget.personnel", "general_budget.operating"):
            figure = self.get(key)
            if figure is None:
                continue
            share = self.share(figure, "general_budget.basic", explicit=True)
            text = f"{label_of(key)}{self.money(figure)}{share}"
            listed = self.source.composition(label_of(key)) if self.source else None
            parts.append(text + (f"，主要包括：{listed}" if listed else ""))
        listed = "；".join(parts)
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
        details = self.source.details("sangong") if self.source else []
        if details:
            lines.append("具体情况如下：" + "".join(details))
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
