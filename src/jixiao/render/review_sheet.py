"""The workbook's 审核说明 sheet (every marked figure, and totals above full marks) and the
optional 汇总 sheet (one line per form, its total linked to the form's total cell)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from jixiao.render.layout import Fonts
from jixiao.render.numbers import printed
from jixiao.render.paging import print_setup
from jixiao.render.sheet import Formula, Mark, SheetWriter
from jixiao.render.view import FormView, Value

HUNDRED = Decimal(100)
FORM_TYPE_ZH = {
    "project_self_evaluation": "项目支出绩效自评表",
    "department_self_evaluation": "部门（单位）整体支出绩效自评表",
    "scored_evaluation": "绩效评价评分表",
}


@dataclass(frozen=True)
class PlacedForm:
    sheet: str
    view: FormView
    total_cell: str | None
    total: Decimal | None  # the total the sheet shows


def over_full_marks(placed: PlacedForm) -> str | None:
    """The warning for a form whose total (shown or by the rules) or whose weights exceed
    full marks, or ``None``."""
    view = placed.view
    full = view.total_weight
    problems = []
    if full > HUNDRED:
        problems.append(f"各项分值合计{printed(full)}分，超过{HUNDRED}分")
    totals = {placed.total, view.result.computed_total, view.result.claimed_total}
    above = sorted(t for t in totals if t is not None and t > full)
    if above:
        shown = "、".join(f"{printed(t)}分" for t in above)
        problems.append(f"总分{shown}超过满分{printed(full)}分")
    if not problems:
        return None
    return f"《{view.form.name}》" + "，".join(problems) + "，请核对各项分值和得分"


def _title(writer: SheetWriter, text: str, width: int) -> None:
    fonts = writer.fonts
    writer.put(
        1,
        1,
        text,
        cols=width,
        bold=True,
        border=False,
        size=fonts.title_size,
        font_name=fonts.title,
    )


def review_sheet(
    ws: Worksheet, marks: list[Mark], placed: list[PlacedForm], fonts: Fonts, *, recomputed: bool
) -> None:
    headers = ["序号", "表格", "单元格", "项目", "原填报", "按规则计算", "说明"]
    writer = SheetWriter(ws, [6, 30, 8, 26, 12, 12, 60], fonts)
    _title(writer, "审核说明", len(headers))
    basis = (
        "各表得分、执行率和总分为按评分规则重新计算的结果"
        if recomputed
        else "各表填写的是单位原填报数，未作改动"
    )
    writer.put(
        2,
        1,
        f"{basis}；下列单元格与评分规则计算结果不一致，已在表中标色并加批注。",
        cols=len(headers),
        border=False,
        align="left",
    )
    row = 3
    for warning in filter(None, map(over_full_marks, placed)):
        writer.put(
            row, 1, f"注意：{warning}。", cols=len(headers), border=False, align="left", bold=True
        )
        row += 1
    for col, header in enumerate(headers, start=1):
        writer.put(row, col, header, bold=True)
    header_row = row
    row += 1
    if not marks:
        writer.put(row, 1, "未发现与评分规则不一致的数字。", cols=len(headers), align="left")
        row += 1
    for n, mark in enumerate(marks, start=1):
        values: list[Value] = [
            Decimal(n),
            mark.sheet,
            mark.cell,
            mark.item,
            mark.filed,
            mark.expected,
            mark.reason,
        ]
        for col, value in enumerate(values, start=1):
            writer.put(row, col, value, align="left" if col in (2, 4, 7) else "center")
        ws.cell(row=row, column=3).hyperlink = f"#'{mark.sheet}'!{mark.cell}"
        row += 1
    writer.finish()
    print_setup(ws, header_row)


def summary_sheet(
    ws: Worksheet, placed: list[PlacedForm], fonts: Fonts, *, recomputed: bool
) -> dict[str, Decimal]:
    """Write the 汇总 sheet; returns the values of its formula cells (links to the totals)."""
    headers = ["序号", "表格", "类型", "满分", "得分", "等次", "与规则不一致（处）"]
    writer = SheetWriter(ws, [6, 48, 26, 8, 10, 8, 12], fonts)
    _title(writer, "绩效自评表汇总", len(headers))
    for col, header in enumerate(headers, start=1):
        writer.put(2, col, header, bold=True)
    row = 3
    for n, form in enumerate(placed, start=1):
        view = form.view
        total: Value | Formula = form.total
        if form.total_cell is not None and form.total is not None:
            total = Formula(f"'{form.sheet}'!{form.total_cell}", form.total)
        values: list[Value | Formula] = [
            Decimal(n),
            view.form.name,
            FORM_TYPE_ZH.get(view.form.type, view.form.type),
            view.total_weight,
            total,
            view.grade,
            Decimal(view.differences()),
        ]
        for col, value in enumerate(values, start=1):
            writer.put(
                row,
                col,
                value,
                align="left" if col == 2 else "center",
                number_format="0.00" if col == 5 else "General",
            )
        ws.cell(row=row, column=2).hyperlink = f"#'{form.sheet}'!A1"
        row += 1
    basis = "按评分规则重新计算" if recomputed else "单位原填报数"
    writer.put(
        row + 1,
        1,
        f"说明：得分为{basis}；金额单位：万元。",
        cols=len(headers),
        border=False,
        align="left",
    )
    writer.finish()
    print_setup(ws, 2)
    return writer.cache
