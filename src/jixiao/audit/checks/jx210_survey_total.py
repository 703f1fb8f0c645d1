"""JX210: the questionnaire's total points are not Σ count × points."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import form_location, judge, plain, questionnaires, survey_result
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class SurveyTotalWrong(Check):
    """问卷总得分不等于各题“选项人数 × 选项分值”之和。

    反例：10 道题按人数 × 分值合计 4890 分，问卷总分却印作 4880 分。
    正例：总分 = Σ（各题各选项人数 × 该选项分值）。
    """

    code = "JX210"
    title = "问卷总得分计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset[str]()

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, survey in questionnaires(context):
            result = survey_result(context, index)
            if result is None or survey.claimed_total_points is None:
                continue
            verdict = judge(survey.claimed_total_points, result.computed_total_points)
            if not verdict.wrong:
                continue
            detail = "、".join(f"第{q.number}题 {plain(q.points)}" for q in result.questions)
            yield self.finding(
                f"各题人数 × 分值合计 {plain(result.computed_total_points)} 分（{detail}），"
                f"原文为 {plain(survey.claimed_total_points)} 分{verdict.note}",
                location=form_location(index, survey, "claimed_total_points"),
                claimed=survey.claimed_total_points,
                expected=result.computed_total_points,
                severity=verdict.severity,
                tolerance=verdict.tolerance,
            )
