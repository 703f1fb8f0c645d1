"""The total row of an evaluation form sheet: live SUM formulas, or the printed total marked."""

from __future__ import annotations

from decimal import Decimal

from jixiao.render.form_sheet_base import FormSheetBase
from jixiao.render.numbers import printed, score
from jixiao.render.sheet import Formula, prepare


class TotalRow(FormSheetBase):
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
