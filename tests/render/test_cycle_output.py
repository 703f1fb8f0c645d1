"""Declarations, department target tables and monitoring forms written to xlsx and Word in
the national layout, and read back by jixiao's own readers to the same figures."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from jixiao.assessment import assess
from jixiao.ingest import ingest
from jixiao.model.document import Document
from jixiao.model.io import load_document
from jixiao.render.cycle_docx import write_grids
from jixiao.render.cycle_grid import cycle_grids
from jixiao.render.pdf import convert_to_pdf
from jixiao.render.xlsx import write_forms

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHECKS = FIXTURES / "checks"
FORMS = {
    "declaration with costs, a cumulative total and reviews": "checks/JX814/pass.yaml",
    "department targets with tasks and shares": "checks/JX820/pass.yaml",
    "monitoring": "checks/JX805/fail.yaml",
    "monitoring with causes, reasons and measures": "cycle/output_monitoring.yaml",
    "Shanghai cumulative": "checks/JX813/pass.yaml",
}


def _plain(value: Any) -> Any:
    """A form's dump without sources and with amounts compared by value (2 = 2.00)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "sources" and v not in ([], {})}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _dumped(document: Document) -> list[Any]:
    return [_plain(form.model_dump(exclude_defaults=True)) for form in document.forms]


def _write(document: Document, path: Path) -> None:
    if path.suffix == ".xlsx":
        write_forms(assess(document), path)
    else:
        write_grids(cycle_grids(document), path)


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
@pytest.mark.parametrize("name", sorted(FORMS))
def test_written_forms_read_back_to_the_same_figures(name: str, suffix: str,
                                                     tmp_path: Path) -> None:
    document = load_document(FIXTURES / FORMS[name])
    path = tmp_path / f"form{suffix}"
    _write(document, path)
    back = ingest(path).document
    assert _dumped(back) == _dumped(document)


def test_the_workbook_is_bordered_merged_and_fitted_to_a4(tmp_path: Path) -> None:
    document = load_document(FIXTURES / FORMS["department targets with tasks and shares"])
    path = tmp_path / "form.xlsx"
    write_forms(assess(document), path)
    sheet = load_workbook(path).worksheets[0]
    assert sheet["A1"].value == "部门（单位）整体支出绩效目标表" and sheet["A1"].font.b
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A9:A12" in merged  # 年度主要任务 down its two header rows and two task rows
    amounts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert amounts and all(c.number_format == "#,##0.00" and c.border.left.style for c in amounts)


def test_export_to_word_refuses_a_self_evaluation(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jixiao.cli.main", "export", str(CHECKS / "JX406/fail.yaml"),
         "-o", str(tmp_path / "out.docx")], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "E501" in done.stdout + done.stderr
    assert "导出为 .xlsx" in done.stdout + done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.usefixtures("soffice", "poppler")
def test_the_monitoring_form_prints_on_a4_landscape(tmp_path: Path) -> None:
    path = tmp_path / "form.docx"
    _write(load_document(FIXTURES / FORMS["monitoring with causes, reasons and measures"]), path)
    pdf = convert_to_pdf(path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape: 14 columns do not fit a portrait page
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    assert "项目支出绩效运行监控表" in text and "完全不可能" in text and "资金拨付滞后" in text
    # the five narrow cause columns of the template wrap their headers, as printed forms do
    assert all(cause in text for cause in ("经费", "制度", "人员", "硬件", "其他"))
