"""Charts: native Word charts whose cached figures, embedded workbook and size are read back
from the written docx (LibreOffice drawing them is tested in test_render_pdf)."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from lxml import etree

from jixiao.assessment import assess
from jixiao.model.document import Document
from jixiao.model.evaluation import ProjectSelfEvaluation
from jixiao.render import charts
from jixiao.render.docx_kit import DocxWriter, new_document
from jixiao.render.report import ReportOptions, write_report
from jixiao.render.view import FormView, form_views
from jixiao.rules.pack import Pack
from jixiao.scoring import score_document

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_CM = 360_000


def _views(seed: tuple[Document, Pack, str]) -> list[FormView]:
    document, pack, _ = seed
    return list(form_views(document, score_document(document, pack)))


def _written(chart_list: list[charts.Chart], tmp_path: Path) -> zipfile.ZipFile:
    document = new_document(None)
    writer = DocxWriter(document)
    for n, chart in enumerate(chart_list, start=1):
        writer.chart(chart, f"图{n}")
    path = tmp_path / "charts.docx"
    document.save(str(path))
    return zipfile.ZipFile(path)


def _cached(chart_xml: bytes) -> tuple[list[str], list[list[Decimal]]]:
    root = etree.fromstring(chart_xml)
    series = root.findall(f".//{C}ser")
    categories = [v.text or "" for v in series[0].findall(f"{C}cat//{C}pt/{C}v")]
    values = [[Decimal(v.text or "") for v in s.findall(f"{C}val//{C}pt/{C}v")] for s in series]
    return categories, values


def _heights_cm(archive: zipfile.ZipFile) -> list[float]:
    body = etree.fromstring(archive.read("word/document.xml"))
    return [int(e.get("cy")) / EMU_PER_CM for e in body.iter(f"{WP}extent")]


def test_a_department_report_holds_three_native_charts_with_their_data(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    document, pack, reason = seed004
    path = tmp_path / "report.docx"
    summary = write_report(assess(document, pack, pack_reason=reason), path, ReportOptions())
    assert summary.charts == 3
    archive = zipfile.ZipFile(path)
    parts = sorted(n for n in archive.namelist() if n.startswith("word/charts/chart"))
    assert len(parts) == 3
    assert not [n for n in archive.namelist() if n.startswith("word/media/")]  # no pictures
    for part in parts:
        categories, values = _cached(archive.read(part))
        rels = etree.fromstring(archive.read(part.replace("charts/", "charts/_rels/") + ".rels"))
        target = rels[0].get("Target").replace("../", "word/")
        sheet = openpyxl.load_workbook(io.BytesIO(archive.read(target))).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        # the workbook behind 编辑数据 holds the figures the chart shows
        assert [row[0] for row in rows] == categories
        for column, series in enumerate(values, start=1):
            assert [Decimal(str(row[column])) for row in rows] == series
        assert all(len(series) == len(categories) > 0 for series in values)


def test_level1_chart_shows_execution_first_then_each_level1(
    seed004: tuple[Document, Pack, str],
) -> None:
    department = _views(seed004)[0]
    chart = charts.level1_chart(department)
    subtotals = department.result.subtotals
    assert chart.categories[0] == "预算执行率"
    assert len(chart.categories) == 1 + len(subtotals)
    weights, scores = chart.series
    assert weights.values[1:] == [sub.weight for sub in subtotals]
    assert sum(scores.values, Decimal(0)) == department.total


def test_indicator_chart_grows_with_the_indicators(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    views = _views(seed004)
    small = min(views, key=lambda v: len(v.form.indicators))
    large = max(views, key=lambda v: len(v.form.indicators))
    written = _written([*charts.indicator_charts(small), *charts.indicator_charts(large)], tmp_path)
    small_cm, large_cm = _heights_cm(written)
    assert large_cm > small_cm


def test_a_long_form_is_split_across_charts_that_fit_the_page(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    view = _views(seed004)[0]
    many = [
        view.form.indicators[n % len(view.form.indicators)].model_copy(
            update={"name": f"指标项{n}"}
        )
        for n in range(60)
    ]
    results = [view.result.indicators[n % len(view.result.indicators)] for n in range(60)]
    long_view = FormView(
        view.form.model_copy(update={"indicators": many}),
        view.result.model_copy(update={"indicators": results}),
        view.year,
    )
    parts = charts.indicator_charts(long_view)
    assert [len(chart.categories) for chart in parts] == [20, 20, 20]  # at most BARS_PER_CHART
    assert parts[0].categories[-1] == "指标项0"  # the bar chart's top bar is the first
    heights = _heights_cm(_written(parts, tmp_path))
    assert all(10 < height <= 21 for height in heights)  # the caption still fits the page


def test_no_funding_no_funding_chart(seed004: tuple[Document, Pack, str]) -> None:
    view = _views(seed004)[1]
    assert isinstance(view.form, ProjectSelfEvaluation)
    bare = FormView(view.form.model_copy(update={"funding": []}), view.result, view.year)
    assert charts.funding_chart(bare) is None


def test_odd_names_stay_text_in_the_chart_and_its_workbook(tmp_path: Path) -> None:
    names = ["=1+1", "a<b & c>d", "控制\x07字符"]
    chart = charts.Chart(
        title="标题 <&>",
        categories=names,
        series=[charts.Series("=SUM(A1)", [Decimal("1.5"), Decimal(2), Decimal(0)], "000000")],
        axis_title="分",
    )
    archive = _written([chart], tmp_path)
    categories, values = _cached(archive.read("word/charts/chart1.xml"))
    assert categories == ["=1+1", "a<b & c>d", "控制字符"]
    assert values == [[Decimal("1.5"), Decimal(2), Decimal(0)]]
    book = openpyxl.load_workbook(
        io.BytesIO(archive.read("word/embeddings/Microsoft_Excel_Sheet1.xlsx"))
    )
    cells = {cell.coordinate: cell for row in book.active.iter_rows() for cell in row}
    assert cells["B1"].value == "=SUM(A1)" and cells["B1"].data_type == "s"  # never a formula
    assert cells["A2"].value == "=1+1" and cells["A2"].data_type == "s"
