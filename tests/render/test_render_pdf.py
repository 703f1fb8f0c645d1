"""Forms and reports open in LibreOffice: converted to PDF and PNG, Chinese text and fonts
checked. Skipped with a reason where LibreOffice or poppler is absent (CI installs both
with scripts/install-system-deps.sh)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from jixiao.assessment import assess
from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.render.column_widths import FIGURE
from jixiao.render.pdf import convert_to_pdf
from jixiao.render.report import ReportOptions, write_report
from jixiao.render.xlsx import write_forms
from jixiao.rules.pack import Pack

CJK_FONT_HINTS = ("CJK", "Han", "WenQuanYi", "Hei", "Song", "Ming", "Kai", "Fang")
MM = 72 / 25.4
WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
HANGING = "，。、；：）」』”！？"  # full-width marks LibreOffice may hang past the type area


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


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, float, str]]:
    """Every word as (page, page width, x0, y0, x1, y1, text), from ``pdftotext -bbox``."""
    found = []
    for number, page in enumerate(_run("pdftotext", "-bbox", str(pdf), "-").split("<page ")[1:]):
        size = re.search(r'width="([\d.]+)" height="([\d.]+)"', page)
        assert size is not None
        width, height = float(size[1]), float(size[2])
        for x0, y0, x1, y1, text in WORD.findall(page):
            box = float(x0), float(y0), float(x1), float(y1)
            assert box[0] >= 0 and box[1] >= 0 and box[3] <= height + 0.1, (number + 1, text)
            found.append((number + 1, width, *box, text))
    return found


def _wrapped(pdf: Path, figures: Iterable[str]) -> list[str]:
    """The figures that do not appear whole on one line of the PDF's text."""
    lines = ["".join(line.split()) for line in _run("pdftotext", str(pdf), "-").splitlines()]
    return sorted(f for f in figures if not any(f in line for line in lines))


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
    assert "Page size:       841.89 x 595.3" in _run("pdfinfo", str(pdf))  # A4 landscape
    words = _words(pdf)
    # the side margins (0.5 in) hold on every page; not the top one: pdftotext also reports
    # the clipped text of a side label merged across a page break
    assert min(x0 for _, _, x0, _, _, _, _ in words) >= 36 - 1
    assert all(x1 <= width - 36 + 1 for _, width, _, _, x1, _, _ in words)
    assert "###" not in text  # no number too wide for its column
    figures = {
        "".join(value.split())
        for sheet in load_workbook(xlsx).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str) and FIGURE.match(value.strip()) and len(value.strip()) > 2
    }
    assert len(figures) > 100
    assert _wrapped(pdf, figures) == []


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
    # LibreOffice lays the native charts out: their titles are text on the page
    for title in ("预算执行情况（按资金来源）", "一级指标得分（总分", "各项指标分值与得分（分）"):
        assert title in text, title
    assert _cjk_fonts(pdf), "PDF 中没有嵌入中文字体"
    _first_page_png(pdf)
    info, fonts = _run("pdfinfo", str(pdf)), _run("pdffonts", str(pdf))
    assert "Page size:       595.3" in info and "x 841.89 pts (A4)" in info
    for face in ("FandolFang", "Kai", "NotoSansCJK", "NotoSerifCJK"):  # 仿宋 楷体 黑体 宋体
        assert face in fonts, face
    pages = _pages(pdf)
    for page in range(1, pages + 1):
        footer = "".join(_run("pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-").split())
        assert f"—{page}—" in footer
    # GB/T 9704 type area: left 28 mm, right 26 mm; tables stay inside it too
    body = [w for w in _words(pdf) if 37 * MM - 2 < w[3] < (297 - 35) * MM]
    assert min(x0 for _, _, x0, _, _, _, _ in body) >= 28 * MM - 1
    for _, width, _, _, x1, _, word in body:
        hang = 16 if word[-1] in HANGING else 1  # at most one 3号 mark hangs
        assert x1 <= width - 26 * MM + hang, word
    figures = {
        "".join(cell.text.split())
        for table in docx.Document(str(report)).tables
        for row in table.rows
        for cell in row.cells
        if FIGURE.match(cell.text.strip()) and len(cell.text.strip()) > 2
    }
    assert len(figures) > 50
    assert _wrapped(pdf, figures) == []  # "101.32%" never breaks before its "%"


def test_missing_source_is_a_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(JixiaoError) as error:
        convert_to_pdf(tmp_path / "nothing.docx")
    assert error.value.code in {"E521", "E522"}
