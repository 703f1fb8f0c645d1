"""Downloads: one evaluation as canonical JSON/YAML, its forms (xlsx) and report (docx)
through :mod:`jixiao.render`, and the bureau-wide summary workbook (openpyxl)."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Font

from jixiao.model.io import dump_json, dump_yaml
from jixiao.render.cells import MAX_CELL_CHARS, needs_quote, xml_safe
from jixiao.render.cycle_docx import write_grids
from jixiao.render.cycle_grid import cycle_grids
from jixiao.render.report import ReportOptions, write_report
from jixiao.render.xlsx import FormsOptions, write_forms
from jixiao.web.dashboard import figure_rows, listed_units, overview
from jixiao.web.models import Evaluation, Status, Unit
from jixiao.web.services import CYCLE_TYPES, FORM_TYPE_LABELS, assess, load

FORMATS = {
    "json": "application/json; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
XLSX = FORMATS["xlsx"]


def attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download response with a (Chinese) file name."""
    response = HttpResponse(data, content_type=content_type)
    response.headers["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


def evaluation_file(evaluation: Evaluation, fmt: str) -> tuple[bytes, str]:
    """The file's bytes and its download name (``fmt`` is a key of :data:`FORMATS`)."""
    document = load(evaluation)
    base = f"{evaluation.name[:60]}"
    if fmt == "json":
        return dump_json(document).encode(), f"{base}.json"
    if fmt == "yaml":
        return dump_yaml(document).encode(), f"{base}.yaml"
    if fmt == "docx" and evaluation.form_type in CYCLE_TYPES:  # the form itself, in Word
        with tempfile.TemporaryDirectory(prefix="jixiao-export-") as folder:
            path = Path(folder) / "out.docx"
            write_grids(cycle_grids(document), path)
            return path.read_bytes(), f"{base}.docx"
    # The pack the stored findings were made under; the one assessment serves the file.
    assessment = assess(document, evaluation.pack_used or evaluation.pack).core
    with tempfile.TemporaryDirectory(prefix="jixiao-export-") as folder:
        path = Path(folder) / f"out.{fmt}"
        if fmt == "xlsx":
            write_forms(assessment, path, FormsOptions())
            kind = "" if evaluation.form_type in CYCLE_TYPES else "-自评表"
            return path.read_bytes(), f"{base}{kind}.xlsx"
        write_report(assessment, path, ReportOptions(with_findings=True))
        return path.read_bytes(), f"{base}-评价报告.docx"


def _same(value: Any) -> Any:
    return value


def write_sheet(
    workbook: Workbook, title: str, headers: list[str], rows: Iterable[list[Any]]
) -> None:
    """A sheet of plain values: text is never a formula (``=…`` is stored as quoted text)."""
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for n, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=n, column=column)
            if isinstance(value, str):
                cell.value = xml_safe(value)[:MAX_CELL_CHARS]
                if needs_quote(value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
            else:
                cell.value = value
    sheet.freeze_panes = "A2"
    for n, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=n).column_letter].width = max(
            10, len(header) * 2 + 2
        )


def summary_workbook(
    queryset: QuerySet[Evaluation],
    units: QuerySet[Unit],
    year: int | None,
    roots: list[int] | None,
) -> bytes:
    """Every evaluation in the queryset, the figures of the units and findings by code."""
    statuses = dict(Status.choices)
    workbook = Workbook()
    workbook.remove(workbook.active)
    columns: list[tuple[str, str, Callable[[Any], Any]]] = [
        ("主管部门", "unit__parent__name", lambda v: v or ""),
        ("单位", "unit__name", _same),
        ("年度", "year", _same),
        ("类型", "form_type", lambda v: FORM_TYPE_LABELS.get(v, v)),
        ("名称", "name", _same),
        ("状态", "status", lambda v: statuses.get(v, v)),
        ("应得总分", "computed_total", _same),
        ("原文总分", "claimed_total", _same),
        ("等次", "grade", _same),
        ("执行率(%)", "execution_rate", _same),
        ("错误", "error_count", _same),
        ("警告", "warning_count", _same),
        ("指标全部满分", "all_full_marks", lambda v: "是" if v else ""),
    ]
    rows = queryset.order_by("unit__path", "year", "name").values_list(*(c[1] for c in columns))
    write_sheet(
        workbook,
        "评价表",
        [c[0] for c in columns],
        ([c[2](v) for c, v in zip(columns, row, strict=True)] for row in rows.iterator()),
    )
    data = overview(units, year, roots=roots)
    write_sheet(
        workbook,
        "按单位",
        ["主管部门", "单位", "评价表数", "已报送", "平均应得分", "最低应得分", "错误", "已通过",
         "全部满分"],
        (
            [
                u["unit__parent__name"] or "",
                u["unit__name"],
                u["count"],
                u["counted"],
                u["average"],
                u["lowest"],
                u["errors"],
                u["approved"],
                "是" if u["counted"] and u["full"] == u["counted"] else "",
            ]
            for u in figure_rows(listed_units(units, year).order_by("path"), year)
        ),
    )
    write_sheet(
        workbook,
        "审核问题",
        ["代码", "规则", "问题数", "涉及评价表"],
        ([c["code"], c["title"], c["n"], c["evaluations"]] for c in data.codes),
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
