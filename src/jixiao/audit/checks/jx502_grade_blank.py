"""JX502: the form has a place for the grade (评价等次) but it is blank."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    evaluations,
    form_location,
    form_result,
    has_place,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class GradeBlank(Check):
    """表中有“评价等次”一栏，却没有填写。

    反例：项目支出绩效自评报告的“评价等次”栏空白。
    正例：按总分和规则包的等次区间填写（如 90 分及以上为“优”）。
    表中没有等次栏的（文件里没有 claimed_grade 字段）不报告。
    """

    code = "JX502"
    title = "评价等次未填写"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset({"table", "total_row"})
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            if (form.claimed_grade or "").strip() or not has_place(form, "claimed_grade"):
                continue
            result = form_result(context, index)
            grade = result.computed_grade if result else None
            yield self.finding(
                "评价等次未填写" + (f"；按重新计算的总分应为“{grade}”" if grade else ""),
                location=form_location(index, form, "claimed_grade"),
                claimed=None,
                expected=grade or "评价等次",
            )
