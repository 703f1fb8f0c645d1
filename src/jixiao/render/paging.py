"""Print set-up of a form sheet: A4 landscape one page wide, the indicator header repeated,
a footer inside the margin, and page breaks that keep a level-1 group on one page.

Pages are estimated from the row heights the writer computed and the scale that fitting
the width implies (Excel and LibreOffice print a column of width *w* at about
``7 * w + 5`` pixels, 96 per inch).
"""

from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.render.form_sheet_base import FormRows

INCH_PT = 72.0
A4_LANDSCAPE_PT = (841.9, 595.3)
MARGIN_SIDE_IN = 0.5
MARGIN_TOP_IN = 0.6
MARGIN_BOTTOM_IN = 0.8
HEADER_IN = 0.3
FOOTER_IN = 0.35
SAFETY = 0.94  # room for rounding of row heights between applications


def print_setup(ws: Worksheet, header_row: int | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE_IN
    ws.page_margins.top = MARGIN_TOP_IN
    ws.page_margins.bottom = MARGIN_BOTTOM_IN
    ws.page_margins.header = HEADER_IN
    ws.page_margins.footer = FOOTER_IN
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


def _scale(widths: list[float]) -> float:
    sheet_pt = sum(7 * w + 5 for w in widths) * INCH_PT / 96
    usable = A4_LANDSCAPE_PT[0] - 2 * MARGIN_SIDE_IN * INCH_PT
    return min(1.0, usable / sheet_pt)


def keep_groups_together(
    ws: Worksheet, rows: FormRows, widths: list[float], height: dict[int, float]
) -> int:
    """Manual page breaks before level-1 groups (but the first) that would straddle a page
    but fit on one, and none that leaves the total row alone on the last page. Returns the
    estimated page count."""
    usable = (A4_LANDSCAPE_PT[1] - (MARGIN_TOP_IN + MARGIN_BOTTOM_IN) * INCH_PT) * SAFETY
    page = usable / _scale(widths)
    header = height.get(rows.header, 0.0)
    used = sum(height.get(r, 0.0) for r in range(1, rows.header + 1))
    pages = 1
    groups = rows.groups
    for n, (first, last) in enumerate(groups):
        size = sum(height.get(r, 0.0) for r in range(first, last + 1))
        if n == len(groups) - 1:  # the last group carries the total and the footer rows
            size += sum(height.get(r, 0.0) for r in range(last + 1, rows.end + 1))
        # No break before the first group (it would leave the indicator header alone at the
        # foot of the page, under the funding block) nor before a group taller than a page
        # (it runs on wherever it starts): such a group starts here and runs on.
        if n > 0 and used > header and used + size > page and size <= page - header:
            ws.row_breaks.append(Break(id=first - 1))
            pages += 1
            used = header
        used += size
        while used > page:  # a group taller than a page runs on
            pages += 1
            used -= page - header
    return pages
