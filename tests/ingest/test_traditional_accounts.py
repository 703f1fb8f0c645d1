"""A 三公经费 table printed in traditional characters with pinyin glosses, 合计 first and a
budget column, is read as a final-accounts form whose budgets the text's 与预算相比 is judged on."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from jixiao.assessment import assess
from jixiao.ingest import load_any
from jixiao.model.accounts import FinalAccounts

ROWS = [
    ("項 目", "預 算 數(shù)", "決 算 數(shù)"),
    ("合 計", "40.00", "9.50"),
    ("因公出國(境)費", "10.00", ""),
    ("公務接待費", "18.00", "6.30"),
    ("公務用車購置及運行維護費", "12.00", "3.20"),
]
TEXT = (
    "“三公”經費支出決算合計9.50萬元。因公出國(境)費支出0萬元，與預算相比無增減。"
    "公務接待費6.30萬元，較預算減少11.70萬元，下降65.00%。"
    "公務用車購置及運行維護費3.20萬元，與預算相比無變化。"
)


def _write(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2025年度一般公共預算財政撥款“三公”經費支出決算表")
    table = document.add_table(rows=len(ROWS), cols=3)
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(TEXT)
    document.save(str(path))


def test_traditional_items_table_with_budget(tmp_path: Path) -> None:
    path = tmp_path / "sangong.docx"
    _write(path)
    document = load_any(path)
    (accounts,) = [f for f in document.forms if isinstance(f, FinalAccounts)]
    figures = {f.key: f for f in accounts.statements if f.amount or f.budget}
    assert figures["sangong.total"].amount is not None
    assert figures["sangong.total"].amount.value == Decimal("9.50")
    outbound = figures["sangong.outbound"]
    assert outbound.amount is None and outbound.budget is not None  # a blank 决算数 cell
    assert outbound.budget.value == Decimal("10.00")
    assert figures["sangong.reception"].budget is not None

    findings = assess(document).findings
    wrong = sorted((f.code, str(f.claimed), str(f.expected)) for f in findings if f.code == "JX604")
    # 0 vs budget 10 is a change of -10, and 3.20 vs 12 one of -8.80; 6.30 vs 18 is right
    assert wrong == [("JX604", "無增減", "-10.00"), ("JX604", "無變化", "-8.80")]
