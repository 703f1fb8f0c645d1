"""JX605: 完成预算的 Z% or 预决算差异率 does not follow from budget and actual."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.accounts.analysis import (
    Verdict,
    clause_before,
    current_amount,
    figure_name,
    judge_percent,
    ratio,
    statements,
    variance,
)
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import growth_interval, share_interval
from jixiao.model.accounts import AccountFigure, FinalAccounts, Printed
from jixiao.model.document import Document

_NAMED_BASE = re.compile(r"(年初|全年|调整后?|年度)?预算(数)?的?$|差异率|偏差率|差异")


def _unnamed_base(document: Document, printed: Printed, kind: str) -> str:
    """A doubt to state when the rate does not name the budget it is taken of.

    "完成年初预算的P%" names its base; "预算执行率为P%" does not, and an execution rate is
    usually taken of the adjusted budget, which may differ from the one printed."""
    cue = clause_before(document, printed).rstrip("为达是约")
    if not cue or _NAMED_BASE.search(cue) or kind == "预算":
        return ""
    return (
        f"；原文未写明该比率以哪一预算数为基数（执行率通常以调整后预算为基数），此处按{kind}数核对"
    )


class BudgetExecution(Check):
    """完成预算比例或预决算差异率与预算数、决算数不符。

    完成预算 = 决算数 / 预算数 × 100%；预决算差异率 = (决算数 − 预算数) / 预算数 × 100%（比较
    绝对值，部分地区只写差异的大小）。预算数为 0 时两者都无从计算：写出“完成预算的 17%”是不可能
    的百分比（错误）；预算为 0 而有决算支出时，以“提示”说明属年初未安排预算的支出。预算数与决算
    数各带印出精度的舍入区间，原文比例落在二者允许的区间之外才算错；截尾报“警告”。
    反例：公务接待费预算 0 万元，决算 0.48 万元，“完成预算的 17%”。
    正例：年初预算数 1,612.88 万元，决算数 3,530.15 万元，预决算差异率 118.87%。
    """

    code = "JX605"
    title = "预算完成比例或预决算差异率错误"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            for figure in statements(accounts):
                actual = current_amount(accounts, figure)
                if figure.budget is None or actual is None:
                    continue
                yield from self._check(
                    context.document, index, accounts, figure, figure.budget, actual
                )

    def _check(
        self,
        document: Document,
        index: int | None,
        accounts: FinalAccounts,
        figure: AccountFigure,
        budget: Printed,
        actual: Printed,
    ) -> Iterator[Finding]:
        name = figure_name(figure)
        kind = figure.budget_kind or "预算"
        stated = (
            (
                "完成预算的比例",
                figure.completion,
                ratio(actual.value, budget.value),
                share_interval(actual.value, budget.value),
            ),
            (
                "预决算差异率",
                figure.variance_rate,
                variance(actual.value, budget.value),
                growth_interval(actual.value, budget.value),
            ),
        )
        printed_any = False
        for what, printed, truth, allowed in stated:
            if printed is None:
                continue
            printed_any = True
            if truth is None:
                if actual.value == 0 and printed.value == 0 and what == "预决算差异率":
                    continue  # 0 budget, 0 spent: no difference
                yield self.finding(
                    f"{name} {kind}数为 0，{what}无从计算，原文却写 {printed.text}"
                    f"（决算数 {money(actual.value)}）",
                    location=location(index, accounts, figure.key, printed, figure),
                    claimed=printed.value,
                    expected="无法计算（预算数为0）",
                )
                continue
            judged = judge_percent(printed.value, truth, allowed)
            if judged.verdict is Verdict.EXACT:
                continue
            doubt = _unnamed_base(document, printed, kind)
            yield self.finding(
                f"{name} {kind}数 {money(budget.value)}，决算数 {money(actual.value)}，"
                f"{what}应为 {judged.expected}%，原文为 {printed.text}{judged.note()}{doubt}",
                location=location(index, accounts, figure.key, printed, figure),
                claimed=printed.value,
                expected=judged.expected,
                severity=(
                    Severity.WARNING
                    if judged.verdict is Verdict.TRUNCATED or doubt
                    else self.severity
                ),
                tolerance=judged.tolerance,
            )
        if budget.value == 0 and actual.value > 0 and not printed_any:
            yield self.finding(
                f"{name} {kind}数为 0，决算数 {money(actual.value)}：属年初未安排预算的支出，"
                "请在说明中写明原因",
                location=location(index, accounts, figure.key, budget, figure),
                claimed=budget.value,
                severity=Severity.INFO,
            )
