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

from jixiao.render.numbers import money, percent, ratio, weight
from jixiao.render.report_base import ReportBase
from jixiao.render.report_funding import FundingBlocks
from jixiao.render.report_results import ResultBlocks
from jixiao.render.view import FormView

ZERO = Decimal(0)


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


class Blocks(FundingBlocks, ResultBlocks):
    def facts(self) -> None:
        form = self.view.form
        facts = []
        if form.department:
            facts.append(f"主管部门为{form.department}")
        if form.unit and form.unit != form.name:
            facts.append(f"实施单位为{form.unit}")
        if facts:
            self.doc.paragraph(f"{form.name}，" + "，".join(facts) + "。")

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
