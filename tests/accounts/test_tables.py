"""Final-accounts figures read from tables: by-unit tables (seed 002) and item/amount tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from jixiao.accounts.analysis import final_accounts_in
from jixiao.audit.framework import Finding, Severity, run_audit
from jixiao.ingest import load_any
from jixiao.model import Document
from jixiao.model.accounts import FinalAccounts
from jixiao.rules.infer import resolve_pack

SEED = "seeds/002_119f01da02b65c67.txt"
UNITS = ["局机关及二级机构汇总", "局机关", "工伤保险", "社保", "就业"]


def _audit(document: Document) -> list[Finding]:
    pack, _ = resolve_pack("auto", document)
    return run_audit(document, pack, select=["JX6"])


def _forms(document: Document) -> list[FinalAccounts]:
    return [f for f in document.forms if isinstance(f, FinalAccounts)]


@pytest.fixture
def seed002(shared: Path) -> Document:
    return load_any(shared / SEED)


def test_seed002_one_form_per_unit(seed002: Document) -> None:
    forms = _forms(seed002)
    assert [f.name for f in forms] == UNITS
    summary = forms[0]
    assert summary.amount("income.current") == Decimal("2893.08")
    assert summary.amount("expenditure.basic") == Decimal("2537.08")
    assert summary.amount("sangong.total") == Decimal("27.71")
    figure = summary.get("income.current")
    assert figure is not None and figure.amount is not None and figure.amount.source is not None
    ref = figure.amount.source
    assert (ref.table, ref.row, ref.col) == (1, 11, 2)
    keyed = {s.key: s.amount.value for s in summary.statements if s.amount is not None}
    assert keyed["expenditure.personnel"] == Decimal("1536.34")
    assert keyed["expenditure.operating"] == Decimal("1000.74")
    assert keyed["assets.fixed_total"] == Decimal("613.2")
    assert forms[2].amount("income.other") == Decimal("14.83")  # "2、工伤保险" / "2、工伤"


def test_seed002_findings(seed002: Document) -> None:
    findings = _audit(seed002)
    errors = sorted((f.code, str(f.claimed), str(f.expected)) for f in findings
                    if f.severity is Severity.ERROR)  # fmt: skip
    # 工伤保险's 其他收入 14.83 is counted as 公共财政拨款 in the summary row.
    assert errors == [("JX609", "2437.73", "2422.90"), ("JX609", "455.35", "470.18")]
    assert all(f.code == "JX609" for f in findings)
    table_forms = [a for i, a in final_accounts_in(seed002) if i is not None]
    assert len(table_forms) == len(UNITS)  # identities ran on them and found nothing


def _docx(path: Path, caption: str, rows: list[list[str]]) -> Path:
    document = docx.Document()
    document.add_paragraph(caption)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


BY_UNIT = [
    ["单位名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出"],
    ["合计", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["1、机关", "180.00", "120.00", "90.00", "30.00", "60.00"],
    ["2、中心", "120.00", "80.00", "60.00", "20.00", "40.00"],
]


def test_docx_by_unit_clean(tmp_path: Path) -> None:
    document = load_any(_docx(tmp_path / "a.docx", "2024年度支出决算表（万元）", BY_UNIT))
    forms = _forms(document)
    assert [f.name for f in forms] == ["合计", "机关", "中心"]
    assert forms[1].amount("expenditure.project") == Decimal("60.00")
    assert forms[0].year == 2024
    assert _audit(document) == []


def test_docx_by_unit_errors(tmp_path: Path) -> None:
    rows = [list(r) for r in BY_UNIT]
    rows[1][1] = "310.00"  # summary ≠ Σ units and ≠ 基本 + 项目
    rows[3][3] = "61.00"  # 中心: 人员 + 公用 ≠ 基本
    document = load_any(_docx(tmp_path / "b.docx", "", rows))
    found = {(f.code, str(f.claimed)) for f in _audit(document) if f.severity is Severity.ERROR}
    assert ("JX609", "310.00") in found
    assert ("JX602", "310.00") in found
    assert ("JX602", "80.00") in found
    assert ("JX609", "150.00") in found  # 人员 column: 150 vs 90 + 61


def test_rounding_tail_is_info(tmp_path: Path) -> None:
    rows = [
        ["机构名称", "三公经费合计", "公务接待费", "公务用车运维费"],
        ["汇总", "1.01", "0.51", "0.50"],
        ["甲", "0.50", "0.25", "0.25"],
        ["乙", "0.50", "0.25", "0.25"],
    ]
    findings = _audit(load_any(_docx(tmp_path / "c.docx", "三公经费", rows)))
    assert [(f.code, f.severity) for f in findings] == [
        ("JX609", Severity.INFO),
        ("JX609", Severity.INFO),
    ]


def test_xlsx_items_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["收入决算表"],
        ["项目", "金额"],
        ["本年收入合计", "500.00"],
        ["一、财政拨款收入", "450.00"],
        ["二、其他收入", "40.00"],
    ]:
        sheet.append(row)
    path = tmp_path / "d.xlsx"
    book.save(path)
    document = load_any(path)
    (form,) = _forms(document)
    assert form.amount("income.fiscal_appropriation") == Decimal("450.00")
    assert form.unit is None
    figure = form.get("income.other")
    assert figure is not None and figure.amount is not None and figure.amount.source is not None
    assert figure.amount.source.cell == "B5"
    errors = [(f.code, str(f.expected)) for f in _audit(document)]
    assert errors == [("JX602", "490.00")]
