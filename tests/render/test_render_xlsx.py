"""xlsx forms: written with the renderer, read back with openpyxl, compared with the engine."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.assessment import assess
from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.model.evaluation import FundingLine, Indicator, ProjectSelfEvaluation
from jixiao.render.layout import load_layout
from jixiao.render.xlsx import FormsOptions, write_forms
from jixiao.rules.pack import Pack, load_pack
from jixiao.scoring import FormResult, score_document


def _find(ws: Worksheet, text: str) -> tuple[int, int]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"{text!r} not in {ws.title}")


def _merged(ws: Worksheet, row: int, col: int) -> tuple[int, int] | None:
    for merged in ws.merged_cells.ranges:
        if merged.min_row == row and merged.min_col == col:
            return merged.max_row, merged.max_col
    return None


@pytest.fixture(scope="module")
def xinjiang_book(
    seed004: tuple[Document, Pack, str], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    document, pack, _ = seed004
    path = tmp_path_factory.mktemp("xlsx") / "seed004.xlsx"
    summary = write_forms(
        assess(document, pack), path, FormsOptions(recomputed=True, summary_sheet=True)
    )
    assert summary.layout == "xinjiang"
    assert len(summary.sheets) == 17
    return path


def test_every_form_is_a_sheet_after_the_summary(
    xinjiang_book: Path, seed004: tuple[Document, Pack, str]
) -> None:
    document, _, _ = seed004
    book = load_workbook(xinjiang_book)
    assert book.sheetnames[0] == "汇总"
    assert len(book.sheetnames) == 2 + len(document.forms)
    assert book.sheetnames[-1] == "审核说明"
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_project_form_round_trip_against_engine(
    xinjiang_book: Path, seed004: tuple[Document, Pack, str]
) -> None:
    document, pack, _ = seed004
    result = score_document(document, pack)
    book = load_workbook(xinjiang_book)
    form = document.forms[1]
    assert isinstance(form, ProjectSelfEvaluation)
    computed = result.forms[1]
    assert isinstance(computed, FormResult)
    ws = book[book.sheetnames[2]]
    assert ws["A1"].value == "项目支出绩效自评表"
    assert ws["A2"].value == "（2024年度）"
    row, col = _find(ws, "项目名称")
    assert ws.cell(row, col + 2).value == form.name
    # Funding: the total line carries the computed execution points.
    row, col = _find(ws, "年度资金总额")
    funding_row = row
    assert ws.cell(row, col + 3).value == 240  # 年初预算数 (source spans 3 columns)
    assert ws.cell(row, col + 3).number_format == "#,##0.00"
    assert computed.execution is not None
    assert computed.execution.computed_score is not None
    assert Decimal(str(ws.cell(row, 14).value)) == computed.execution.computed_score
    assert ws.cell(row, 12).number_format == "0.00%"
    # Indicators: header, then one row per indicator with the computed score.
    header_row, _ = _find(ws, "指标得分")
    headers = [ws.cell(header_row, c).value for c in range(2, 15)]
    assert headers[:8] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "权重",
        "目标值",
        "业绩值",
        "完成率",
        "指标得分",
    ]
    for n, (indicator, item) in enumerate(zip(form.indicators, computed.indicators, strict=True)):
        row = header_row + 1 + n
        assert ws.cell(row, 4).value == indicator.name
        assert Decimal(str(ws.cell(row, 5).value)) == indicator.weight
        assert ws.cell(row, 6).value == indicator.target
        assert item.computed_score is not None
        assert Decimal(str(ws.cell(row, 9).value)) == item.computed_score
    total_row = header_row + 1 + len(form.indicators)
    assert ws.cell(total_row, 1).value == "总分"
    last = header_row + len(form.indicators)
    assert ws.cell(total_row, 9).value == f"=SUM(N{funding_row},I{header_row + 1}:I{last})"
    values = load_workbook(xinjiang_book, data_only=True)[ws.title]
    assert Decimal(str(values.cell(total_row, 9).value)) == computed.computed_total
    assert Decimal(str(values.cell(total_row, 5).value)) == computed.total_weight


def test_header_cells_are_merged_like_the_printed_form(xinjiang_book: Path) -> None:
    book = load_workbook(xinjiang_book)
    ws = book[book.sheetnames[2]]
    header_row, _ = _find(ws, "指标得分")
    side = _merged(ws, header_row, 1)
    assert side is not None and side[0] > header_row + 5  # 年度绩效指标完成情况 spans the table
    level1 = _merged(ws, header_row + 1, 2)
    assert (
        level1 is not None and level1[1] == 2 and level1[0] > header_row + 1
    )  # 产出指标 runs down
    level2 = _merged(ws, header_row + 1, 3)
    assert level2 is not None and level1[0] >= level2[0]  # 二级 never crosses a 一级 boundary
    title = _merged(ws, 1, 1)
    assert title == (1, 14)


def test_print_setup_fonts_and_borders(xinjiang_book: Path) -> None:
    book = load_workbook(xinjiang_book)
    ws = book[book.sheetnames[2]]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    header_row, _ = _find(ws, "指标得分")
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws["A1"].font.name == "宋体"
    assert ws["A1"].font.bold
    cell = ws.cell(header_row + 1, 4)
    assert cell.font.name == "宋体"
    assert cell.border.left.style == "thin"
    assert cell.alignment.wrap_text
    assert ws.column_dimensions["D"].width == 24
    assert ws.row_dimensions[header_row + 1].height is not None


def test_department_form_uses_its_own_layout(xinjiang_book: Path) -> None:
    book = load_workbook(xinjiang_book)
    ws = book[book.sheetnames[1]]
    assert ws["A1"].value == "单位整体支出绩效自评表"
    header_row, _ = _find(ws, "实际完成指标值")
    headers = [ws.cell(header_row, c).value for c in range(1, 9)]
    assert headers == [
        "一级指标",
        "二级指标",
        "三级指标",
        "预期指标值",
        "指标值设定依据",
        "分值权重",
        "实际完成指标值",
        "得分",
    ]
    total_row = header_row + 1 + 7
    assert ws.cell(total_row, 1).value == "总分"
    assert str(ws.cell(total_row, 8).value).startswith("=SUM(")
    values = load_workbook(xinjiang_book, data_only=True)[ws.title]
    assert Decimal(str(values.cell(total_row, 8).value)) == Decimal("99.60")


def test_summary_sheet_lists_computed_totals(
    xinjiang_book: Path, seed004: tuple[Document, Pack, str]
) -> None:
    document, pack, _ = seed004
    result = score_document(document, pack)
    ws = load_workbook(xinjiang_book)["汇总"]
    cached = load_workbook(xinjiang_book, data_only=True)["汇总"]
    totals = [Decimal(str(cached.cell(row, 5).value)) for row in range(3, 3 + 17)]
    assert totals == [f.computed_total for f in result.forms if isinstance(f, FormResult)]
    assert str(ws.cell(3, 5).value).startswith("='1-")  # a link to the form's total cell
    assert ws.cell(3, 2).hyperlink is not None


def _injection_document() -> Document:
    hostile = ['=HYPERLINK("http://x","点击")', "+1+1", "-2", "@SUM(A1)", "\tTAB"]
    indicators = [
        Indicator(
            level1="产出指标",
            level2="数量指标",
            name=text,
            weight=Decimal(18),
            target=text,
            actual="=10人",
            claimed_score=Decimal(18),
            deviation_note=text,
        )
        for text in hostile
    ]
    form = ProjectSelfEvaluation(
        name="=cmd|' /C calc'!A0",
        unit="-单位",
        department="@部门",
        year=2024,
        funding=[
            FundingLine(
                source="=年度资金总额",
                is_total=True,
                initial_budget=Decimal(10),
                adjusted_budget=Decimal(10),
                executed=Decimal(9),
            )
        ],
        execution_weight=Decimal(10),
        indicators=indicators,
        goal_expected="+目标",
    )
    return Document(forms=[form])


def test_user_text_never_becomes_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "hostile.xlsx"
    write_forms(assess(_injection_document(), load_pack("national")), path)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = archive.read(name).decode("utf-8")
                # the only formulas are the totals jixiao writes itself
                assert all(f.startswith("SUM(") for f in re.findall(r"<f>([^<]*)</f>", xml))
    ws = load_workbook(path).worksheets[0]
    starts = 0
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t":
                if cell.data_type == "f":
                    assert cell.value.startswith("=SUM(")
                    continue
                starts += 1
                assert cell.data_type == "s"
                assert cell.quotePrefix
    assert starts >= 15


def test_default_export_keeps_the_filed_figures_and_marks_disagreements(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    document, pack, _ = seed004
    path = tmp_path / "filed.xlsx"
    summary = write_forms(assess(document, pack), path)
    book = load_workbook(path)
    assert book.sheetnames[0] != "汇总" and book.sheetnames[-1] == "审核说明"
    # 州人社局尾款项目 (form 11) is filed with a total the rules do not give.
    result = score_document(document, pack)
    form = result.forms[10]
    assert isinstance(form, FormResult)
    assert form.claimed_total != form.computed_total
    ws = book.worksheets[10]
    row, _ = _find(ws, "总分")
    cells = [c for c in ws[row] if c.comment is not None]
    assert cells, "the total that disagrees carries a comment"
    total = cells[-1]
    values = load_workbook(path, data_only=True).worksheets[10]
    assert Decimal(str(values[total.coordinate].value)) == form.claimed_total
    assert total.fill.start_color.rgb.endswith("FFF2CC")
    assert "应为" in total.comment.text and str(form.computed_total) in total.comment.text
    review = book["审核说明"]
    listed = [r for r in review.iter_rows(values_only=True) if r[1] == ws.title]
    assert listed and summary.differences == sum(
        1 for r in review.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)
    )


def test_national_layout_shows_level1_weights(
    seed001: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    document, pack, _ = seed001
    path = tmp_path / "hunan.xlsx"
    summary = write_forms(assess(document, pack), path)
    assert summary.layout == "hunan"
    assert summary.skipped == ["部门整体支出绩效评价基础数据表"]
    ws = load_workbook(path).worksheets[0]
    assert ws["A1"].value == "部门（单位）整体支出绩效自评表"
    _find(ws, "产出指标\n（50分）")
    _find(ws, "偏差原因分析及改进措施")


def test_layout_is_a_file(seed004: tuple[Document, Pack, str], tmp_path: Path) -> None:
    document, pack, _ = seed004
    layout = tmp_path / "mine.yaml"
    layout.write_text(
        """
