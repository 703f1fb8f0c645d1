"""A :class:`~jixiao.render.charts.Chart` as a native Word chart (DrawingML, ECMA-376 part 1
§21.2): a chart part holding the figures it shows, with its data as an embedded workbook so
that 编辑数据 in Word or WPS opens them. Nothing is drawn here: Word, WPS and LibreOffice lay
the chart out with the reader's fonts, which is also why a report with charts is written in
milliseconds rather than the tenth of a second a raster picture took.
"""

from __future__ import annotations

import functools
import io
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.run import Run
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from jixiao.render.cells import clean_text, xml_safe
from jixiao.render.charts import Chart, Series

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CHART_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
SHEET = "Sheet1"
SHEET_PART = "xl/worksheets/sheet1.xml"
FONT = "宋体"
CATEGORY_AXIS, VALUE_AXIS = 500000001, 500000002


def add_chart(document: DocxDocument, run: Run, chart: Chart, size: tuple[int, int]) -> None:
    """Put ``chart`` into ``run`` as an inline chart of ``size`` (EMU width, height)."""
    package = document.part.package
    workbook = Part(
        PackURI(package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")),
        WORKBOOK_TYPE,
        _workbook(chart),
        package,
    )
    part = Part(
        PackURI(package.next_partname("/word/charts/chart%d.xml")),
        CHART_TYPE,
        chart_xml(chart, data_id="rId1"),
        package,
    )
    # a new part's first relationship is rId1, which the chart's externalData names
    assert part.relate_to(workbook, RT.PACKAGE) == "rId1"
    chart_id = document.part.relate_to(part, RT.CHART)
    shape_id = document.part.next_id
    width, height = size
    run._r.append(
        parse_xml(
            f"<w:drawing {nsdecls('w', 'wp', 'a', 'r')}>"
            '<wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{width}" cy="{height}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape_id}" name="图表 {shape_id}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{CHART_URI}">'
            f'<c:chart {CHART_NS} r:id="{chart_id}"/>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing>"
        )
    )


def _text(value: str) -> str:
    return escape(xml_safe(value))


def _number(value: Decimal) -> str:
    return format(value, "f")


def _rich(text: str, size: int, *, bold: bool = False, rotated: bool = False) -> str:
    body = '<a:bodyPr rot="-5400000" vert="horz"/>' if rotated else "<a:bodyPr/>"
    weight = ' b="1"' if bold else ' b="0"'
    return (
        f'<c:tx><c:rich>{body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"{weight}/>'
        f'</a:pPr><a:r><a:rPr lang="zh-CN" sz="{size}"{weight}/><a:t>{_text(text)}</a:t>'
        '</a:r></a:p></c:rich></c:tx><c:overlay val="0"/>'
    )


def _text_properties(size: int) -> str:
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}"><a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/>'
        '</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
    )


def _strings(reference: str, values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{n}"><c:v>{_text(v)}</c:v></c:pt>' for n, v in enumerate(values))
    return (
        f'<c:strRef><c:f>{reference}</c:f><c:strCache><c:ptCount val="{len(values)}"/>'
        f"{points}</c:strCache></c:strRef>"
    )


def _series(n: int, series: Series, chart: Chart) -> str:
    column = get_column_letter(n + 2)
    last = chart.rows + 1
    labels = ""
    if series.labels is not None:
        position = "inEnd" if chart.overlap else "outEnd"
        labels = (
            f'<c:dLbls><c:numFmt formatCode="{series.labels}" sourceLinked="0"/>'
            "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
            + _text_properties(800)
            + f'<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
            '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            '<c:showBubbleSize val="0"/></c:dLbls>'
        )
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{_number(v)}</c:v></c:pt>' for i, v in enumerate(series.values)
    )
    return (
        f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/>'
        f"<c:tx>{_strings(f'{SHEET}!${column}$1', [series.name])}</c:tx>"
        f'<c:spPr><a:solidFill><a:srgbClr val="{series.color}"/></a:solidFill></c:spPr>'
        f'<c:invertIfNegative val="0"/>{labels}'
        f"<c:cat>{_strings(f'{SHEET}!$A$2:$A${last}', chart.categories)}</c:cat>"
        f"<c:val><c:numRef><c:f>{SHEET}!${column}$2:${column}${last}</c:f><c:numCache>"
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{chart.rows}"/>{points}'
        "</c:numCache></c:numRef></c:val></c:ser>"
    )


def _axes(chart: Chart) -> str:
    bars = chart.direction == "bar"
    category_side, value_side = ("l", "b") if bars else ("b", "l")
    common = '<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
    return (
        f'<c:catAx><c:axId val="{CATEGORY_AXIS}"/>{common}<c:axPos val="{category_side}"/>'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="{VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{VALUE_AXIS}"/>'
        '<c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{value_side}"/>'
        '<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/>'
        "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        f"<c:title>{_rich(chart.axis_title, 900, rotated=not bars)}</c:title>"
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="{CATEGORY_AXIS}"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )


def chart_xml(chart: Chart, *, data_id: str) -> bytes:
    """The chart part: a clustered bar or column chart with the figures cached in it (what
    Word shows without opening the workbook ``data_id`` names)."""
    direction = "bar" if chart.direction == "bar" else "col"
    gap, overlap = (50, 100) if chart.overlap else (80, 0)
    series = "".join(_series(n, s, chart) for n, s in enumerate(chart.series))
    text = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<c:chartSpace {CHART_NS} {nsdecls('a', 'r')}>"
        '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
        f"<c:chart><c:title>{_rich(chart.title, 1200, bold=True)}</c:title>"
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{series}<c:gapWidth val="{gap}"/>'
        f'<c:overlap val="{overlap}"/>'
        f'<c:axId val="{CATEGORY_AXIS}"/><c:axId val="{VALUE_AXIS}"/></c:barChart>'
        f"{_axes(chart)}</c:plotArea>"
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        + _text_properties(900)
        + f'<c:externalData r:id="{data_id}"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
    return text.encode("utf-8")


@functools.cache
def _workbook_parts() -> dict[str, bytes]:
    """The parts of an empty workbook with one sheet, written by openpyxl once a process."""
    book = Workbook()
    book.active.title = SHEET
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _workbook(chart: Chart) -> bytes:
    """The chart's data as a workbook: categories down column A, one column per series.
    Only the sheet is written per chart (openpyxl took 7 ms a workbook, most of a chart's
    time); its text cells are inline strings, which Excel never reads as formulas."""
    rows: list[list[str | Decimal]] = [["", *(s.name for s in chart.series)]]
    rows += [[c, *(s.values[n] for s in chart.series)] for n, c in enumerate(chart.categories)]
    cells = []
    for r, row in enumerate(rows, start=1):
        cells.append(f'<row r="{r}">')
        for c, value in enumerate(row, start=1):
            where = f"{get_column_letter(c)}{r}"
            if isinstance(value, Decimal):
                cells.append(f'<c r="{where}"><v>{_number(value)}</v></c>')
            elif value:
                text = escape(clean_text(value, where="图表数据"))  # already XML-safe
                cells.append(f'<c r="{where}" t="inlineStr"><is><t>{text}</t></is></c>')
        cells.append("</row>")
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(cells)}</sheetData></worksheet>"
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _workbook_parts().items():
            archive.writestr(name, sheet if name == SHEET_PART else data)
    return buffer.getvalue()
