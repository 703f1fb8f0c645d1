"""Small builders shared by the final-accounts tests."""

from __future__ import annotations

from jixiao.accounts.analysis import final_accounts_in
from jixiao.cli.commands.accounts import check_accounts
from jixiao.model.accounts import FinalAccounts
from jixiao.model.document import Document, Paragraph


def document(*texts: str) -> Document:
    return Document(paragraphs=[Paragraph(text=t) for t in texts])


def accounts_of(*texts: str) -> FinalAccounts:
    found = final_accounts_in(document(*texts))
    assert found, "no figures extracted"
    return found[0][1]


def codes(*texts: str, severity: str | None = None) -> list[str]:
    return [
        f.code
        for f in check_accounts(document(*texts))
        if severity is None or f.severity.value == severity
    ]
