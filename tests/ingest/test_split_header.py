"""Two-row indicator headers and columns that qualify the target (comparator, unit).

``绩效指标 | … | 年度指标值 | … | 实际完成值 | 分值 | 得分`` over ``一级指标 | 二级指标 |
三级指标 | 指标性质 | 指标值 | 度量单位``: the upper row names the columns the lower row
leaves blank (merged down), and the comparator and unit stand in columns of their own.
Written as real .xlsx and .docx files with their merges and read back.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from jixiao.assessment import assess
from jixiao.audit.framework import Severity
from jixiao.ingest import load_any
from jixiao.model import Document

UPPER = ["绩效指标", "", "", "年度指标值", "", "", "实际完成值", "分值", "得分"]
LOWER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "", "", ""]
ROWS = [
    ["产出指标", "数量指标", "发放台账份数", "≧", "400", "份", "400份", "50", "50"],
    ["效益指标", "社会效益指标", "补贴兑现率", "═", "100", "%", "100%", "30", "24"],
    ["满意度指标", "满意度指标", "农户满意度", "正向", "90", "%", "95%", "10", "10"],
]
FUNDING = [
    ["资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "60", "60", "60", "10", "100%", "10"],
]
TOTAL = ["总分", "", "", "", "", "", "", "100", "94"]


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某站项目支出绩效自评表"])
    for row in FUNDING:
        sheet.append(row)
    start = sheet.max_row + 1
    sheet.append(UPPER)
    sheet.append([c or None for c in LOWER])
    sheet.merge_cells(start_row=start, start_column=1, end_row=start, end_column=3)
    sheet.merge_cells(start_row=start, start_column=4, end_row=start, end_column=6)
    for col in (7, 8, 9):
        sheet.merge_cells(start_row=start, start_column=col, end_row=start + 1, end_column=col)
    for row in [*ROWS, TOTAL]:
        sheet.append([c or None for c in row])
    book.save(path)
    return path


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("某站项目支出绩效自评表")
    funding = document.add_table(rows=len(FUNDING), cols=len(FUNDING[0]))
    for r, row in enumerate(FUNDING):
        for c, text in enumerate(row):
            funding.cell(r, c).text = text
    lines = [UPPER, LOWER, *ROWS, TOTAL]
    table = document.add_table(rows=len(lines), cols=len(UPPER))
    for r, row in enumerate(lines):
        for c, text in enumerate(row):
            if text and not (r == 1 and c >= 6):
                table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 2)).text = "绩效指标"
    table.cell(0, 3).merge(table.cell(0, 5)).text = "年度指标值"
    for col, text in ((6, "实际完成值"), (7, "分值"), (8, "得分")):
        table.cell(0, col).merge(table.cell(1, col)).text = text
    document.save(str(path))
    return path


def _read(path: Path) -> Document:
    loaded = load_any(path)
    return getattr(loaded, "document", loaded)  # type: ignore[no-any-return]


@pytest.mark.parametrize("write", [_xlsx, _docx], ids=["xlsx", "docx"])
def test_two_row_header_with_comparator_and_unit_columns(
    write: Callable[[Path], Path], tmp_path: Path
) -> None:
    suffix = "xlsx" if write is _xlsx else "docx"
    form = _read(write(tmp_path / f"form.{suffix}")).forms[0]
    got = [(i.name, i.target, i.actual, i.weight, i.claimed_score)
           for i in form.indicators]  # type: ignore[union-attr]
    assert got == [
        ("发放台账份数", "≥400份", "400份", Decimal(50), Decimal(50)),
        ("补贴兑现率", "=100%", "100%", Decimal(30), Decimal(24)),
        ("农户满意度", "≥90%", "95%", Decimal(10), Decimal(10)),
    ]


def test_met_target_printed_in_split_columns_is_checked(tmp_path: Path) -> None:
    document = _read(_xlsx(tmp_path / "form.xlsx"))
    found = [(f.code, f.severity, f.claimed) for f in assess(document, select=["JX301"]).findings]
    assert found == [("JX301", Severity.ERROR, "24")]


def test_a_nature_column_of_words_is_no_comparator(tmp_path: Path) -> None:
    rows = [[*r[:3], "定量", *r[4:]] for r in ROWS]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某站项目支出绩效自评表"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                  "实际完成值", "分值", "得分"])
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "plain.xlsx")
    form = _read(tmp_path / "plain.xlsx").forms[0]
    assert [i.target for i in form.indicators] == ["400份", "100%", "90%"]  # type: ignore[union-attr]
