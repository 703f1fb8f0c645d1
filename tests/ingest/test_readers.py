"""Readers on small hand-made files: merges both ways, encodings, number formats, HTML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from jixiao.errors import JixiaoError
from jixiao.ingest import load_any, read_raw
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.readers.xlsx import format_number


def test_text_dialects_and_continuations() -> None:
    text = "标题\n\t甲\n续行\n\t\n\t乙\n\n\t\n\n丙\n丁\n\t戊\n\n一\t二\t三\n四\t\t六\n"
    raw = read_text(text, "x.txt")
    assert [p.text for p in raw.paragraphs] == ["标题"]
    grid = raw.grids[0]
    assert [c.text for c in grid.rows[0]] == ["甲\n续行", "", "乙"]
    # a blank line inside a cell after an empty cell continues that cell and row
    assert [c.text for c in grid.rows[1]] == ["丙\n丁", "戊"]
    assert [c.text for c in grid.rows[3]] == ["四", "", "六"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes("项目支出绩效自评表\n\n\t项目名称\n\t示例\n".encode(encoding))
    raw = read_raw(path)
    assert raw.paragraphs[0].text == "项目支出绩效自评表"


def test_docx_merges(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("前言")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "横向合并"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "纵向合并"
    table.cell(1, 1).text = "b"
    table.cell(2, 2).text = "c"
    document.add_paragraph("后记")
    document.save(str(tmp_path / "m.docx"))
    raw = read_raw(tmp_path / "m.docx")
    assert [type(b).__name__ for b in raw.blocks] == ["TextBlock", "Grid", "TextBlock"]
    grid = raw.grids[0]
    top = grid.rows[0][0]
    assert (top.text, top.colspan) == ("横向合并", 3)
    left = grid.rows[1][0]
    assert (left.text, left.rowspan, left.col) == ("纵向合并", 2, 1)
    assert [c.text for c in grid.rows[2]] == ["c"] and grid.rows[2][0].col == 3


def test_xlsx_merges_and_formats(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "表头"
    sheet.merge_cells("A1:C1")
    sheet["A2"], sheet["B2"], sheet["C2"] = 0.9599, 9.6, 1602.88
    sheet["A2"].number_format = "0.00%"
    sheet["B2"].number_format = "0.00"
    sheet["C2"].number_format = "#,##0.00"
    sheet["A3"] = "文本 9.60"
    book.save(str(tmp_path / "f.xlsx"))
    grid = read_raw(tmp_path / "f.xlsx").grids[0]
    assert (grid.rows[0][0].colspan, grid.rows[0][0].address) == (3, "A1")
    assert [c.text for c in grid.rows[1]] == ["95.99%", "9.60", "1,602.88"]
    assert grid.rows[2][0].text == "文本 9.60"


def test_xlsx_formulas_without_stored_results(tmp_path: Path) -> None:
    """A tool that writes formulas without their results (openpyxl does): a formula that is
    a number reads as that number; any other stays blank, its value unknown."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"], sheet["C1"] = "=100%", "=12.5", "=A1*2"
    sheet["A1"].number_format = "0.00%"
    book.save(str(tmp_path / "f.xlsx"))
    row = read_raw(tmp_path / "f.xlsx").grids[0].rows[0]
    assert [c.text for c in row] == ["100.00%", "12.5"]


def test_number_formats() -> None:
    assert format_number("0.5", "0%") == "50%"
    assert format_number("12", '0"分"') == "12分"
    assert format_number("3", "General") == "3"
    assert format_number("45000", 'yyyy"年"m"月"d"日"') == "2023年3月15日"


def test_html_tables_and_paragraphs(tmp_path: Path) -> None:
    page = """<html><head><meta charset="gbk"><title>t</title><script>x()</script></head>
    <body><h1>项目支出绩效自评表</h1><p>说明文字</p>
    <table><tr><td rowspan="2">甲</td><td colspan="2">乙</td></tr>
    <tr><td>丙<br>丁</td><td>戊</td></tr></table></body></html>"""
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("gbk"))
    raw = read_raw(path)
    assert [p.text for p in raw.paragraphs] == ["项目支出绩效自评表", "说明文字"]
    assert raw.paragraphs[0].heading_level == 1
    rows = raw.grids[0].rows
    assert (rows[0][0].rowspan, rows[0][1].colspan) == (2, 2)
    assert [(c.text, c.col) for c in rows[1]] == [("丙\n丁", 2), ("戊", 3)]


def test_load_any_dispatch(tmp_path: Path) -> None:
    yaml_path = tmp_path / "d.yaml"
    yaml_path.write_text("forms: []\n", encoding="utf-8")
    assert load_any(yaml_path).forms == []
    with pytest.raises(JixiaoError) as error:
        load_any(tmp_path / "d.pages")  # .doc is read (through LibreOffice) since issue 10
    assert error.value.code == "E402"


def test_docx_without_body_part(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(JixiaoError) as error:
        read_raw(path)
    assert error.value.code == "E409"
