"""One evaluation form as a sheet, in a province's layout, with disagreements marked.

By default the sheet shows what the unit filed; with ``recomputed`` the scores, execution
rate and total the rules give. Either way every figure where the two differ is highlighted
and carries a comment with the other value and the reason, and the totals are live
``SUM`` formulas (with their values cached) unless the total shown is not the sum of the
scores shown (a filed total that does not add up), in which case the figure is kept as
printed and marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from jixiao.model.evaluation import FundingLine
from jixiao.render.layout import FormLayout
from jixiao.render.numbers import percent, printed, score
from jixiao.render.sheet import Formula, SheetWriter, prepare
from jixiao.render.view import FormView, FundingView, IndicatorView, Value

RECOMPUTED_NOTE = (
    "本表得分、执行率和总分按评分规则重新计算；与原填报不一致处已标注（见批注和“审核说明”表）。"
)
FILED_NOTE = "本表为原填报数；与评分规则计算结果不一致处已标注（见批注和“审核说明”表）。"


def chunks(total: int, parts: int) -> list[int]:
    size, extra = divmod(total, parts)
    return [size + (1 if n >= parts - extra else 0) for n in range(parts)]


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


def _key(text: str) -> str:
    return text.replace("其中", "").strip(" ：:\u3000").replace(" ", "")


def _rate(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.strip().rstrip("%％&").strip())
    except InvalidOperation:
        return None


@dataclass
class FormRows:
    """Where the parts of the form landed (for page breaks and the review sheet)."""

    header: int = 0
    groups: list[tuple[int, int]] = field(default_factory=list)  # level-1 (first, last) rows
    end: int = 0


class FormSheet:
    def __init__(
        self, writer: SheetWriter, view: FormView, layout: FormLayout, *, recomputed: bool
    ) -> None:
        self.w = writer
        self.view = view
        self.layout = layout
        self.recomputed = recomputed
        self.score_cells: list[str] = []
        self.weight_cells: list[str] = []
        self.rows = FormRows()
        self.total_cell: str | None = None

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

    def _funding(self) -> None:
        block, w = self.layout.funding, self.w
        if block is None:
            return
        lines = self.view.funding() or [
            FundingView(FundingLine(source="年度资金总额", is_total=True), None, True, None)
        ]
        breakdown_rows = 1 + max((len(c.items) for c in block.breakdown), default=0)
        extra = breakdown_rows if block.breakdown else 0
        w.put(w.row, 1, block.label, cols=block.label_span, rows=len(lines) + 1 + extra, bold=True)
        col = 1 + block.label_span
        for column in block.columns:
            w.put(w.row, col, column.header, cols=column.span, bold=True)
            col += column.span
        w.row += 1
        for line in lines:
            col = 1 + block.label_span
            for column in block.columns:
                value = prepare(line.value(column.field), column.number_format)
                coordinate = w.put(
                    w.row,
                    col,
                    value,
                    cols=column.span,
                    number_format=column.number_format,
                    align="left" if column.field == "source" else "center",
                )
                self._execution_cell(line, column.field, coordinate)
                col += column.span
            w.row += 1
        if block.breakdown:
            self._breakdown(lines)

    def _breakdown(self, lines: list[FundingView]) -> None:
        block, w = self.layout.funding, self.w
        assert block is not None
        executed = {_key(v.line.source): v.line.executed for v in lines}
        first = 1 + block.label_span
        spans = chunks(self.layout.width - block.label_span, len(block.breakdown))
        for n in range(1 + max(len(c.items) for c in block.breakdown)):
            col = first
            for column, span in zip(block.breakdown, spans, strict=True):
                if n == 0:
                    text = column.label
                elif n - 1 < len(column.items):
                    item = column.items[n - 1]
                    amount = executed.get(_key(item))
                    prefix = "其中：" if n == 1 else ""
                    text = f"{prefix}{item}：" + ("" if amount is None else f"{amount:,.2f}")
                else:
                    text = ""
                w.put(w.row, col, text, cols=span, align="left")
                col += span
            w.row += 1

    def _execution_cell(self, line: FundingView, field_name: str, coordinate: str) -> None:
        execution = line.execution
        if execution is None:
            return
        if field_name == "execution_score":
            self.score_cells.append(coordinate)
            filed, computed = execution.claimed_score, execution.computed_score
            if computed is not None and (filed is None or execution.agrees is False):
                self._mark_pair(
                    coordinate,
                    "预算执行率得分",
                    filed,
                    computed,
                    f"执行率{percent(execution.computed_rate)}，按评分规则计分。",
                )
        elif field_name == "execution_weight":
            self.weight_cells.append(coordinate)
        elif field_name == "execution_rate":
            filed_rate, computed_rate = _rate(execution.claimed_rate), execution.computed_rate
            if computed_rate is not None and (
                filed_rate is None or abs(filed_rate - computed_rate) >= Decimal("0.01")
            ):
                how = "已按" if self.recomputed else "应按"
                self.w.mark(
                    coordinate,
                    "预算执行率",
                    execution.claimed_rate or "未填写",
                    percent(computed_rate),
                    f"{how}全年执行数 ÷ 全年预算数 × 100%计算。",
                )

    def _mark_pair(
        self, coordinate: str, item: str, filed: Decimal | None, computed: Decimal, reason: str
    ) -> None:
        filed_text = "未填写" if filed is None else f"{printed(filed)}分"
        self.w.mark(coordinate, item, filed_text, f"{score(computed)}分", reason)

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

    def _total(self) -> None:
        layout, w, view = self.layout, self.w, self.view
        result = view.result
        offset = 2 if layout.side_label else 1
        fields = [c.field for c in layout.columns]
        first_number = offset + min(fields.index(f) for f in ("weight", "score") if f in fields)
        w.put(w.row, 1, layout.total_label, cols=first_number - 1, bold=True)
        for col in range(first_number, layout.width + 1):
            column = layout.columns[col - offset]
            if column.field == "weight":
                w.put(
                    w.row,
                    col,
                    w.total_of(self.weight_cells),
                    bold=True,
                    number_format=column.number_format,
                )
            elif column.field == "score":
                formula = w.total_of(self.score_cells)
                shown = result.computed_total if self.recomputed else result.claimed_total
                value: Formula | Decimal | None = formula
                if shown is not None and (
                    formula is None or prepare(formula.value, "0.00") != prepare(shown, "0.00")
                ):
                    value = shown  # the total is not the sum of the scores shown: keep it as is
                coordinate = w.put(w.row, col, value, bold=True, number_format=column.number_format)
                self.total_cell = coordinate
                self._total_mark(coordinate, formula)
            else:
                w.put(w.row, col, None)
        w.row += 1

    def _total_mark(self, coordinate: str, formula: Formula | None) -> None:
        result = self.view.result
        filed, computed = result.claimed_total, result.computed_total
        reasons = []
        if (
            formula is not None
            and filed is not None
            and not self.recomputed
            and prepare(formula.value, "0.00") != prepare(filed, "0.00")
        ):
            reasons.append(f"各项得分合计为{score(formula.value)}分，与填报总分不符")
        if computed is not None and filed != computed:
            reasons.append("各项得分按评分规则计算后合计")
        full = result.total_weight
        shown = computed if self.recomputed else filed
        if shown is not None and shown > full:
            reasons.append(f"总分超过满分{printed(full)}分")
        if computed is not None and reasons:
            filed_text = "未填写" if filed is None else f"{printed(filed)}分"
            self.w.mark(
                coordinate, "总分", filed_text, f"{score(computed)}分", "；".join(reasons) + "。"
            )

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
