"""The 情况说明's staffing preamble and sections 一 to 三 (all income and expenditure)."""

from __future__ import annotations

from jixiao.accounts.concepts import label_of
from jixiao.render.explanation_writer import Writer, number


class BudgetSections(Writer):
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
        return self._breakdown(
            "本年收入",
            "income.current",
            [
                "income.fiscal_appropriation",
                "income.superior_subsidy",
                "income.operations",
                "income.business",
                "income.affiliated_remittance",
                "income.other",
            ],
        )

    def expenditure(self) -> list[str]:
        return self._breakdown(
            "本年支出",
            "expenditure.current",
            [
                "expenditure.basic",
                "expenditure.project",
                "expenditure.remittance_to_superior",
                "expenditure.business",
                "expenditure.affiliated_subsidy",
            ],
        )

    def _breakdown(self, label: str, total_key: str, keys: list[str]) -> list[str]:
        """``本年收入X万元，其中：A万元，占a%；…。`` for a total and its listed parts."""
        total = self.get(total_key)
        if total is None:
            return []
        listed = self.listing(total_key, keys)
        return [f"{label}{self.money(total)}" + (f"，其中：{listed}。" if listed else "。")]
