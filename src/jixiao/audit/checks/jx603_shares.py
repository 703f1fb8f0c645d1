"""JX603: a printed share (占比) is not part / whole."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.accounts.analysis import (
    COMPONENTS,
    HUNDRED,
    SANGONG_ITEMS,
    Verdict,
    figure_name,
    judge_percent,
    printed_parts,
    ratio,
    statements,
    whole,
)
from jixiao.accounts.concepts import FUNCTIONAL_BASE, label_of
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumVerdict, judge_sum, share_interval, sum_tolerance
from jixiao.model.accounts import FinalAccounts, Printed


class Shares(Check):
    """占比与“分项 ÷ 合计”不符。

    占比 = 分项 / 合计 × 100%，合计取原文写明的口径（“占本年支出合计的”），未写明时取该项通常的
    合计（各项收入占本年收入合计，基本支出、项目支出占本年支出合计，人员经费、公用经费占基本
    支出，各“类”占一般公共预算财政拨款支出，“三公”各项占“三公”经费合计）。分项与合计各带其印出
    精度的舍入区间（±末位半个单位），原文占比落在二者允许的区间之外才算错；截尾报“警告”；
    把比值直接写成百分数（应写 79.15% 却写 0.79%）单独指出。分项齐全时，
    各项占比之和应约为 100%。
    反例：一般公共服务（类）支出 171.38 万元，占 0.79%（应为 79.15%）。
    正例：其他收入 602.01 万元，占本年收入 4,132.16 万元的 14.57%。
    """

    code = "JX603"
    title = "占比计算错误"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            yield from self._each(index, accounts)
            yield from self._totals(index, accounts)

    def _each(self, index: int | None, accounts: FinalAccounts) -> Iterator[Finding]:
        for figure in statements(accounts):
            if figure.share is None or figure.amount is None or figure.share_base is None:
                continue
            base = whole(accounts, figure.share_base)
            if base is None or base.amount is None:
                continue
            total = base.amount.value
            truth = ratio(figure.amount.value, total)
            if truth is None:
                continue
            allowed = share_interval(figure.amount.value, total)
            judged = judge_percent(figure.share.value, truth, allowed)
            if judged.verdict is Verdict.EXACT:
                continue
            yield self.finding(
                f"{figure_name(figure)} {money(figure.amount.value, figure.unit)} 占"
                f"{label_of(figure.share_base)} {money(total, figure.unit)} 的比例应为 "
                f"{judged.expected}%，原文为 {figure.share.text}{judged.note()}",
                location=location(index, accounts, figure.key, figure.share, figure),
                claimed=figure.share.value,
                expected=judged.expected,
                severity=Severity.WARNING if judged.verdict is Verdict.TRUNCATED else self.severity,
                tolerance=judged.tolerance,
            )

    def _totals(self, index: int | None, accounts: FinalAccounts) -> Iterator[Finding]:
        groups: list[tuple[str, dict[str, Printed], dict[str, Printed]]] = [
            (
                group.total,
                printed_parts(accounts, group.parts),
                printed_parts(accounts, group.parts, "share"),
            )
            for group in COMPONENTS
        ]
        groups.append(
            (
                "sangong.total",
                printed_parts(accounts, SANGONG_ITEMS),
                printed_parts(accounts, SANGONG_ITEMS, "share"),
            )
        )
        categories = [line for line in accounts.general_budget.lines if line.level == "类"]
        groups.append(
            (
                FUNCTIONAL_BASE,
                {c.category: c.figure.amount for c in categories if c.figure.amount},
                {c.category: c.figure.share for c in categories if c.figure.share},
            )
        )
        for total_key, amounts, shares in groups:
            base = whole(accounts, total_key)
            total = base.amount.value if base is not None and base.amount is not None else None
            unshared = {k for k, p in amounts.items() if p.value != 0} - set(shares)
            if total is None or len(shares) < 2 or unshared or not set(shares) <= set(amounts):
                continue
            if judge_sum(total, [p.value for p in amounts.values()]).verdict is SumVerdict.WRONG:
                continue  # the parts are incomplete or wrong: JX602 reports it
            values = [p.value for p in shares.values()]
            printed_sum: Decimal = sum(values, Decimal(0))
            tolerance = sum_tolerance(values)
            if abs(printed_sum - HUNDRED) <= tolerance:
                continue
            first = next(iter(shares.values()))
            listed = "、".join(f"{name} {p.text}" for name, p in shares.items())
            yield self.finding(
                f"{label_of(total_key)} 的各分项占比（{listed}）合计 {printed_sum}%，"
                f"分项金额合计等于总额，占比之和应约为 100%",
                location=location(index, accounts, total_key, first),
                claimed=printed_sum,
                expected=HUNDRED,
                tolerance=f"±{tolerance}",
            )
