"""The report's funding section: the budget, execution and rate of each source, as a
sentence, a table and a chart, with the review of a filed execution rate."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.evaluation import SelfEvaluationBase
from jixiao.render import charts
from jixiao.render.numbers import money, percent, ratio, weight
from jixiao.render.report_review import ReviewBlocks


def _amount(value: Decimal | None, unit: str) -> str:
    return "—" if value is None else f"{money(value)}{unit}"


class FundingBlocks(ReviewBlocks):
    def funding(self) -> None:
        form = self.view.self_evaluation
        if form is None:
            return
        doc, unit = self.doc, form.money_unit
        total = form.total_funding
        if total is None:
            self.placeholder("资金投入和使用情况（表内无资金合计数）")
            return
        year = f"{self.view.year}年度，" if self.view.year else ""
        sentence = (
            f"{year}{form.name}年初预算数{_amount(total.initial_budget, unit)}，"
            f"全年预算数{_amount(total.adjusted_budget, unit)}，"
            f"全年执行数{_amount(total.executed, unit)}"
        )
        execution = self.view.result.execution
        if execution is not None:
            sentence += f"，预算执行率{self.execution_rate_text()}"
            sentence += (
                f"，得{self.shown(self.view.execution_score)}分（分值{weight(execution.weight)}分）"
            )
        sentence += "。"
        parts = [
            f"{line.source.removeprefix('其中：').strip()}全年预算数"
            f"{_amount(line.adjusted_budget, unit)}、执行数{_amount(line.executed, unit)}"
            f"（执行率{percent(ratio(line.executed, line.adjusted_budget))}）"
            for line in form.funding
            if line is not total and line.adjusted_budget and line.executed is not None
        ]
        if parts:
            sentence += "其中：" + "；".join(parts) + "。"
        if total.adjusted_budget is not None and total.executed is not None:
            unspent = total.adjusted_budget - total.executed
            if unspent > 0:
                sentence += f"未执行{_amount(unspent, unit)}。"
        doc.paragraph(sentence)
        self.execution_review()
        self.funding_table(form)
        if self.options.charts:
            self.figure(charts.funding_chart(self.view), "预算执行情况（按资金来源）")

    def funding_table(self, form: SelfEvaluationBase) -> None:
        unit = form.money_unit
        rows = [
            [
                line.source,
                money(line.initial_budget),
                money(line.adjusted_budget),
                money(line.executed),
                percent(ratio(line.executed, line.adjusted_budget)),
            ]
            for line in form.funding
        ]
        self.doc.table(
            [
                "资金来源",
                f"年初预算数（{unit}）",
                f"全年预算数（{unit}）",
                f"全年执行数（{unit}）",
                "执行率",
            ],
            rows,
            widths=[4.8, 2.9, 2.9, 2.9, 2.1],
            left_columns=[0],
        )
