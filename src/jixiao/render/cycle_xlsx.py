"""Budget-cycle forms to xlsx: each form's grid (:mod:`jixiao.render.cycle_grid`) on a sheet
of its own, bordered, wrapped, printed on A4 to the page width."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from jixiao.decimals import printed_places
from jixiao.render.cycle_grid import FormGrid, spans
from jixiao.render.layout import Fonts
from jixiao.render.paging import print_setup
from jixiao.render.sheet import SheetWriter


def amount_format(value: Decimal) -> str:
    """Thousands separated, with the places printed (two at least): 10606.7522 keeps four."""
    return "#,##0." + "0" * max(2, printed_places(value))


def write_grid(ws: Worksheet, grid: FormGrid, fonts: Fonts) -> None:
    """The form's title and year, then its grid from the third row."""
    writer = SheetWriter(ws, grid.widths, fonts)
    writer.put(1, 1, grid.title, cols=grid.width, bold=True, border=False,
               size=fonts.title_size, font_name=fonts.title)  # fmt: skip
    writer.put(2, 1, grid.subtitle, cols=grid.width, border=False)
    for r, c, rows, cols, value in spans(grid):
        left = r in grid.wide and c > 0 and isinstance(value, str)
        writer.put(r + 3, c + 1, value, rows=rows, cols=cols, bold=r in grid.headers,
                   align="left" if left else "center",
                   number_format=amount_format(value) if isinstance(value, Decimal) else "General")
    writer.finish()
    print_setup(ws, None)
    if grid.width <= 6:
        ws.page_setup.orientation = "portrait"
