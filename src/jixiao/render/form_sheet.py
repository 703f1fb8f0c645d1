"""One evaluation form as a sheet, in a province's layout, with disagreements marked.

By default the sheet shows what the unit filed; with ``recomputed`` the scores, execution
rate and total the rules give. Either way every figure where the two differ is highlighted
and carries a comment with the other value and the reason, and the totals are live
``SUM`` formulas (with their values cached) unless the total shown is not the sum of the
scores shown (a filed total that does not add up), in which case the figure is kept as
printed and marked.
"""

from __future__ import annotations

from jixiao.render.form_sheet_base import FormRows, chunks
from jixiao.render.form_sheet_funding import FundingBlock
from jixiao.render.form_sheet_total import TotalRow
from jixiao.render.sheet import prepare
from jixiao.render.view import IndicatorView, Value

RECOMPUTED_NOTE = (
    "本表得分、执行率和总分按评分规则重新计算；与原填报不一致处已标注（见批注和“审核说明”表）。"
)
FILED_NOTE = "本表为原填报数；与评分规则计算结果不一致处已标注（见批注和“审核说明”表）。"


def _runs(values: list[Value], limits: list[int]) -> list[tuple[int, int]]:
    """(start, length) runs of equal non-empty values that never cross a limit index."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(values) + 1):
        if (
            index == len(values)
            or index in limits
            or values[index] != values[start]
            or values[start] in (None, "")
        ):
            runs.append((start, index - start))
            start = index
    return runs


class FormSheet(FundingBlock, TotalRow):
    def write(self) -> FormRows:
        layout, w = self.layout, self.w
        width = layout.width
        title = layout.title.format(name=self.view.form.name)
        w.put(
            w.row,
            1,
            title,
            cols=width,
            bold=True,
            border=False,
            size=w.fonts.title_size,
            font_name=w.fonts.title,
        )
        w.row += 1
        if layout.subtitle:
            year = "    " if self.view.year is None else str(self.view.year)
            w.put(w.row, 1, layout.subtitle.format(year=year), cols=width, border=False)
            w.row += 1
        if self.view.differences():
            note = RECOMPUTED_NOTE if self.recomputed else FILED_NOTE
            w.put(
                w.row, 1, note, cols=width, border=False, align="left", size=w.fonts.body_size - 1
            )
            w.row += 1
        self._info()
        self._funding()
        self._goals()
        self._indicators()
        self._total()
        self._footer()
        self.rows.end = w.row - 1
        return self.rows

    def _info(self) -> None:
        layout, w, form = self.layout, self.w, self.view.form
        for items in layout.info:
            col = 1
            for item, chunk in zip(items, chunks(layout.width, len(items)), strict=True):
                raw = getattr(form, item.field)
                value = None if raw is None else str(raw)
                w.put(w.row, col, item.label, cols=layout.info_label_span, bold=True)
                w.put(
                    w.row,
                    col + layout.info_label_span,
                    value,
                    cols=chunk - layout.info_label_span,
                    align="left",
                )
                col += chunk
            w.row += 1

    def _goals(self) -> None:
        goals, w = self.layout.goals, self.w
        form = self.view.self_evaluation
        if goals is None or form is None:
            return
        first, second = chunks(self.layout.width - goals.label_span, 2)
        col = 1 + goals.label_span
        w.put(w.row, 1, goals.label, cols=goals.label_span, rows=2, bold=True)
        w.put(w.row, col, goals.expected, cols=first, bold=True)
        w.put(w.row, col + first, goals.actual, cols=second, bold=True)
        w.row += 1
        w.put(w.row, col, form.goal_expected, cols=first, align="left")
        w.put(w.row, col + first, form.goal_actual, cols=second, align="left")
        w.row += 1

    def _indicators(self) -> None:
        layout, w = self.layout, self.w
        items = self.view.indicators()
        header = w.row
        self.rows.header = header
        offset = 1
        if layout.side_label:
            w.put(header, 1, layout.side_label, rows=len(items) + 1, bold=True)
            offset = 2
        for n, column in enumerate(layout.columns):
            w.put(header, offset + n, column.header, bold=True)
        first = header + 1
        merged_limits: list[int] = []
        for n, column in enumerate(layout.columns):
            values = [prepare(item.value(column.field), column.number_format) for item in items]
            if column.merge:
                runs = _runs(values, merged_limits)
                merged_limits = sorted({*merged_limits, *(start for start, _ in runs)})
            else:
                runs = [(i, 1) for i in range(len(values))]
            for start, length in runs:
                coordinate = w.put(
                    first + start,
                    offset + n,
                    values[start],
                    rows=length,
                    number_format=column.number_format,
                    align=column.align,
                )
                if column.field == "score":
                    self.score_cells.append(coordinate)
                    self._indicator_mark(coordinate, items[start])
                elif column.field == "weight":
                    self.weight_cells.append(coordinate)
        self.rows.groups = [(first + s, first + s + n - 1) for s, n in _groups(items)]
        w.row = first + len(items)

    def _indicator_mark(self, coordinate: str, item: IndicatorView) -> None:
        result = item.result
        filed, computed = result.claimed_score, result.computed_score
        if computed is None or filed == computed:
            return
        if filed is not None and result.agrees is not False:
            return  # equal at the printed precision
        self._mark_pair(coordinate, item.indicator.name, filed, computed, result.explanation)

    def _footer(self) -> None:
        layout, w = self.layout, self.w
        if layout.note:
            w.put(w.row, 1, layout.note, cols=layout.width, border=False, align="left")
            w.row += 1
        if layout.signature:
            col = 1
            spans = chunks(layout.width, len(layout.signature))
            for label, span in zip(layout.signature, spans, strict=True):
                w.put(w.row, col, label, cols=span, border=False, align="left")
                col += span
            w.row += 1


def _groups(items: list[IndicatorView]) -> list[tuple[int, int]]:
    """(start, length) of each run of one level-1 indicator."""
    runs: list[tuple[int, int]] = []
    for index, item in enumerate(items):
        if runs and items[runs[-1][0]].indicator.level1 == item.indicator.level1:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs
