"""The report's pieces about results: the conclusion with its level-1 table and chart, the
indicator analysis, the shortfalls, and the review sentences where the filed execution rate
or total differs from the rules' (see :mod:`jixiao.render.report_blocks` for the rules on
which figures are shown)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.decimals import round_half_up
from jixiao.render import charts
from jixiao.render.numbers import percent, printed, prose_quantity, ratio, score, weight
from jixiao.render.report_base import ReportBase
from jixiao.render.view import IndicatorView

ZERO = Decimal(0)


class ResultBlocks(ReportBase):
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
        pictures = charts.indicator_charts(view) if self.options.charts else []
        for number, png in enumerate(pictures, start=1):
            part = f"（{number}/{len(pictures)}）" if len(pictures) > 1 else ""
            self.figure(png, "各项指标分值与得分" + part)

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

    def shortfalls(self) -> None:
        view = self.view
        lost = [
            i
            for i in view.indicators_proper()
            if i.score is not None
            and i.indicator.weight is not None
            and i.score < i.indicator.weight
        ]
        execution = view.result.execution
        shown = view.execution_score
        short_execution = execution is not None and shown is not None and shown < execution.weight
        if not lost and not short_execution:
            return
        self.doc.paragraph("从评分结果看，以下方面未得满分：")
        n = 0
        if short_execution and execution is not None and shown is not None:
            n += 1
            lost_points = score(execution.weight - shown)
            self.doc.paragraph(f"{n}. 预算执行率{self.execution_rate_text()}，扣{lost_points}分。")
        for item in lost:
            n += 1
            deducted = (item.indicator.weight or ZERO) - (item.score or ZERO)
            completion = item.result.computed_completion
            text = f"{n}. “{item.indicator.name}”扣{score(deducted)}分"
            if completion is not None:
                text += f"（完成率{percent(completion)}）"
            reason = item.indicator.deviation_note
            self.doc.paragraph(text + "。" + (f"偏差原因：{reason}" if reason else ""))
            if not reason:
                self.placeholder(f"“{item.indicator.name}”偏差原因分析及改进措施")

    # -- where filed and computed figures differ -----------------------------------------
    def execution_rate_text(self) -> str:
        """The rate as the form shows it: the filed text when it is a clean percentage."""
        execution = self.view.result.execution
        if execution is None:
            return "—"
        filed = (execution.claimed_rate or "").strip()
        if self.recomputed or not _is_rate(filed):
            return percent(execution.computed_rate)
        return filed

    def execution_review(self) -> None:
        execution = self.view.result.execution
        if execution is None or execution.computed_rate is None:
            return
        filed = (execution.claimed_rate or "").strip()
        rate = percent(execution.computed_rate)
        rate_wrong = filed and (
            not _is_rate(filed) or _rate_value(filed) != round_half_up(execution.computed_rate, 2)
        )
        parts = []
        if rate_wrong:
            parts.append(f"自评表填报执行率“{filed}”，按全年执行数÷全年预算数计算应为{rate}")
        if execution.agrees is False:
            parts.append(
                f"填报执行率得分{printed(execution.claimed_score)}分，按评分规则应为"
                f"{score(execution.computed_score)}分"
            )
        if parts:
            self.review("；".join(parts))

    def total_review(self) -> None:
        view, result = self.view, self.view.result
        wrong = [i for i in view.indicators_proper() if i.differs]
        if result.total_agrees is False and result.claimed_total is not None:
            self.review(
                f"自评表填报总分{printed(result.claimed_total)}分，按评分规则计算为"
                f"{score(result.computed_total)}分"
                + (f"，差异来自{_names(wrong)}的得分" if wrong else "")
            )
        elif wrong:
            self.review(f"{_names(wrong)}的填报得分与评分规则计算结果不一致")
        shown = view.total
        if shown is not None and shown > result.total_weight:
            self.review(f"总分{printed(shown)}分超过满分{weight(result.total_weight)}分，须核减")


def _is_rate(text: str) -> bool:
    return text.strip().rstrip("%％").replace(".", "", 1).isdigit()


def _rate_value(text: str) -> Decimal:
    return round_half_up(Decimal(text.strip().rstrip("%％")), 2)


def _names(items: list[IndicatorView]) -> str:
    names = "、".join(f"“{i.indicator.name}”" for i in items[:3])
    return names + (f"等{len(items)}项指标" if len(items) > 3 else "指标")
