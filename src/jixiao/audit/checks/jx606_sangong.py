"""JX606: the 三公经费 total differs from its items."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.accounts.analysis import SANGONG_ITEMS, VEHICLE_ITEMS, printed_parts
from jixiao.accounts.concepts import label_of
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumVerdict, judge_sum
from jixiao.model.accounts import FinalAccounts, Printed

_ATTRIBUTES = {"amount": "决算数", "budget": "预算数", "change": "比上年增减额"}


class SangongItems(Check):
    """“三公”经费合计与各项之和不符。

    “三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行
    维护费 = 公务用车购置费 + 公务用车运行维护费。决算数、预算数、比上年增减额分别核对。原文
    至少写出两项时核对，未写出的项按 0 计；公务用车费未写出时由购置费与运行维护费相加。
    反例：“三公”经费 9.09 万元，其中因公出国（境）费 0、公务用车 8.80 万元、公务接待费 0.39 万元。
    正例：9.09 = 0.00 + 8.80 + 0.29。
    """

    code = "JX606"
    title = "“三公”经费合计与分项不符"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            for attribute, what in _ATTRIBUTES.items():
                vehicles = printed_parts(accounts, VEHICLE_ITEMS, attribute)
                items = printed_parts(accounts, SANGONG_ITEMS, attribute)
                yield from self._sum(index, accounts, "sangong.vehicles", vehicles, attribute, what)
                if "sangong.vehicles" not in items and len(vehicles) == len(VEHICLE_ITEMS):
                    total = sum((p.value for p in vehicles.values()), Decimal(0))
                    items["sangong.vehicles"] = Printed(value=total, text=money(total))
                yield from self._sum(index, accounts, "sangong.total", items, attribute, what)

    def _sum(
        self,
        index: int | None,
        accounts: FinalAccounts,
        total_key: str,
        parts: dict[str, Printed],
        attribute: str,
        what: str,
    ) -> Iterator[Finding]:
        figure = accounts.get(total_key)
        total = getattr(figure, attribute, None) if figure is not None else None
        if figure is None or not isinstance(total, Printed) or not parts:
            return
        if len(parts) < 2:
            return
        judged = judge_sum(total.value, [p.value for p in parts.values()])
        if judged.verdict is SumVerdict.EXACT:
            return
        rounding = judged.verdict is SumVerdict.ROUNDING
        listed = " + ".join(f"{label_of(k)} {money(p.value)}" for k, p in parts.items())
        yield self.finding(
            f"{label_of(total_key)}{what} {money(total.value)}，而 {listed} = "
            f"{money(judged.computed)}" + ("（在四舍五入容差内，属尾差）" if rounding else ""),
            location=location(index, accounts, f"{total_key}.{attribute}", total, figure),
            claimed=total.value,
            expected=judged.computed,
            severity=Severity.INFO if rounding else self.severity,
            tolerance=f"±{judged.tolerance}",
        )
