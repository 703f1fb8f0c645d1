"""Forms and reports open in LibreOffice: converted to PDF and PNG, Chinese text and fonts
checked. Skipped with a reason where LibreOffice or poppler is absent (CI installs both
with scripts/install-system-deps.sh)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from jixiao.assessment import assess
from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.render.pdf import convert_to_pdf
from jixiao.render.report import ReportOptions, write_report
from jixiao.render.xlsx import write_forms
from jixiao.rules.pack import Pack

CJK_FONT_HINTS = ("CJK", "Han", "WenQuanYi", "Hei", "Song", "Ming", "Kai", "Fang")


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path) -> int:
    for line in _run("pdfinfo", str(pdf)).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def _cjk_fonts(pdf: Path) -> list[str]:
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]
    return [line.split()[0] for line in lines if any(h in line for h in CJK_FONT_HINTS)]


def _first_page_png(pdf: Path) -> Path:
    prefix = pdf.with_suffix("")
    _run("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix))
    png = prefix.with_suffix(".png")
    assert png.read_bytes().startswith(b"\x89PNG")
    return png


@pytest.mark.usefixtures("soffice", "poppler")
def test_forms_convert_with_chinese_text(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    document, pack, _ = seed004
    xlsx = tmp_path / "forms.xlsx"
    write_forms(assess(document, pack), xlsx)
    pdf = convert_to_pdf(xlsx)
    assert 18 <= _pages(pdf) <= 40  # summary + 17 forms, each fitted to the page width
    text = "".join(_run("pdftotext", str(pdf), "-").split())
    assert "单位整体支出绩效自评表" in text
    assert "项目支出绩效自评表" in text
    assert "指标得分" in text
    assert _cjk_fonts(pdf), "PDF 中没有嵌入中文字体"
    _first_page_png(pdf)


@pytest.mark.usefixtures("soffice", "poppler")
def test_report_converts_with_chinese_text(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    document, pack, reason = seed004
    report = tmp_path / "report.docx"
    write_report(
        assess(document, pack, pack_reason=reason), report, ReportOptions(with_findings=True)
    )
    pdf = convert_to_pdf(report, tmp_path / "pdf")
    assert pdf.parent == tmp_path / "pdf"
    assert 8 <= _pages(pdf) <= 60
    text = "".join(_run("pdftotext", str(pdf), "-").split())  # pdftotext spaces CJK and digits
    assert "整体支出绩效自评报告" in text
    assert "四、部门整体支出绩效情况" in text
    assert "预算执行率95.99%" in text
    assert _cjk_fonts(pdf), "PDF 中没有嵌入中文字体"
    _first_page_png(pdf)


def test_missing_source_is_a_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(JixiaoError) as error:
        convert_to_pdf(tmp_path / "nothing.docx")
    assert error.value.code in {"E521", "E522"}
