"""Writing the 情况说明 from the figures: a real .docx, read back and extracted again."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from accounts_helpers import accounts_of, seed_document

from jixiao.accounts.extract import extract_accounts
from jixiao.accounts.text import paragraphs_from_docx
from jixiao.cli.commands.accounts import check_accounts
from jixiao.model.accounts import FinalAccounts
from jixiao.model.document import Document
from jixiao.render.explanation import explanation_sections, write_explanation

ATTRIBUTES = (
    "amount",
    "share",
    "change",
    "growth",
    "previous",
    "budget",
    "completion",
    "variance_rate",
)

PERCENTS = ("share", "growth", "completion", "variance_rate")


def facts(accounts: FinalAccounts) -> set[tuple[str, str, Decimal]]:
    return {
        (s.key, name, printed.value)
        for s in accounts.statements
        if s.key
        for name in ATTRIBUTES
        if (printed := getattr(s, name)) is not None
    }


def regenerate(accounts: FinalAccounts, path: Path) -> FinalAccounts:
    write_explanation(accounts, path)
    return extract_accounts(paragraphs_from_docx(path))


def test_seed004_regenerated_keeps_every_correct_figure(shared: Path, tmp_path: Path) -> None:
    document = seed_document(shared, "004")
    original = extract_accounts(document.paragraphs)
    flagged = {
        (f.location.source.paragraph, f.location.source.start)
        for f in check_accounts(document)
        if f.location.source is not None
    }
    correct = {
        (s.key, name, printed.value)
        for s in original.statements
        if s.key
        for name in ATTRIBUTES
        if (printed := getattr(s, name)) is not None
        and printed.source is not None
        and (printed.source.paragraph, printed.source.start) not in flagged
    }
    assert len(correct) > 150
    again = regenerate(original, tmp_path / "情况说明.docx")
    # A percentage that its rounded inputs allow (60.62% for 13.58 / (35.98 − 13.58)) is
    # correct as printed, and the writer prints the half-up value from the amounts (60.63%):
    # both agree to within one unit of the last printed digit.
    regenerated = facts(again)
    missing = {
        (key, name, value)
        for key, name, value in correct - regenerated
        if not (
            name in PERCENTS
            and any(
                k == key and n == name and abs(v - value) <= Decimal("0.01")
                for k, n, v in regenerated
            )
        )
    }
    assert missing == set()
    # the regenerated text is right by construction: only the printed figures' own tails remain
    rewritten = Document(paragraphs=paragraphs_from_docx(tmp_path / "情况说明.docx"))
    assert [f for f in check_accounts(rewritten) if f.severity.value != "info"] == []


def test_percentages_are_computed_half_up(tmp_path: Path) -> None:
    accounts = accounts_of(
        "本年支出3.00万元，其中：基本支出2.00万元，占50%；项目支出1.00万元，占50%。",
        "“三公”经费支出0.80万元，比上年减少0.20万元，下降5%。",
    )
    text = "\n".join(p for s in explanation_sections(accounts) for p in s.paragraphs)
    assert "占66.67%" in text and "占33.33%" in text
    assert "比上年减少0.20万元，下降20.00%" in text
    again = regenerate(accounts, tmp_path / "out.docx")
    basic = again.expenditure.basic
    assert basic is not None and basic.share is not None
    assert basic.share.value == Decimal("66.67")


def test_undefined_rates_are_not_printed() -> None:
    accounts = accounts_of(
        "公务接待费支出预算为0万元，支出决算为1.00万元。", "“三公”经费支出1.00万元。"
    )
    text = "\n".join(p for s in explanation_sections(accounts) for p in s.paragraphs)
    assert "年初未安排预算" in text
    assert "完成预算" not in text


@pytest.mark.parametrize("glossary", [True, False])
def test_glossary_is_optional(tmp_path: Path, glossary: bool) -> None:
    accounts = accounts_of("本年收入10.00万元，其中：财政拨款收入10.00万元。")
    path = tmp_path / "out.docx"
    write_explanation(accounts, path, unit="某单位", glossary=glossary)
    texts = [p.text for p in paragraphs_from_docx(path)]
    assert texts[0].startswith("某单位")
    assert ("名词解释" in texts) is glossary
