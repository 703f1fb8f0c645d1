"""``jixiao export``, ``jixiao report`` and ``jixiao demo`` through the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from helpers import SEEDS
from jixiao.cli.main import build_app
from jixiao.errors import JixiaoError
from jixiao.render.demo import run_demo

SEED004 = str(SEEDS / "seed004_xinjiang.yaml")

# Wide enough that rich never wraps a message across lines (tmp paths can be long).
RUNNER = CliRunner(env={"COLUMNS": "400"})


def test_export(tmp_path: Path) -> None:
    out = tmp_path / "forms.xlsx"
    result = RUNNER.invoke(build_app(), ["export", SEED004, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "17 张表" in result.output
    assert "不一致" in result.output
    assert "审核说明" in result.output
    assert load_workbook(out).sheetnames[-1] == "审核说明"


def test_export_with_layout_and_pack(tmp_path: Path) -> None:
    out = tmp_path / "forms.xlsx"
    result = RUNNER.invoke(
        build_app(),
        [
            "export",
            SEED004,
            "-o",
            str(out),
            "--layout",
            "national",
            "--pack",
            "national",
            "--recomputed",
            "--summary-sheet",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "版式 national" in result.output and "按规则重新计算" in result.output
    assert load_workbook(out).sheetnames[0] == "汇总"
    assert load_workbook(out).worksheets[2]["A1"].value == "项目支出绩效自评表"


def test_export_wrong_suffix(tmp_path: Path) -> None:
    result = RUNNER.invoke(build_app(), ["export", SEED004, "-o", str(tmp_path / "x.pdf")])
    assert isinstance(result.exception, JixiaoError)
    assert result.exception.code == "E504"


def test_report(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    result = RUNNER.invoke(
        build_app(), ["report", SEED004, "-o", str(out), "--with-findings", "--no-charts"]
    )
    assert result.exit_code == 0, result.output
    assert "待填写" in result.output
    assert "审核发现" in result.output
    assert len(docx.Document(str(out)).inline_shapes) == 0


def test_report_pdf(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("未安装 LibreOffice（soffice）")
    out = tmp_path / "report.docx"
    result = RUNNER.invoke(
        build_app(), ["report", SEED004, "-o", str(out), "--no-charts", "--form", "2", "--pdf"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.pdf").is_file()


def test_demo_command(tmp_path: Path) -> None:
    result = RUNNER.invoke(build_app(), ["demo", "-o", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "form.xlsx" in result.output and "report.docx" in result.output


def test_run_demo(tmp_path: Path) -> None:
    result = run_demo(tmp_path)
    assert result.pack == "hunan"
    assert result.forms.path == tmp_path / "form.xlsx"
    assert len(result.forms.sheets) == 3
    assert result.report.charts == 3
    assert result.report.placeholders == []
    assert len(docx.Document(str(tmp_path / "report.docx")).inline_shapes) == 3
