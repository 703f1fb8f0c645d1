"""Small builders shared by the final-accounts tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.accounts.analysis import final_accounts_in
from jixiao.accounts.text import paragraphs_from_text
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


SEEDS = {"001": "001_f72086248b817071.txt", "004": "004_28f8349cd1ae9b03.txt"}


def seed_document(shared: Path, seed: str) -> Document:
    path = shared / "seeds" / SEEDS[seed]
    if not path.is_file():
        pytest.skip(f"种子文件 {path} 不存在")
    return Document(paragraphs=paragraphs_from_text(path.read_text(encoding="utf-8")))
