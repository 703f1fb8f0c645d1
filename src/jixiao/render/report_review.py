"""The report's review sentences: where the filed execution rate, execution score or total
differs from the rules', and the shortfalls (indicators that lost points)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.decimals import round_half_up
from jixiao.render.numbers import percent, printed, score, weight
from jixiao.render.report_base import ReportBase
from jixiao.render.view import IndicatorView

ZERO = Decimal(0)


class ReviewBlocks(ReportBase):
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
