"""JX602: a total differs from the sum of its printed components."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.accounts.analysis import (
    COMPONENTS,
    category_key,
    printed_parts,
    whole,
)
from jixiao.accounts.concepts import FUNCTIONAL_BASE, FUNCTIONAL_KEY, label_of
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumJudgement, SumVerdict, judge_sum
from jixiao.model.accounts import AccountFigure, FinalAccounts, FunctionalLine, Printed

_ATTRIBUTES = {"amount": "", "budget": "预算数", "change": "增减额"}


class ComponentSums(Check):
    """合计数与所列分项之和不符。

    本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入；
    本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；
    基本支出 = 人员经费 + 公用经费；政府采购支出总额 = 货物 + 工程 + 服务；实有人数 = 在职 + 离休 +
    退休；一般公共预算财政拨款支出 = 各“类”之和，每“类” = 所列该类各“项”之和（决算数、预算数、
    增减额均核对）。只在原文列出至少两个分项时核对，未列出的分项按 0 计。
    反例：本年支出合计 217.91 万元，其中基本支出 175.24 万元、项目支出 40.67 万元（合计 215.91）。
    正例：差额不超过各数四舍五入的容差；容差内的尾差以“提示”报告。
    """

    code = "JX602"
    title = "合计数与分项之和不符"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            for group in COMPONENTS:
                total = accounts.get(group.total)
                parts = printed_parts(accounts, group.parts)
                if total is not None and total.amount is not None and len(parts) >= 2:
                    named = {label_of(key): printed for key, printed in parts.items()}
                    yield from self._report(
                        index, accounts, total, total.amount, label_of(group.total), named, ""
                    )
            yield from self._functional(index, accounts)

    def _report(
        self,
        index: int | None,
        accounts: FinalAccounts,
        figure: AccountFigure,
        total: Printed,
        name: str,
        parts: dict[str, Printed],
        what: str,
        hint: str = "",
    ) -> Iterator[Finding]:
        judged: SumJudgement = judge_sum(total.value, [p.value for p in parts.values()])
        if judged.verdict is SumVerdict.EXACT:
            return
        rounding = judged.verdict is SumVerdict.ROUNDING
        unit = figure.unit
        listed = "、".join(f"{label} {money(p.value, unit)}" for label, p in parts.items())
        yield self.finding(
            f"{name}{what} {money(total.value, unit)}，所列分项（{listed}）"
            f"合计 {money(judged.computed, unit)}，相差 {money(judged.difference, unit)}"
            + ("（在各数四舍五入的容差内，属尾差）" if rounding else "")
            + hint,
            location=location(index, accounts, figure.key, total, figure),
            claimed=total.value,
            expected=judged.computed,
            severity=Severity.INFO if rounding else self.severity,
            tolerance=f"±{judged.tolerance}（每个数按原文精度 ±半个末位单位）",
        )

    def _functional(self, index: int | None, accounts: FinalAccounts) -> Iterator[Finding]:
        lines = accounts.general_budget.lines
        categories = [line for line in lines if line.level == "类"]
        details = [line for line in lines if line.level != "类"]
        category_names = {category_key(c.category) for c in categories}
        for category in categories:
            members = [
                d for d in details if category_key(d.category) == category_key(category.category)
            ]
            hint = _misfiled(members, category_names)
            yield from self._lines(index, accounts, category, members, hint)
        total = whole(accounts, FUNCTIONAL_BASE)
        if total is None:
            return
        members = categories if len(categories) >= 2 else details if not categories else []
        if len(members) >= 2:
            wrapper = FunctionalLine(level="类", category=label_of(FUNCTIONAL_BASE), figure=total)
            yield from self._lines(index, accounts, wrapper, members, "")

    def _lines(
        self,
        index: int | None,
        accounts: FinalAccounts,
        whole: FunctionalLine,
        members: list[FunctionalLine],
        hint: str,
    ) -> Iterator[Finding]:
        if not members:
            return
        for attribute, what in _ATTRIBUTES.items():
            total = getattr(whole.figure, attribute)
            values = [getattr(m.figure, attribute) for m in members]
            if total is None or any(v is None for v in values):
                continue
            parts = {_line_name(m): v for m, v in zip(members, values, strict=True)}
            yield from self._report(
                index, accounts, whole.figure, total, _line_name(whole), parts, what, hint
            )


def _line_name(line: FunctionalLine) -> str:
    if line.figure.key != FUNCTIONAL_KEY:
        return label_of(FUNCTIONAL_BASE)
    names = [f"{line.category}（类）"]
    if line.section:
        names.append(f"{line.section}（款）")
    if line.item:
        names.append(f"{line.item}（项）")
    return "".join(names)


def _misfiled(members: list[FunctionalLine], categories: set[str]) -> str:
    """A 款 named like another 类 (社会保障和就业支出（款）under 一般公共服务) is misfiled."""
    names = sorted(
        {
            m.section
            for m in members
            if m.section
            and category_key(m.section) in categories
            and category_key(m.section) != category_key(m.category)
        }
    )
    if not names:
        return ""
    return f"；其中“{'、'.join(names)}”写在（款）的位置，却是类级科目名称，科目归类疑似有误"
