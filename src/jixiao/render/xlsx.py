"""The self-evaluation forms as an xlsx workbook, in a province's layout.

One sheet per evaluation form (project, department, scoring table), then the 审核说明
sheet; a 汇总 sheet comes first only on request. Header cells are merged as in the printed
forms (一级/二级 vertically), every table cell has a thin border, money has two decimals,
the page is A4 landscape fitted to the width with the indicator header repeated on every
page, and fonts carry Chinese names.

By default the forms show what the unit filed, every figure the rules disagree with
highlighted and commented; ``recomputed`` writes the corrected form, marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.assessment import Assessment
from jixiao.errors import JixiaoError
from jixiao.render.cycle_grid import cycle_grids, is_cycle_form
from jixiao.render.cycle_xlsx import write_grid
from jixiao.render.form_sheet import FormSheet
from jixiao.render.formula_cache import fill_cached_values
from jixiao.render.layout import Layout, resolve_layout
from jixiao.render.paging import keep_groups_together, print_setup
from jixiao.render.review_sheet import PlacedForm, over_full_marks, review_sheet, summary_sheet
from jixiao.render.sheet import Mark, SheetWriter
from jixiao.render.view import form_views

SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
REVIEW_SHEET = "审核说明"
SUMMARY_SHEET = "汇总"
RECOMPUTED_TAB = "F4B183"


@dataclass(frozen=True)
class FormsOptions:
    layout: str = "auto"
    recomputed: bool = False
    summary_sheet: bool = False


@dataclass
class FormsSummary:
    """What was written: sheet names, forms left out, marked figures and warnings."""

    path: Path
    layout: str
    sheets: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    differences: int = 0
    warnings: list[str] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)


def _sheet_name(index: int, name: str, used: set[str]) -> str:
    base = f"{index}-{name}".translate(SHEET_NAME_FORBIDDEN).strip("'") or str(index)
    title = base[:SHEET_NAME_LIMIT]
    counter = 2
    while title in used:
        suffix = f"~{counter}"
        title = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        counter += 1
    used.add(title)
    return title


def write_forms(
    assessment: Assessment, path: Path, options: FormsOptions | None = None
) -> FormsSummary:
    """Write every evaluation form of the assessed document to ``path`` (xlsx), with the
    assessment's scores."""
    options = options or FormsOptions()
    layout: Layout = resolve_layout(options.layout, assessment.pack)
    document, result = assessment.document, assessment.scores
    summary = FormsSummary(path=path, layout=layout.name)
    views = list(form_views(document, result, claimed=not options.recomputed))
    written = {v.form.type for v in views}
    summary.skipped = [
        getattr(form, "name", form.type)
        for form in document.forms
        if (form.type not in written or layout.for_form(form.type) is None)
        and not is_cycle_form(form)
    ]
    workbook = Workbook()
    workbook.remove(workbook.active)
    used = {REVIEW_SHEET, SUMMARY_SHEET}
    summary_ws = workbook.create_sheet(SUMMARY_SHEET) if options.summary_sheet else None
    caches: list[dict[str, Decimal]] = [{}] if summary_ws is not None else []
    placed: list[PlacedForm] = []
    marks: list[Mark] = []
    for n, view in enumerate(views, start=1):
        form_layout = layout.for_form(view.form.type)
        if form_layout is None:
            continue
        ws = workbook.create_sheet(_sheet_name(n, view.form.name, used))
        if options.recomputed:
            ws.sheet_properties.tabColor = RECOMPUTED_TAB
        widths = ([form_layout.side_width] if form_layout.side_label else []) + [
            c.width for c in form_layout.columns
        ]
        writer = SheetWriter(ws, widths, layout.fonts)
        sheet = FormSheet(writer, view, form_layout, recomputed=options.recomputed)
        rows = sheet.write()
        writer.finish()
        print_setup(ws, rows.header)
        heights = {r: writer.height(r) for r in range(1, rows.end + 1)}
        summary.pages[ws.title] = keep_groups_together(ws, rows, widths, heights)
        caches.append(writer.cache)
        marks.extend(writer.marks)
        total_cell = sheet.total_cell
        shown = writer.numbers.get(total_cell) if total_cell else None
        placed.append(PlacedForm(ws.title, view, total_cell, shown))
    cycle = cycle_grids(document)
    for n, grid in enumerate(cycle, start=len(views) + 1):
        write_grid(workbook.create_sheet(_sheet_name(n, grid.title, used)), grid, layout.fonts)
        summary.sheets.append(workbook.worksheets[-1].title)
        caches.append({})  # no formulas on a cycle form
    if not placed and not cycle:
        message = "文件中没有可导出的自评表、评分表、绩效目标表或监控表"
        raise JixiaoError("E501", message, file=document.source_file)
    if placed:
        review_sheet(workbook.create_sheet(REVIEW_SHEET), marks, placed, layout.fonts,
                     recomputed=options.recomputed)
        caches.append({})
    if summary_ws is not None:
        writer_cache = summary_sheet(
            summary_ws, placed, layout.fonts, recomputed=options.recomputed
        )
        caches[0] = writer_cache
    workbook.calculation.fullCalcOnLoad = True
    summary.sheets[:0] = [form.sheet for form in placed]
    summary.differences = len(marks)
    summary.warnings = [w for w in map(over_full_marks, placed) if w]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        workbook.save(path)
        fill_cached_values(path, caches)
    except OSError as exc:
        raise JixiaoError("E503", f"无法写入文件：{exc.strerror}", file=str(path)) from None
    return summary
