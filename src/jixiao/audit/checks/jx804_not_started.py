"""JX804: an indicator has not started at the monitoring date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import monitorings, row_location
from jixiao.audit.common import squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind

_NOT_STARTED = re.compile(r"未(?:开工|启动|开展|实施|开始)|尚未|暂未")


class IndicatorNotStarted(Check):
    """监控时点指标完成情况为零或“未启动/未开工”。

    年中仍为零的指标须在监控表说明原因（偏差原因分析）并判断能否完成；若已无法完成，
    应及时调整目标或预算。
    反例：年度指标值“≥30处”，1-7月完成“0处”。
    正例：1-7月完成“12处”，或填写“未开工”同时说明原因、勾选完成可能性。
    """

    code = "JX804"
    title = "指标尚未启动"
    family = "monitoring"
    severity = Severity.WARNING
    rests_on = frozenset({"column:to_date"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            for number, row in enumerate(form.indicator_rows):
                done = row.to_date_quantity
                zero = done.kind is QuantityKind.NUMBER and done.value == 0
                if not zero and not _NOT_STARTED.search(squeeze(row.to_date)):
                    continue
                target = row.target_quantity
                if target.kind is QuantityKind.NUMBER and target.value == 0:
                    continue  # a zero target (事故数 0) is met by zero
                yield self.finding(
                    f"1-{form.month or 'N'}月完成情况为“{row.to_date}”，指标尚未启动",
                    location=row_location(index, form, number, "to_date"),
                    claimed=row.to_date,
                    expected="已启动，或说明原因并判断完成可能性",
                )