name: mine
title: 自定义
extends: national
forms:
  project_self_evaluation:
    title: 我的项目表
    subtitle: null
    columns:
      - {header: 指标, field: name, width: 30}
      - {header: 规则, field: rule_title, width: 20}
      - {header: 得分, field: score, number_format: "0.00"}
""",
        "utf-8",
    )
    path = tmp_path / "mine.xlsx"
    write_forms(assess(document, pack), path, FormsOptions(layout=str(layout)))
    ws = load_workbook(path).worksheets[1]
    assert ws["A1"].value == "我的项目表"
    _find(ws, "按完成比例赋分")
    assert load_workbook(path).worksheets[0]["A1"].value == "部门（单位）整体支出绩效自评表"


def test_misaligned_layout_is_a_chinese_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    base = load_layout("national").forms["project_self_evaluation"].model_dump()
    base["funding"]["columns"][0]["span"] = 5
    import yaml

    bad.write_text(
        yaml.safe_dump(
            {"name": "bad", "title": "坏", "forms": {"project_self_evaluation": base}},
            allow_unicode=True,
        ),
        "utf-8",
    )
    with pytest.raises(JixiaoError) as error:
        load_layout(str(bad))
    assert error.value.code == "E512"
    assert "资金块" in error.value.message
    with pytest.raises(JixiaoError) as unknown:
        load_layout("atlantis")
    assert unknown.value.code == "E511"
