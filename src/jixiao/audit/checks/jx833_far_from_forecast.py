"""JX833: a year-end actual far from what the monitoring form forecast, unexplained."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import plain
from jixiao.audit.framework import Finding, Severity
from jixiao.audit.project_check import ProjectCheck, numbers_alike
from jixiao.audit.relate import Project
from jixiao.decimals import round_half_up

FAR = Decimal(20)  # percent of the forecast


class FarFromForecast(ProjectCheck):
    """年终实际完成值与年中监控的“全年预计完成情况”相差超过 20%，自评表未说明原因。

    监控表的全年预计是年中对全年的判断；年终结果与之相差很大（无论多完成还是少完成），
    要么年中预计不实，要么下半年情况有变，自评表应在偏差原因中写明。只比较同一项目、
    同一年度、名称相同、单位相同的数值指标。
    反例：1-7月监控预计全年完成“120公里”，年终实际完成“80公里”，偏差原因一栏空白。
    正例：实际完成 115 公里（相差 4.2%）；或偏差原因写明“受汛期影响，两个标段顺延”。
    """

    code = "JX833"
    title = "自评结果与监控预计相差较大且未说明"
    severity = Severity.WARNING
    tolerance = f"相差不超过全年预计值的 {FAR}%"

    def check_project(self, project: Project) -> Iterator[Finding]:
        matched = project.matched("monitoring", "self_evaluation")
        for monitoring, evaluation, sure, watched, entry in matched:
            values = None if entry.explained else numbers_alike(watched.forecast, entry.actual)
            if values is None or values[0] <= 0:
                continue
            forecast, actual = values
            gap = abs(actual - forecast) * 100 / forecast
            if gap <= FAR:
                continue
            yield self.related(
                f"年终实际完成值“{entry.actual}”与{monitoring.describe()}的全年预计"
                f"“{watched.forecast}”相差 {plain(round_half_up(gap, 1))}%，未说明原因",
                project=project, record=evaluation,
                location=self.at(evaluation, entry, "actual"), year_sure=sure,
                rests_on=[(evaluation, "actual")], claimed=entry.actual,
                expected=f"接近 {watched.forecast}，或在偏差原因中说明",
            )  # fmt: skip
