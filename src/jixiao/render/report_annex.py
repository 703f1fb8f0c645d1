"""The report's annexes: the score table of each evaluation form and the audit findings."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.audit import Finding
from jixiao.audit.framework import SEVERITY_ZH
from jixiao.render import docx_kit
from jixiao.render.numbers import money, percent, score, weight
from jixiao.render.view import FormView


def score_table(doc: docx_kit.DocxWriter, view: FormView, grade: str) -> None:
    rows: list[Sequence[str]] = []
    execution = view.result.execution
    if execution is not None:
        rate = percent(execution.computed_rate)
        if view.claimed and execution.claimed_rate:
            rate = execution.claimed_rate
        rows.append(
            [
                "预算执行率",
                "—",
                "—",
                weight(execution.weight),
                money(execution.budget),
                money(execution.executed),
                rate,
                score(view.execution_score),
            ]
        )
    for item in view.indicators_proper():
        indicator = item.indicator
        completion = item.completion
        shown = (
            percent(completion * 100)
            if not isinstance(completion, str) and completion is not None
            else (completion or "")
        )
        rows.append(
            [
                indicator.level1,
                indicator.level2 or "",
                indicator.name,
                weight(indicator.weight),
                indicator.target or "",
                indicator.actual or "",
                shown,
                score(item.score),
            ]
        )
    rows.append(["合计", "", "", weight(view.total_weight), "", "", "", score(view.total)])
    doc.table(
        ["一级指标", "二级指标", "三级指标", "分值", "目标值", "实际完成值", "完成率", "得分"],
        rows,
        widths=[1.9, 1.9, 3.9, 1.2, 2.0, 2.0, 1.8, 1.5],
        merge_columns=[0, 1],
        left_columns=[2],
    )
    basis = "（按评分规则计算）" if not view.claimed else "（自评表填报数）"
    doc.paragraph(f"综合得分{score(view.total)}分{basis}，评价等次：{grade}。", indent=False)


def findings_table(doc: docx_kit.DocxWriter, findings: list[Finding]) -> None:
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
