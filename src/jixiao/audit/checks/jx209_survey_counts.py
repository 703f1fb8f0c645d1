"""JX209: a question's response counts exceed the valid questionnaires."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    form_location,
    questionnaires,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class SurveyCountsExceedValid(Check):
    """某题各选项人数之和超过有效问卷份数（或有效份数超过收回份数、收回超过发放）。

    反例：有效问卷 49 份，第 7 题 A 49 人、B 1 人，合计 50 人。
    正例：单选题各选项人数之和等于（不超过）有效问卷份数；有效 ≤ 收回 ≤ 发放。
    """

    code = "JX209"
    title = "问卷人数超过有效问卷"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset[str]()
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, survey in questionnaires(context):
            for smaller, larger, label in (
                ("valid", "returned", "有效问卷份数超过收回份数"),
                ("returned", "issued", "收回问卷份数超过发放份数"),
            ):
                low, high = getattr(survey, smaller), getattr(survey, larger)
                if low is not None and high is not None and low > high:
                    yield self.finding(
                        f"{label}（{low} > {high}）",
                        location=form_location(index, survey, smaller),
                        claimed=low,
                        expected=high,
                    )
            if survey.valid is None:
                continue
            for number, question in enumerate(survey.questions):
                counts = [o.count for o in question.options if o.count is not None]
                answered = sum(counts)
                if answered <= survey.valid:
                    continue
                detail = " + ".join(str(c) for c in counts)
                location = form_location(index, survey, f"questions.{number}")
                location.source = question.sources.get("text")
                yield self.finding(
                    f"第{question.number}题各选项人数 {detail} = {answered}，超过有效问卷 "
                    f"{survey.valid} 份",
                    location=location,
                    claimed=answered,
                    expected=survey.valid,
                )
