"""The generated pieces of a report: facts, funding, goals, scoring basis, conclusion,
indicator analysis, shortfalls and the project overview of a department.

Every figure comes from the view the report is written from: the unit's filed figures
(the default, like the form it ships with), or the figures by the rules (``recomputed``).
Where the two differ, the text says so and what the figure should be, and points to the
form's comments and its 审核说明 sheet; it never claims that one replaced the other.
Template rows ("……", "指标1") are left out of every count and sentence.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.decimals import round_half_up
from jixiao.model.evaluation import SelfEvaluationBase
from jixiao.render import charts
from jixiao.render.numbers import money, percent, printed, prose_quantity, ratio, score, weight
from jixiao.render.report_base import ReportBase
from jixiao.render.view import FormView, IndicatorView

ZERO = Decimal(0)


def _amount(value: Decimal | None, unit: str) -> str:
    return "—" if value is None else f"{money(value)}{unit}"


def grade_bands(view: FormView, base: ReportBase) -> str:
    """``优（90分及以上）、良（80分（含）至90分）、…、差（60分以下）``."""
    bands = base.pack.grades
    parts = []
    for n, band in enumerate(bands):
        if n == 0:
            parts.append(f"{band.name}（{weight(band.min)}分及以上）")
        elif band.min == 0:
            parts.append(f"{band.name}（{weight(bands[n - 1].min)}分以下）")
        else:
            upper = weight(bands[n - 1].min)
            parts.append(f"{band.name}（{weight(band.min)}分（含）至{upper}分）")
    del view
    return "、".join(parts)


class Blocks(ReportBase):
    def facts(self) -> None:
        form = self.view.form
        facts = []
        if form.department:
            facts.append(f"主管部门为{form.department}")
        if form.unit and form.unit != form.name:
            facts.append(f"实施单位为{form.unit}")
        if facts:
            self.doc.paragraph(f"{form.name}，" + "，".join(facts) + "。")

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

    def projects(self) -> None:
        projects = [v for v in self.others if v.form.type == "project_self_evaluation"]
        if not projects:
            self.doc.paragraph("本年度未附项目支出绩效自评表。")
            return
        budgets = spent = ZERO
        rows = []
        for n, project in enumerate(projects, start=1):
            line = project.self_evaluation.total_funding if project.self_evaluation else None
            budget = line.adjusted_budget if line else None
            executed = line.executed if line else None
            budgets += budget or ZERO
            spent += executed or ZERO
            rows.append(
                [
                    str(n),
                    project.form.name,
                    money(budget),
                    money(executed),
                    percent(ratio(executed, budget)),
                    self.shown(project.total),
                    self.grade_of(project),
                ]
            )
        best = max(projects, key=lambda p: p.total or ZERO)
        worst = min(projects, key=lambda p: p.total or ZERO)
        if best.total == worst.total:
            ranking = f"各项目自评得分均为{self.shown(best.total)}分。"
        else:
            ranking = (
                f"自评得分最高的是“{best.form.name}”（{self.shown(best.total)}分），"
                f"最低的是“{worst.form.name}”（{self.shown(worst.total)}分）。"
            )
        self.doc.paragraph(
            f"本年度开展绩效自评的项目共{len(projects)}个，全年预算数合计{money(budgets)}万元，"
            f"全年执行数合计{money(spent)}万元，总体执行率{percent(ratio(spent, budgets))}。"
            + ranking
        )
        self.doc.table(
            [
                "序号",
                "项目名称",
                "全年预算数（万元）",
                "全年执行数（万元）",
                "执行率",
                "得分",
                "等次",
            ],
            rows,
            widths=[1.1, 5.2, 2.5, 2.5, 2.0, 1.6, 1.1],
            left_columns=[1],
        )

    def goals(self) -> None:
        view = self.view
        evaluation = view.self_evaluation
        if evaluation is not None and evaluation.goal_expected:
            self.doc.paragraph(f"年度总体目标：{evaluation.goal_expected}")
        elif evaluation is not None and not self.narrative_of("goals"):
            self.placeholder("年度总体目标")
        items = view.indicators_proper()
        if not items:
            return
        groups = [
            (sub, [i for i in items if i.indicator.level1 == sub.level1])
            for sub in view.result.subtotals
        ]
        groups = [(sub, members) for sub, members in groups if members]
        parts = [
            f"{sub.level1}{len(members)}个（{weight(sub.weight)}分）" for sub, members in groups
        ]
        sentence = (
            f"共设置{len(groups)}个一级指标、{len(items)}个三级指标，"
            f"指标分值合计{weight(sum((s.weight for s, _ in groups), ZERO))}分"
        )
        if parts:
            sentence += "，其中" + "、".join(parts)
        if view.result.execution is not None:
            sentence += f"；另设预算执行率{weight(view.result.execution.weight)}分"
        self.doc.paragraph(sentence + f"；满分{weight(view.total_weight)}分。")

    def basis(self) -> None:
        pack = self.pack
        rounding = "四舍五入" if pack.rounding.mode == "half_up" else "截尾"
        self.doc.paragraph(
            f"评分依据{pack.title}的评分规则：各项指标按赋分规则逐项计分，"
            f"得分保留{pack.rounding.places}位小数（{rounding}）后汇总；"
            f"评价等次分为{grade_bands(self.view, self)}。"
        )

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
