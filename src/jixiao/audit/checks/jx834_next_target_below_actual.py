"""JX834: next year's declared target below (or, for a ceiling, above) this year's actual."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.framework import Finding, Severity
from jixiao.audit.project_check import ProjectCheck, numbers_alike
from jixiao.audit.relate import Project
from jixiao.model.quantity import Comparator, parse_quantity

_FLOORS = (Comparator.GE, Comparator.GT)
_CEILINGS = (Comparator.LE, Comparator.LT)


class NextTargetBelowActual(ProjectCheck):
    """下一年度申报的指标值低于本年度已实际完成的水平（“≤”类指标则是高于），目标缺乏挑战性。

    绩效目标应“跳一跳够得着”：延续项目的目标一般不低于上年实际完成值，确需调低的应在
    指标值设定依据中说明理由。只比较同一项目、相邻年度、名称相同、单位相同、写明“≥/＞”或
    “≤/＜”的数值指标；比率类指标（%，如满意度 ≥90%）受 100% 上限所限，每年沿用同一目标值
    很常见，不作比较。
    反例：2024 年自评“培训人次”实际完成 1500 人次，2025 年申报“≥1200人次”，未说明理由。
    正例：2025 年申报“≥1500人次”；或设定依据写明规模缩减的原因。
    """

    code = "JX834"
    title = "下年度指标值低于本年实际完成值"
    severity = Severity.WARNING

    def check_project(self, project: Project) -> Iterator[Finding]:
        matched = project.matched("self_evaluation", "declaration", 1)
        for evaluation, declaration, _, done, entry in matched:
            target = parse_quantity(entry.target)
            values = numbers_alike(entry.target, done.actual)
            if entry.adjusted or target.is_percent or values is None:
                continue
            floor = target.comparator in _FLOORS and values[0] < values[1]
            ceiling = target.comparator in _CEILINGS and values[0] > values[1]
            if not (floor or ceiling):
                continue
            word = "低于" if floor else "高于"
            yield self.related(
                f"{declaration.describe()}的指标值“{entry.target}”{word}"
                f"{evaluation.describe()}的实际完成值“{done.actual}”，目标缺乏挑战性，"
                "请在设定依据中说明理由",
                project=project, record=declaration,
                location=self.at(declaration, entry, "target"),
                rests_on=[(evaluation, "actual")], claimed=entry.target,
                expected=f"{'≥' if floor else '≤'}{done.actual}",
            )  # fmt: skip
