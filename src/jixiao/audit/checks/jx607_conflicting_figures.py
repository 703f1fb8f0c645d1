"""JX607: the same item is stated with different amounts in different places."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.accounts.analysis import figure_name, statements
from jixiao.accounts.concepts import FUNCTIONAL_KEY
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.accounts import AccountFigure


def _identity(figure: AccountFigure) -> tuple[str, str] | None:
    if figure.key is None or figure.amount is None:
        return None
    if figure.key == FUNCTIONAL_KEY:  # lines are the same line when their names are
        return figure.key, figure.label.lstrip("0123456789.、")
    return figure.key, figure.unit


class ConflictingFigures(Check):
    """同一项目在不同位置的金额不一致。

    情况说明常把同一数字写两三遍（总体情况、结构情况、具体情况；“三公”总体与具体说明）。同一
    项目、同一单位的金额应处处相同；不同时以首次出现的数为准，指出后面的出处。
    反例：第二部分写财政拨款收入 3,530.15 万元，第四部分写本年财政拨款收入 3,350.15 万元。
    正例：各处均为 3,530.15 万元。
    """

    code = "JX607"
    title = "同一项目金额前后不一致"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, accounts in accounts_in(context):
            first: dict[tuple[str, str], AccountFigure] = {}
            for figure in statements(accounts):
                identity = _identity(figure)
                if identity is None or figure.amount is None:
                    continue
                earlier = first.setdefault(identity, figure)
                if earlier.amount is None or earlier.amount.value == figure.amount.value:
                    continue
                where = earlier.amount.source.describe() if earlier.amount.source else "前文"
                yield self.finding(
                    f"{figure_name(figure)} 此处为 {money(figure.amount.value, figure.unit)}，"
                    f"而{where}为 {money(earlier.amount.value, earlier.unit)}",
                    location=location(index, accounts, figure.key, figure.amount, figure),
                    claimed=figure.amount.value,
                    expected=earlier.amount.value,
                )
