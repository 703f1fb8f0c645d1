"""A sentence's change against 预算 or 上年 is judged on the base a table of the document prints."""

from __future__ import annotations

from decimal import Decimal

from accounts_helpers import accounts_of

from jixiao.cli.commands.accounts import check_accounts
from jixiao.model.accounts import AccountFigure, FinalAccounts, Printed
from jixiao.model.common import SourceRef
from jixiao.model.document import Document, Paragraph


def _cell(value: str, row: int, col: int, table: int = 1) -> Printed:
    where = SourceRef(table=table, row=row, col=col)
    return Printed(value=Decimal(value), text=value, source=where)


def _table(items: dict[str, tuple[str, str]], table: int = 1) -> FinalAccounts:
    """A 项目 | 预算数 | 决算数 table as a form: one statement per row."""
    statements = [
        AccountFigure(
            key=key,
            label=key,
            budget=_cell(budget, row, 2, table),
            amount=_cell(actual, row, 3, table),
        )
        for row, (key, (budget, actual)) in enumerate(items.items(), start=2)
    ]
    return FinalAccounts(statements=statements)


def _findings(text: str, *tables: FinalAccounts) -> list[tuple[str, str, str | None, str | None]]:
    document = Document(forms=list(tables), paragraphs=[Paragraph(text=text)])
    return [
        (f.code, f.severity.value, f.claimed, f.expected)
        for f in check_accounts(document)
        if f.code == "JX604"
    ]


TABLE = {"sangong.reception": ("30.00", "12.40"), "sangong.outbound": ("8.00", "0")}


def test_flat_words_are_read_as_a_change_of_zero() -> None:
    accounts = accounts_of("公务接待费支出12.40万元，与年初预算相比持平。")
    figure = next(f for f in accounts.statements if f.key == "sangong.reception")
    assert figure.change is not None and figure.change.value == 0
    assert (figure.change_word, figure.change_base) == ("持平", "budget")
    loose = accounts_of("公务接待费支出12.40万元，与上年相比基本持平。")
    assert all(f.change is None for f in loose.statements)


def test_change_and_rate_against_the_table_budget() -> None:
    text = "公务接待费支出12.40万元，较预算减少0.20万元，下降0.016%。"
    found = _findings(text, _table(TABLE))
    assert ("JX604", "error", "-0.20", "-17.60") in found
    assert ("JX604", "error", "-0.016", "-58.667") in found


def test_flat_word_against_the_table_budget() -> None:
    found = _findings("因公出国（境）费支出0万元，与预算相比无增减。", _table(TABLE))
    assert found == [("JX604", "error", "无增减", "-8.00")]


def test_right_statement_against_the_table_is_quiet() -> None:
    text = "公务接待费支出12.40万元，较预算减少17.60万元，下降58.67%。"
    assert _findings(text, _table(TABLE)) == []


def test_tables_that_disagree_make_a_warning() -> None:
    other = _table({"sangong.reception": ("25.00", "12.40")}, table=2)
    found = _findings("公务接待费支出12.40万元，较预算减少0.20万元。", _table(TABLE), other)
    assert found and all(severity == "warning" for _, severity, _, _ in found)


def test_without_a_table_the_base_is_derived_as_before() -> None:
    found = _findings("公务接待费支出12.40万元，较预算减少0.20万元，下降0.016%。")
    assert [claimed for _, _, claimed, _ in found] == ["-0.016"]


def test_blank_actual_cell_keeps_the_budget_and_the_prose() -> None:
    """A row whose 决算数 cell is blank still gives its budget; the prose states the 0."""
    row = AccountFigure(key="sangong.outbound", label="出国费", budget=_cell("8.00", 2, 2))
    table = FinalAccounts(statements=[row])
    found = _findings("因公出国（境）费支出0万元，与预算相比无变化。", table)
    assert found == [("JX604", "error", "无变化", "-8.00")]
    unstated = _findings("因公出国（境）费与预算相比无变化。", table)
    assert unstated == []  # the blank cell is not read as 0
