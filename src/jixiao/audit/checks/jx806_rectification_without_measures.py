"""JX806: 是否需要整改 = 是, with no corrective measure."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import monitorings, row_location, said
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class RectificationWithoutMeasures(Check):
    """“是否需要整改”填“是”，整改措施却空白。

    反例：是否需要整改“是”，整改措施“无”。
    正例：是否需要整改“是”，整改措施“9月底前完成剩余标段招标，按月调度进度”。
    """

    code = "JX806"
    title = "需要整改却无整改措施"
    family = "monitoring"
    severity = Severity.ERROR
    rests_on = frozenset({"column:measures"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            for number, row in enumerate(form.indicator_rows):
                if row.needs_rectification and not (said(row.measures) or said(form.measures)):
                    yield self.finding(
                        "“是否需要整改”填“是”，未填写整改措施",
                        location=row_location(index, form, number, "measures"),
                        claimed=row.measures or "（空白）",
                        expected="具体整改措施",
                    )
