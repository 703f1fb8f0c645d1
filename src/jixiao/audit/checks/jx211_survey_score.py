"""JX211: the questionnaire's aggregate score does not follow from its counts."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import form_location, judge, plain, questionnaires, survey_result
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import Agreement, agreement, printed_places, round_half_up

METHODS = {
    "points_average": "总得分 ÷ 有效问卷份数",
    "top2": "满意（前两档）人数 ÷ 有效问卷份数",
    "weighted": "按题加权平均",
}


class SurveyScoreWrong(Check):
    """问卷综合得分（满意度）与各题人数按约定方法计算的结果不符。

    反例：有效问卷 49 份，总得分应为 4890，综合得分应为 4890 / 49 = 99.80，原文为 99.6
    （= 原文错误的总分 4880 / 49）。
    正例：综合得分按问卷声明的方法（points_average：总分 ÷ 有效份数）计算，按原文精度四舍五入。
    """

    code = "JX211"
    title = "问卷综合得分计算错误"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset[str]()

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, survey in questionnaires(context):
            result = survey_result(context, index)
            if result is None or survey.claimed_score is None or not survey.valid:
                continue
            truth = result.computed_score
            if survey.method == "points_average":
                truth = result.computed_total_points / survey.valid
            if truth is None:
                continue
            verdict = judge(survey.claimed_score, truth)
            if not verdict.wrong:
                continue
            places = printed_places(survey.claimed_score)
            message = (
                f"按{METHODS[survey.method]}应为 {round_half_up(truth, places)}，原文为 "
                f"{plain(survey.claimed_score)}{verdict.note}"
            )
            stated = survey.claimed_total_points
            if survey.method == "points_average" and stated is not None:
                from_stated = stated / survey.valid
                if agreement(survey.claimed_score, from_stated) is Agreement.EXACT:
                    message += f"（原文按其错误的总分 {plain(stated)} ÷ {survey.valid} 计算）"
            yield self.finding(
                message,
                location=form_location(index, survey, "claimed_score"),
                claimed=survey.claimed_score,
                expected=round_half_up(truth, places),
                severity=verdict.severity,
                tolerance=verdict.tolerance,
            )
