"""The 情况说明's sections 四 and 五 (财政拨款 income, expenditure and its functional lines)."""

from __future__ import annotations

from jixiao.accounts.concepts import label_of
from jixiao.model.accounts import FunctionalLine
from jixiao.render.explanation_writer import Section, Writer


class FiscalSections(Writer):
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


def _line_name(line: FunctionalLine) -> str:
    text = f"{line.category}（类）"
    if line.section:
        text += f"{line.section}（款）"
    if line.item:
        text += f"{line.item}（项）"
    return text
