"""JX303: the claimed grade does not match the total."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, form_location, form_result, plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class GradeContradictsTotal(Check):
    """评价等次与总分不符（按规则包的等次区间及其别名判断）。

    反例：总分 88 分，评价等次填“优秀”（90 分及以上才是优）。
    正例：总分 96 分，等次“优秀”（“优秀”是“优”的别名）。
    原文总分对应的等次不符报告为“错误”；原文等次与原文总分相符、但按重新计算的总分应为
    另一等次时报告为“警告”。
    """

    code = "JX303"
    title = "评价等次与总分不符"
    family = "rule_conformance"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        pack = context.pack
        known = {name for band in pack.grades for name in (band.name, *band.aliases)}
        for index, form in evaluations(context):
            grade = (form.claimed_grade or "").strip().strip("“”\"")
            result = form_result(context, index)
            if not grade or result is None:
                continue
            location = form_location(index, form, "claimed_grade")
            if grade not in known:
                yield self.finding(
                    f"等次“{grade}”不是规则包 {pack.name} 的等次名称"
                    f"（{'、'.join(b.name for b in pack.grades)}）",
                    location=location,
                    claimed=grade,
                    expected="、".join(b.name for b in pack.grades),
                    severity=Severity.WARNING,
                )
                continue
            names = pack.grade_names(grade)
            bands = "，".join(f"{b.name} ≥ {plain(b.min)}" for b in pack.grades)
            if form.claimed_total is not None and result.computed_grade is not None:
                expected = pack.grade_for(form.claimed_total)
                if expected not in names:
                    yield self.finding(
                        f"总分 {plain(form.claimed_total)} 分应为“{expected}”，原文为“{grade}”"
                        f"（{bands}）",
                        location=location,
                        claimed=grade,
                        expected=expected,
                    )
                    continue
            if result.computed_grade is not None and result.computed_grade not in names:
                yield self.finding(
                    f"按重新计算的总分 {result.computed_total} 分应为“{result.computed_grade}”，"
                    f"原文为“{grade}”（{bands}）",
                    location=location,
                    claimed=grade,
                    expected=result.computed_grade,
                    severity=Severity.WARNING,
                )
