"""The evaluation report (绩效自评报告 / 绩效评价报告) as docx.

The outline the seed reports share: 一、基本情况 … 八、其他需要说明的问题, 附件. Every
quantitative sentence is generated from the computed results; narrative sections come from
the evaluation's ``narrative`` (keyed by :data:`NARRATIVE_SECTIONS`) and, when missing, are
written as a highlighted 【待填写：…】 placeholder so nothing unfinished goes unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.audit import Finding, run_audit
from jixiao.audit.framework import SEVERITY_ZH
from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.model.evaluation import SelfEvaluationBase
from jixiao.render import charts, docx_kit
from jixiao.render.numbers import (
    money,
    percent,
    printed,
    prose_quantity,
    ratio,
    score,
    weight,
)
from jixiao.render.view import FormView, IndicatorView, form_views
from jixiao.rules.pack import Pack
from jixiao.scoring import score_document

# Narrative sections by id and the label of their placeholder; ``None``: optional text
# that follows generated content and needs no placeholder.
NARRATIVE_SECTIONS: dict[str, str | None] = {
    "overview": "概况",
    "process": "绩效评价工作开展情况",
    "conclusion": None,
    "analysis": None,
    "experience": "主要经验及做法",
    "problems": "存在的问题及原因分析",
    "suggestions": "有关建议",
    "other": "其他需要说明的问题",
}
SUBJECT_ZH = {
    "project_self_evaluation": "项目",
    "department_self_evaluation": "部门（单位）",
    "scored_evaluation": "项目",
}
FORM_ZH = {
    "project_self_evaluation": "项目支出绩效自评表",
    "department_self_evaluation": "部门（单位）整体支出绩效自评表",
    "scored_evaluation": "绩效评价评分表",
}
NUMERALS = "一二三四五六七八九十"
ZERO = Decimal(0)


@dataclass(frozen=True)
class ReportOptions:
    template: Path | None = None
    with_findings: bool = False
    form: int | None = None  # which evaluation (1-based among evaluation forms); default: first
    charts: bool = True
    pack_reason: str = ""


@dataclass
class ReportSummary:
    path: Path
    form_name: str
    placeholders: list[str] = field(default_factory=list)
    charts: int = 0
    annexes: int = 0
    findings: int | None = None


def _numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= len(NUMERALS) else str(n)


def _amount(value: Decimal | None, unit: str) -> str:
    return "—" if value is None else f"{money(value)}{unit}"


class _Report:
    def __init__(
        self,
        doc: docx_kit.DocxWriter,
        view: FormView,
        others: list[FormView],
        pack: Pack,
        options: ReportOptions,
    ) -> None:
        self.doc = doc
        self.view = view
        self.others = others
        self.pack = pack
        self.options = options
        self.summary_placeholders: list[str] = []
        self.figures = 0
        self.narrative = view.form.narrative
        unknown = sorted(set(self.narrative) - set(NARRATIVE_SECTIONS))
        if unknown:
            known = "、".join(NARRATIVE_SECTIONS)
            raise JixiaoError(
                "E543",
                f"narrative 中有不认识的章节 {'、'.join(unknown)}（可用：{known}）",
                field=f"forms.{view.result.index}.narrative",
            )

    # -- helpers -------------------------------------------------------------------------
    @property
    def subject(self) -> str:
        return SUBJECT_ZH.get(self.view.form.type, "项目")

    def text_or_placeholder(self, key: str, label: str | None = None) -> None:
        text = self.narrative.get(key, "").strip()
        if text:
            for part in text.split("\n"):
                if part.strip():
                    self.doc.paragraph(part.strip())
            return
        name = label or NARRATIVE_SECTIONS[key]
        if name is not None:
            self.doc.placeholder(name)
            self.summary_placeholders.append(name)

    def figure(self, make: Callable[[FormView], bytes | None], caption: str) -> None:
        if not self.options.charts:
            return
        png = make(self.view)
        if png is None:
            return
        self.figures += 1
        self.doc.picture(png, f"图{self.figures}  {caption}")

    # -- sections ------------------------------------------------------------------------
    def write(self, findings: list[Finding] | None) -> int:
        form, view = self.view.form, self.view
        year = f"{view.year}年度" if view.year else ""
        if form.type == "department_self_evaluation":
            heading = f"{form.name}{year}部门（单位）整体支出绩效自评报告"
        elif form.type == "project_self_evaluation":
            heading = f"{form.name}{year}项目支出绩效自评报告"
        else:
            heading = f"{form.name}绩效评价报告"
        self.doc.title(heading, form.unit if form.unit != form.name else None)
        self.basic()
        self.goals()
        self.process()
        self.conclusion()
        self.analysis()
        self.experience()
        numbered = 7
        for key, title in (("suggestions", "有关建议"), ("other", "其他需要说明的问题")):
            self.doc.heading(f"{_numeral(numbered)}、{title}", 1)
            self.text_or_placeholder(key)
            numbered += 1
        return self.annexes(findings)

    def basic(self) -> None:
        doc, form = self.doc, self.view.form
        doc.heading("一、基本情况", 1)
        doc.heading(f"（一）{self.subject}概况", 2)
        facts = []
        if form.department:
            facts.append(f"主管部门为{form.department}")
        if form.unit and form.unit != form.name:
            facts.append(f"实施单位为{form.unit}")
        if facts:
            doc.paragraph(f"{form.name}，" + "，".join(facts) + "。")
        self.text_or_placeholder("overview", f"{self.subject}概况（背景、主要内容、实施情况）")
        evaluation = self.view.self_evaluation
        if evaluation is not None:
            doc.heading("（二）资金投入和使用情况", 2)
            self.funding(evaluation)
        if self.others and form.type == "department_self_evaluation":
            doc.heading("（三）项目支出绩效自评情况", 2)
            self.projects()

    def funding(self, form: SelfEvaluationBase) -> None:
        doc, unit = self.doc, form.money_unit
        total = form.total_funding
        execution = self.view.result.execution
        year = f"{self.view.year}年度，" if self.view.year else ""
        if total is None:
            doc.placeholder("资金投入和使用情况（表内无资金合计数）")
            self.summary_placeholders.append("资金投入和使用情况")
            return
        sentence = (
            f"{year}{form.name}年初预算数{_amount(total.initial_budget, unit)}，"
            f"全年预算数{_amount(total.adjusted_budget, unit)}，"
            f"全年执行数{_amount(total.executed, unit)}"
        )
        if execution is not None:
            sentence += (
                f"，预算执行率{percent(execution.computed_rate)}，"
                f"得{score(execution.computed_score)}分（分值{weight(execution.weight)}分）"
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
        if (
            execution is not None
            and execution.agrees is False
            and execution.claimed_score is not None
        ):
            sentence += (
                f"自评表填报执行率{execution.claimed_rate or '—'}、得分"
                f"{printed(execution.claimed_score)}分，与按规则计算的结果不一致，以计算结果为准。"
            )
        doc.paragraph(sentence)
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
        doc.table(
            [
                "资金来源",
                f"年初预算数（{unit}）",
                f"全年预算数（{unit}）",
                f"全年执行数（{unit}）",
                "执行率",
            ],
            rows,
            widths=[4.4, 2.8, 2.8, 2.8, 2.4],
            left_columns=[0],
        )
        self.figure(charts.funding_chart, "预算执行情况（按资金来源）")

    def projects(self) -> None:
        projects = [v for v in self.others if v.form.type == "project_self_evaluation"]
        if not projects:
            return
        budgets = ZERO
        spent = ZERO
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
                    score(project.total),
                    project.grade or "—",
                ]
            )
        best = max(projects, key=lambda p: p.total or ZERO)
        worst = min(projects, key=lambda p: p.total or ZERO)
        self.doc.paragraph(
            f"本年度开展绩效自评的项目共{len(projects)}个，全年预算数合计{money(budgets)}万元，"
            f"全年执行数合计{money(spent)}万元，总体执行率{percent(ratio(spent, budgets))}。"
            f"自评得分最高的是“{best.form.name}”（{score(best.total)}分），"
            f"最低的是“{worst.form.name}”（{score(worst.total)}分）。",
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
            widths=[1.1, 5.6, 2.4, 2.4, 1.9, 1.6, 1.4],
            left_columns=[1],
        )

    def goals(self) -> None:
        doc, view = self.doc, self.view
        doc.heading("二、绩效目标", 1)
        evaluation = view.self_evaluation
        if evaluation is not None:
            doc.heading("（一）年度总体目标", 2)
            if evaluation.goal_expected:
                doc.paragraph(evaluation.goal_expected)
            else:
                doc.placeholder("年度总体目标")
                self.summary_placeholders.append("年度总体目标")
            doc.heading("（二）绩效指标", 2)
        items = view.indicators()
        parts = [
            f"{sub.level1}{sum(1 for i in items if i.indicator.level1 == sub.level1)}个"
            f"（{weight(sub.weight)}分）"
            for sub in view.result.subtotals
        ]
        sentence = (
            f"共设置{len(view.result.subtotals)}个一级指标、{len(items)}个三级指标，"
            f"指标分值合计{weight(sum((s.weight for s in view.result.subtotals), ZERO))}分"
        )
        if parts:
            sentence += "，其中" + "、".join(parts)
        if view.result.execution is not None:
            sentence += f"；另设预算执行率{weight(view.result.execution.weight)}分"
        doc.paragraph(sentence + f"；满分{weight(view.total_weight)}分。")

    def process(self) -> None:
        doc, pack = self.doc, self.pack
        doc.heading("三、绩效评价工作开展情况", 1)
        self.text_or_placeholder("process")
        rounding = "四舍五入" if pack.rounding.mode == "half_up" else "截尾"
        basis = (
            f"评分依据{pack.title}（规则包 {pack.name}）：各项指标按赋分规则逐项计算，"
            f"得分保留{pack.rounding.places}位小数（{rounding}）后汇总；"
            f"评价等次为"
            + "，".join(f"{g.name}（{weight(g.min)}分及以上）" for g in pack.grades)
            + "。"
        )
        if self.options.pack_reason:
            basis += f"（{self.options.pack_reason}。）"
        doc.paragraph(basis)

    def conclusion(self) -> None:
        doc, view = self.doc, self.view
        result = view.result
        doc.heading("四、综合评价情况及评价结论", 1)
        year = f"{view.year}年度" if view.year else ""
        sentence = (
            f"经评价，{view.form.name}{year}绩效综合得分{score(result.computed_total)}分"
            f"（满分{weight(result.total_weight)}分），评价等次为“{result.computed_grade or '—'}”。"
        )
        parts = []
        if result.execution is not None:
            parts.append(
                f"预算执行率得{score(result.execution.computed_score)}分"
                f"（分值{weight(result.execution.weight)}分）"
            )
        parts.extend(
            f"{sub.level1}得{score(sub.computed)}分（分值{weight(sub.weight)}分，"
            f"得分率{percent(ratio(sub.computed, sub.weight))}）"
            for sub in result.subtotals
        )
        if parts:
            sentence += "其中，" + "；".join(parts) + "。"
        doc.paragraph(sentence)
        if result.claimed_total is not None and result.total_agrees is False:
            difference = (result.computed_total or ZERO) - result.claimed_total
            doc.paragraph(
                f"自评表填报总分为{printed(result.claimed_total)}分，与按评分规则计算的"
                f"{score(result.computed_total)}分相差{score(difference)}分，以计算结果为准。",
            )
        wrong = [i for i in result.indicators if i.agrees is False]
        if wrong:
            names = "、".join(f"“{i.name}”" for i in wrong[:5])
            more = f"等{len(wrong)}项" if len(wrong) > 5 else ""
            doc.paragraph(
                f"{names}{more}指标的填报得分与评分规则计算结果不一致，已按计算结果计分（见附件1）。",
            )
        for note in result.notes:
            doc.paragraph(f"说明：{note}。")
        rows = []
        if result.execution is not None:
            rows.append(
                [
                    "预算执行率",
                    weight(result.execution.weight),
                    score(result.execution.computed_score),
                    percent(ratio(result.execution.computed_score, result.execution.weight)),
                ]
            )
        rows.extend(
            [
                sub.level1,
                weight(sub.weight),
                score(sub.computed),
                percent(ratio(sub.computed, sub.weight)),
            ]
            for sub in result.subtotals
        )
        rows.append(
            [
                "合计",
                weight(result.total_weight),
                score(result.computed_total),
                percent(ratio(result.computed_total, result.total_weight)),
            ]
        )
        doc.table(
            ["一级指标", "分值", "得分", "得分率"],
            rows,
            widths=[6.0, 3.0, 3.0, 3.0],
            left_columns=[0],
        )
        self.figure(charts.level1_chart, "一级指标分值与得分")
        self.text_or_placeholder("conclusion")

    def analysis(self) -> None:
        doc, view = self.doc, self.view
        doc.heading("五、绩效评价指标分析", 1)
        items = view.indicators()
        for n, sub in enumerate(view.result.subtotals, start=1):
            doc.heading(f"（{_numeral(n)}）{sub.level1}", 2)
            members = [i for i in items if i.indicator.level1 == sub.level1]
            full = sum(1 for i in members if i.score is not None and i.score == i.indicator.weight)
            doc.paragraph(
                f"{sub.level1}分值{weight(sub.weight)}分，得分{score(sub.computed)}分，"
                f"得分率{percent(ratio(sub.computed, sub.weight))}；共{len(members)}项指标，"
                f"{full}项得满分。",
            )
            level2_names = list(dict.fromkeys(i.indicator.level2 or "" for i in members))
            for m, level2 in enumerate(level2_names, start=1):
                group = [i for i in members if (i.indicator.level2 or "") == level2]
                if level2:
                    label = doc.paragraph(f"{m}. {level2}")
                    label.runs[0].bold = True
                for item in group:
                    doc.paragraph(_indicator_sentence(item))
        self.figure(charts.indicator_chart, "各项指标分值与得分")
        self.text_or_placeholder("analysis")

    def experience(self) -> None:
        doc, view = self.doc, self.view
        doc.heading("六、主要经验及做法、存在的问题及原因分析", 1)
        doc.heading("（一）主要经验及做法", 2)
        self.text_or_placeholder("experience")
        doc.heading("（二）存在的问题及原因分析", 2)
        self.text_or_placeholder("problems")
        lost = [
            i
            for i in view.indicators()
            if i.score is not None
            and i.indicator.weight is not None
            and i.score < i.indicator.weight
        ]
        execution = view.result.execution
        short_execution = (
            execution is not None
            and execution.computed_score is not None
            and execution.computed_score < execution.weight
        )
        if not lost and not short_execution:
            doc.paragraph("按评分结果，各项指标均得满分。")
            return
        doc.paragraph("按评分结果，以下方面未得满分：")
        n = 0
        if short_execution and execution is not None:
            n += 1
            doc.paragraph(
                f"{n}. 预算执行率{percent(execution.computed_rate)}，扣"
                f"{score(execution.weight - (execution.computed_score or ZERO))}分。",
            )
        for item in lost:
            n += 1
            deducted = (item.indicator.weight or ZERO) - (item.score or ZERO)
            completion = item.completion_percent
            reason = item.indicator.deviation_note
            text = f"{n}. “{item.indicator.name}”扣{score(deducted)}分"
            if completion is not None:
                text += f"（完成率{percent(completion)}）"
            text += "。"
            doc.paragraph(text + (f"偏差原因：{reason}" if reason else ""))
            if not reason:
                label = f"“{item.indicator.name}”偏差原因分析及改进措施"
                doc.placeholder(label)
                self.summary_placeholders.append(label)

    def annexes(self, findings: list[Finding] | None) -> int:
        doc = self.doc
        doc.page_break()
        doc.heading("附件", 1)
        count = 1
        doc.heading(f"附件{count}：{self.view.form.name}绩效评分表", 2)
        _score_table(doc, self.view)
        for other in self.others:
            count += 1
            kind = FORM_ZH.get(other.form.type, "评分表")
            doc.heading(f"附件{count}：{other.form.name}{kind}", 2)
            _score_table(doc, other)
        if findings is not None:
            count += 1
            doc.heading(f"附件{count}：审核发现", 2)
            _findings_table(doc, findings)
        return count


def _indicator_sentence(item: IndicatorView) -> str:
    indicator, result = item.indicator, item.result
    parts = []
    if indicator.target:
        parts.append(f"目标值{prose_quantity(indicator.target)}")
    if indicator.actual:
        parts.append(f"实际完成{prose_quantity(indicator.actual)}")
    if item.completion_percent is not None:
        parts.append(f"完成率{percent(item.completion_percent)}")
    if result.status == "not_applicable":
        parts.append("不适用")
    else:
        parts.append(f"得{score(item.score)}分")
    text = f"“{indicator.name}”（分值{weight(indicator.weight)}分）：" + "，".join(parts) + "。"
    if item.score is not None and indicator.weight is not None and item.score < indicator.weight:
        text += f"扣{score(indicator.weight - item.score)}分。"
    if indicator.deviation_note:
        text += f"偏差原因分析及改进措施：{indicator.deviation_note}"
    return text


def _score_table(doc: docx_kit.DocxWriter, view: FormView) -> None:
    rows: list[Sequence[str]] = []
    execution = view.result.execution
    if execution is not None:
        rows.append(
            [
                "预算执行率",
                "—",
                "—",
                weight(execution.weight),
                money(execution.budget),
                money(execution.executed),
                percent(execution.computed_rate),
                score(execution.computed_score),
            ]
        )
    for item in view.indicators():
        indicator = item.indicator
        rows.append(
            [
                indicator.level1,
                indicator.level2 or "",
                indicator.name,
                weight(indicator.weight),
                indicator.target or "",
                indicator.actual or "",
                percent(item.completion_percent)
                if item.completion_percent is not None
                else (indicator.completion or ""),
                score(item.score),
            ]
        )
    rows.append(["合计", "", "", weight(view.total_weight), "", "", "", score(view.total)])
    doc.table(
        ["一级指标", "二级指标", "三级指标", "分值", "目标值", "实际完成值", "完成率", "得分"],
        rows,
        widths=[1.9, 1.9, 4.0, 1.2, 2.0, 2.0, 1.7, 1.5],
        merge_columns=[0, 1],
        left_columns=[2],
    )
    grade = view.grade or "—"
    doc.paragraph(f"综合得分{score(view.total)}分，评价等次：{grade}。", indent=False)


def _findings_table(doc: docx_kit.DocxWriter, findings: list[Finding]) -> None:
    if not findings:
        doc.paragraph("审核未发现问题。", indent=False)
        return
    rows = [
        [
            str(n),
            finding.code,
            SEVERITY_ZH[finding.severity],
            finding.location.describe(),
            finding.message,
            finding.claimed or "",
            finding.expected or "",
        ]
        for n, finding in enumerate(findings, start=1)
    ]
    doc.table(
        ["序号", "代码", "级别", "位置", "问题", "原文", "应为"],
        rows,
        widths=[0.9, 1.3, 1.0, 3.6, 4.6, 1.9, 1.9],
        left_columns=[3, 4],
    )


def write_report(
    document: Document, pack: Pack, path: Path, options: ReportOptions | None = None
) -> ReportSummary:
    """Write the report about one evaluation form of ``document`` (the first by default);
    the other evaluation forms are annexed with their score tables."""
    options = options or ReportOptions()
    result = score_document(document, pack, pack_reason=options.pack_reason)
    views = list(form_views(document, result))
    if not views:
        raise JixiaoError("E501", "文件中没有可写入报告的自评表或评分表", file=document.source_file)
    chosen = (options.form or 1) - 1
    if not 0 <= chosen < len(views):
        raise JixiaoError("E544", f"--form 应在 1 到 {len(views)} 之间", file=document.source_file)
    view = views[chosen]
    others = [v for n, v in enumerate(views) if n != chosen]
    findings = (
        run_audit(document, pack, pack_reason=options.pack_reason)
        if options.with_findings
        else None
    )
    doc = docx_kit.new_document(options.template)
    report = _Report(docx_kit.DocxWriter(doc), view, others, pack, options)
    annexes = report.write(findings)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        doc.save(str(path))
    except OSError as exc:
        raise JixiaoError("E503", f"无法写入文件：{exc.strerror}", file=str(path)) from None
    return ReportSummary(
        path=path,
        form_name=view.form.name,
        placeholders=report.summary_placeholders,
        charts=report.figures,
        annexes=annexes,
        findings=None if findings is None else len(findings),
    )
