"""The figure sections of a 情况说明, written so that every percentage in it is right by
construction.

The sections and their wording follow the standard template (一、收入支出决算总体情况说明 …).
Amounts are written as given (their printed precision kept); every share, growth rate,
completion rate and budget-vs-actual difference rate is computed from them and rounded
half-up at two places (rules.md R5.3). Where a rate is undefined (上年 or 预算 is 0) the text
says so instead of printing a number. An amount that ``jixiao accounts`` flags is never
copied: its corrected value is written and marked, or a 【待核实】 marker with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.accounts.analysis import growth, percent_text, ratio, variance
from jixiao.accounts.concepts import label_of
from jixiao.model.accounts import AccountFigure, FinalAccounts
from jixiao.render.explanation_source import SourceExplanation

ZERO = Decimal(0)


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    level: int = 1  # 0: a preamble before the numbered sections; 3: a sub-heading


@dataclass(frozen=True)
class Correction:
    """A flagged amount: its right value when the check knows it (else ``None``), and why."""

    value: Decimal | None
    reason: str


Corrections = dict[tuple[int, int], Correction]  # (paragraph, start) of the printed amount


def number(value: Decimal) -> str:
    """An amount as printed: thousands separators, the given decimal places."""
    return format(value, ",")


class Writer:
    def __init__(self, accounts: FinalAccounts, corrections: Corrections | None = None) -> None:
        self.accounts = accounts
        self.corrections = corrections or {}
        self.year = f"{accounts.year}年度" if accounts.year else "本年度"
        self.source: SourceExplanation | None = None

    def get(self, key: str) -> AccountFigure | None:
        figure = self.accounts.get(key)
        return figure if figure is not None and figure.amount is not None else None

    def correction(self, figure: AccountFigure) -> Correction | None:
        at = figure.amount.source if figure.amount is not None else None
        if at is None or at.paragraph is None or at.start is None:
            return None
        return self.corrections.get((at.paragraph, at.start))

    def value(self, figure: AccountFigure | None) -> Decimal | None:
        """The amount to compute with: the corrected one, ``None`` when it is in doubt."""
        if figure is None or figure.amount is None:
            return None
        fixed = self.correction(figure)
        return figure.amount.value if fixed is None else fixed.value

    def amount(self, key: str) -> Decimal | None:
        return self.value(self.accounts.get(key))

    def money(self, figure: AccountFigure, value: Decimal | None = None) -> str:
        if value is not None:
            return f"{number(value)}{figure.unit}"
        fixed = self.correction(figure)
        printed = figure.amount.text if figure.amount is not None else ""
        if fixed is None:
            amount = figure.amount.value if figure.amount else ZERO
            return f"{number(amount)}{figure.unit}"
        if fixed.value is None:
            return f"【待核实：原文为{printed}，{fixed.reason}】"
        return f"{number(fixed.value)}{figure.unit}（原文为{printed}，已更正，见文末数字核对说明）"

    def share(self, figure: AccountFigure, base_key: str, *, explicit: bool = False) -> str:
        base, part = self.amount(base_key), self.value(figure)
        if part is None or base is None:
            return ""
        value = ratio(part, base)
        if value is None:
            return ""
        whole = f"{label_of(base_key)}的" if explicit else ""
        return f"，占{whole}{percent_text(value)}"

    def reason(self, figure: AccountFigure) -> str:
        return f"，主要原因是：{figure.reason.rstrip('。')}" if figure.reason else ""

    def change(self, figure: AccountFigure, *, since: str = "比上年") -> str:
        """``，比上年增加 C万元，增长 G%`` from the amount and the change (or previous)."""
        base, current = self.base(figure), self.value(figure)
        if base is None or current is None:
            return ""
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
        actual = self.value(figure)
        if figure.budget is None or actual is None:
            return ""
        kind = kind or figure.budget_kind or "年初预算"
        budget = figure.budget.value
        text = f"{name}{kind}数{self.money(figure, budget)}，决算数{self.money(figure)}"
        if budget == 0:
            return text + ("，预决算差异率0.00%" if actual == 0 else "，年初未安排预算")
        if figure.completion is not None and figure.variance_rate is None:
            completion = ratio(actual, budget)
            assert completion is not None
            return text + f"，完成{kind}的{percent_text(completion)}" + self.variance_reason(figure)
        rate = variance(actual, budget)
        assert rate is not None
        return text + f"，预决算差异率{percent_text(rate)}" + self.variance_reason(figure)

    def variance_reason(self, figure: AccountFigure) -> str:
        """The source's reason for a budget-vs-actual difference, printed after its rate."""
        printed = figure.variance_rate or figure.completion or figure.budget
        at = printed.source if printed is not None else None
        if self.source is None or at is None or at.paragraph is None or at.end is None:
            return ""
        found = self.source.reason_after(at.paragraph, at.end)
        if not found or found == (figure.reason or "").rstrip("。"):
            return ""
        return f"，主要原因是：{found}"

    def listing(self, whole: str, keys: list[str], *, explicit_base: bool = False) -> str:
        parts = []
        for key in keys:
            figure = self.get(key)
            if figure is not None:
                share = self.share(figure, whole, explicit=explicit_base)
                parts.append(f"{label_of(key)}{self.money(figure)}{share}")
        return "；".join(parts)

    # --- sections ----------------------------------------------------------------------
