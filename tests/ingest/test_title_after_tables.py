"""A workbook whose title sits on a sheet after the data and whose total score is a label
row before any part that opens a form: both belong to the one form of the tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from jixiao.ingest import ingest

ROWS = [
    ["联系人", "王某", "联系电话", "12345678"],
    ["自评总分(分)", "88.5"],
    [None, "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["年度资金总额", "100", "120", "108", "90%", "10", "9"],
]
INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "巡查次数", "≥12次", "12次", "45", "45"],
    ["效益指标", "社会效益指标", "群众满意度", "≥90%", "92%", "45", "34.5"],
]


def write(path: Path) -> None:
    book = openpyxl.Workbook()
    data = book.active
    assert data is not None
    data.title = "资金"
    for row in ROWS:
        data.append(row)
    table = book.create_sheet("指标")
    for row in INDICATORS:
        table.append(row)
    notes = book.create_sheet("说明")
    notes.append(["示例市水务局2024年度部门整体支出绩效自评表"])
    book.save(path)


def test_late_title_and_early_total_belong_to_the_form(tmp_path: Path) -> None:
    path = tmp_path / "workbook.xlsx"
    write(path)
    forms = ingest(path).document.forms
    assert len(forms) == 1
    form = forms[0]
    assert form.type == "department_self_evaluation"
    assert form.year == 2024
    assert form.claimed_total == Decimal("88.5")
    assert len(form.indicators) == 2
