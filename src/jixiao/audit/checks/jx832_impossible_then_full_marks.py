"""JX832: an indicator the monitoring form called impossible, given full marks at year end."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.framework import Finding, Severity
from jixiao.audit.project_check import ProjectCheck
from jixiao.audit.relate import Project


class ImpossibleThenFullMarks(ProjectCheck):
    """年中监控时“完全不可能”完成的指标，年终自评却得满分。

    监控表勾选“完全不可能”，说明年中已判断目标完不成；下半年确实赶上的，自评表应写明
    完成情况与佐证，否则满分缺乏依据，是抽查的重点。只比较同一项目、同一年度、三级指标名称
    相同的指标。是否赶上要看佐证，所以只报警告。
    反例：1-7月监控“完工时间 完全不可能”，自评“完工时间”分值 10、得分 10，未写说明。
    正例：自评得分按实际完成情况扣减，或在偏差原因中写明下半年如何完成及佐证。
    """

    code = "JX832"
    title = "监控时完全不可能完成，自评却得满分"
    severity = Severity.WARNING

    def check_project(self, project: Project) -> Iterator[Finding]:
        matched = project.matched("monitoring", "self_evaluation")
        for monitoring, evaluation, sure, watched, entry in matched:
            if watched.likelihood != "完全不可能" or entry.explained:
                continue
            score, weight = entry.claimed_score, entry.weight
            if score is None or weight is None or weight <= 0 or score < weight:
                continue
            yield self.related(
                f"{monitoring.describe()}中此指标完成目标可能性为“完全不可能”，"
                f"自评却得满分 {score}（实际完成值“{entry.actual or ''}”），"
                "未说明下半年如何完成，请核实佐证",
                project=project, record=evaluation,
                location=self.at(evaluation, entry, "claimed_score"), year_sure=sure,
                claimed=score, expected=f"低于满分 {weight}，或写明完成依据",
            )  # fmt: skip
