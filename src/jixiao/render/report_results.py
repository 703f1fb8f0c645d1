"""The report's pieces about results: the conclusion with its level-1 table and chart, the
indicator analysis, the shortfalls, and the review sentences where the filed execution rate
or total differs from the rules' (see :mod:`jixiao.render.report_blocks` for the rules on
which figures are shown)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.render import charts
from jixiao.render.numbers import percent, prose_quantity, ratio, score, weight
from jixiao.render.report_review import ReviewBlocks
from jixiao.render.view import IndicatorView

ZERO = Decimal(0)


class ResultBlocks(ReviewBlocks):
    def conclusion(self) -> None:
        view = self.view
        result = view.result
        year = f"{view.year}年度" if view.year else ""
        lead = "按评分规则计算" if self.recomputed else "经自评"
        sentence = (
            f"{lead}，{view.form.name}{year}绩效综合得分{self.shown(view.total)}分"
            f"（满分{weight(result.total_weight)}分），评价等次为“{self.grade_of(view)}”。"
        )
        parts = []
        if result.execution is not None:
            parts.append(
                f"预算执行率得{self.shown(view.execution_score)}分"
                f"（分值{weight(result.execution.weight)}分）"
            )
        parts.extend(
            f"{sub.level1}得{self.shown(view.subtotal(sub))}分（分值{weight(sub.weight)}分，"
            f"得分率{percent(ratio(view.subtotal(sub), sub.weight))}）"
            for sub in result.subtotals
        )
        if parts:
            sentence += "其中，" + "；".join(parts) + "。"
        self.doc.paragraph(sentence)
        self.total_review()
        if self.recomputed:
            for note in result.notes:
                self.doc.paragraph(f"说明：{note}。")
        rows = []
        if result.execution is not None:
            rows.append(
                [
                    "预算执行率",
                    weight(result.execution.weight),
                    self.shown(view.execution_score),
                    percent(ratio(view.execution_score, result.execution.weight)),
                ]
            )
        rows.extend(
            [
                sub.level1,
                weight(sub.weight),
                self.shown(view.subtotal(sub)),
                percent(ratio(view.subtotal(sub), sub.weight)),
            ]
            for sub in result.subtotals
        )
        rows.append(
            [
                "合计",
                weight(result.total_weight),
                self.shown(view.total),
                percent(ratio(view.total, result.total_weight)),
            ]
        )
        self.doc.table(
            ["一级指标", "分值", "得分", "得分率"],
            rows,
            widths=[7.0, 2.8, 2.8, 3.0],
            left_columns=[0],
        )
        if self.options.charts:
            self.figure(charts.level1_chart(view), "一级指标分值与得分")

    def analysis(self) -> None:
        view = self.view
        items = view.indicators_proper()
        for n, sub in enumerate(view.result.subtotals, start=1):
            members = [i for i in items if i.indicator.level1 == sub.level1]
            if not members:
                continue
            self.doc.heading(f"{n}. {sub.level1}", 3)
            full = sum(1 for i in members if i.score is not None and i.score == i.indicator.weight)
            got = view.subtotal(sub)
            self.doc.paragraph(
                f"{sub.level1}分值{weight(sub.weight)}分，得分{self.shown(got)}分，"
                f"得分率{percent(ratio(got, sub.weight))}；共{len(members)}项指标，"
                f"{full}项得满分。"
            )
            for item in members:
                self.doc.paragraph(self.indicator_sentence(item))
        shown = charts.indicator_charts(view) if self.options.charts else []
        for number, chart in enumerate(shown, start=1):
            part = f"（{number}/{len(shown)}）" if len(shown) > 1 else ""
            self.figure(chart, "各项指标分值与得分" + part)

    def indicator_sentence(self, item: IndicatorView) -> str:
        indicator, result = item.indicator, item.result
        parts = []
        if indicator.target:
            parts.append(f"目标值{prose_quantity(indicator.target)}")
        if indicator.actual:
            parts.append(f"实际完成{prose_quantity(indicator.actual)}")
        if result.computed_completion is not None:
            parts.append(f"完成率{percent(result.computed_completion)}")
        if result.status == "not_applicable":
            parts.append("不适用")
        else:
            parts.append(f"得{self.shown(item.score)}分")
        text = f"“{indicator.name}”（分值{weight(indicator.weight)}分）：" + "，".join(parts) + "。"
        if (
            item.score is not None
            and indicator.weight is not None
            and item.score < indicator.weight
        ):
            text += f"扣{score(indicator.weight - item.score)}分。"
        if not self.recomputed and item.differs and result.computed_score is not None:
            text += f"（经审核，按评分规则应得{score(result.computed_score)}分。）"
        if indicator.deviation_note:
            text += f"偏差原因分析及改进措施：{indicator.deviation_note}"
        return text

    # -- where filed and computed figures differ -----------------------------------------
