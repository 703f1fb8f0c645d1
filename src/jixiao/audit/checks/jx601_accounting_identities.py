"""JX601: the totals of the final accounts do not balance."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.accounts.analysis import EQUALITIES, IDENTITIES, printed_parts
from jixiao.accounts.concepts import label_of
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumVerdict, judge_sum, sum_tolerance
from jixiao.model.accounts import FinalAccounts


class AccountingIdentities(Check):
    """决算收支总量不平衡。

    收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 +
    结余分配 + 年末结转和结余；收入总计 = 支出总计；财政拨款收入总计 = 年初财政拨款结转和结余 +
    本年财政拨款收入，财政拨款支出总计 = 本年财政拨款支出 + 年末财政拨款结转和结余，二者相等。
    “财政拨款收、支总计”减去本年财政拨款收入即年初财政拨款结转和结余，不能超过单位全部的
    年初结转和结余。
    反例：收入总计 500.00 万元，本年收入合计 450.00 万元，年初结转和结余 30.00 万元（差 20 万元）。
    正例：各项之差不超过各数四舍五入的容差（每个数 ±0.005 万元）；在容差内的尾差以“提示”报告。
    """

    code = "JX601"
    title = "决算收支总量不平衡"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            yield from self._identities(index, accounts)
            yield from self._equalities(index, accounts)
            yield from self._fiscal_carryover(index, accounts)

    def _identities(self, index: int | None, accounts: FinalAccounts) -> Iterator[Finding]:
        for group in IDENTITIES:
            total = accounts.get(group.total)
            parts = printed_parts(accounts, group.parts)
            if total is None or total.amount is None or not set(group.required) <= set(parts):
                continue
            judged = judge_sum(total.amount.value, [p.value for p in parts.values()])
            if judged.verdict is SumVerdict.EXACT:
                continue
            formula = " + ".join(f"{label_of(k)} {money(p.value)}" for k, p in parts.items())
            rounding = judged.verdict is SumVerdict.ROUNDING
            yield self.finding(
                f"{label_of(group.total)} {money(total.amount.value)}，而 {formula} = "
                f"{money(judged.computed)}，相差 {money(judged.difference)}"
                + ("（在各数四舍五入的容差内，属尾差）" if rounding else ""),
                location=location(index, accounts, group.total, total.amount, total),
                claimed=total.amount.value,
                expected=judged.computed,
                severity=Severity.INFO if rounding else self.severity,
                tolerance=f"±{judged.tolerance}（每个数按原文精度 ±半个末位单位）",
            )

    def _equalities(self, index: int | None, accounts: FinalAccounts) -> Iterator[Finding]:
        for left_key, right_key in EQUALITIES:
            left, right = accounts.get(left_key), accounts.get(right_key)
            if left is None or right is None or left.amount is None or right.amount is None:
                continue
            a, b = left.amount.value, right.amount.value
            if a == b:
                continue
            tolerance = sum_tolerance([a, b])
            rounding = abs(a - b) <= tolerance
            yield self.finding(
                f"{label_of(left_key)} {money(a)} 与 {label_of(right_key)} {money(b)} 应相等"
                + ("（差额在四舍五入容差内）" if rounding else ""),
                location=location(index, accounts, right_key, right.amount, right),
                claimed=b,
                expected=a,
                severity=Severity.INFO if rounding else self.severity,
                tolerance=f"±{tolerance}",
            )

    def _fiscal_carryover(self, index: int | None, accounts: FinalAccounts) -> Iterator[Finding]:
        """财政拨款收支总计 − 本年财政拨款收入 = 年初财政拨款结转和结余 ≤ 全部年初结转和结余."""
        key = "fiscal.overall" if accounts.get("fiscal.overall") else "fiscal.income_total"
        overall = accounts.get(key)
        fiscal = accounts.amount("income.fiscal_appropriation")
        if overall is None or overall.amount is None or fiscal is None:
            return
        implied = overall.amount.value - fiscal
        carryover = accounts.amount("income.opening_carryover")
        basis = f"年初结转和结余 {money(carryover)}" if carryover is not None else ""
        if carryover is None:
            total = accounts.amount("overall")
            total = accounts.amount("income.total") if total is None else total
            current = accounts.amount("income.current")
            if total is None or current is None:
                return
            surplus = accounts.amount("income.non_fiscal_surplus_used") or Decimal(0)
            carryover = total - current - surplus
            basis = (
                f"收入总计 {money(total)} 与本年收入合计 {money(current)} 之差即全部年初结转和结余 "
                f"{money(carryover)}"
            )
        if implied <= carryover + sum_tolerance([overall.amount.value, fiscal, carryover]):
            return
        yield self.finding(
            f"{label_of(key)} {money(overall.amount.value)} 减去本年财政拨款收入 "
            f"{money(fiscal)}，意味着年初财政拨款结转和结余 {money(implied)}；但{basis}，"
            "财政拨款的结转和结余不可能超过全部结转和结余。财政拨款收、支总计疑似误填为全部收、支总计",
            location=location(index, accounts, key, overall.amount, overall),
            claimed=overall.amount.value,
            expected=fiscal + max(carryover, Decimal(0)),
        )
