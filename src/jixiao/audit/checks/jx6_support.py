"""Shared helpers of the final-accounts checks (JX6xx): locations and wording."""

from __future__ import annotations

from decimal import Decimal

from jixiao.accounts.analysis import final_accounts_in
from jixiao.audit.framework import AuditContext, Location
from jixiao.model.accounts import AccountFigure, FinalAccounts, Printed


def location(
    index: int | None,
    accounts: FinalAccounts,
    field: str | None,
    printed: Printed | None = None,
    figure: AccountFigure | None = None,
) -> Location:
    """Point at the printed figure, else at the sentence of its statement."""
    source = printed.source if printed is not None else None
    if source is None and figure is not None:
        source = figure.sentence
    return Location(form=index, form_name=accounts.name, field=field, source=source)


def money(value: Decimal, unit: str = "万元") -> str:
    return f"{value}{unit}"


def accounts_in(context: AuditContext) -> list[tuple[int | None, FinalAccounts]]:
    """The document's final accounts (its forms, else read from its paragraphs), read once
    for all the JX6xx checks of an audit."""
    return context.shared("accounts", lambda: final_accounts_in(context.document))
