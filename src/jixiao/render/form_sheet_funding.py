"""The funding block of an evaluation form sheet: sources, execution rate and its score."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jixiao.model.evaluation import FundingLine
from jixiao.render.form_sheet_base import FormSheetBase, chunks
from jixiao.render.numbers import percent
from jixiao.render.sheet import prepare
from jixiao.render.view import FundingView


def _key(text: str) -> str:
    return text.replace("其中", "").strip(" ：:\u3000").replace(" ", "")


def _rate(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.strip().rstrip("%％&").strip())
    except InvalidOperation:
        return None


class FundingBlock(FormSheetBase):
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
