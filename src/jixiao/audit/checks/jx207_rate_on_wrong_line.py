"""JX207: the execution rate or its points are printed on a funding line that is not the total."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    TEXT,
    form_location,
    self_evaluations,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class RateOnComponentLine(Check):
    """执行率或执行率得分印在某一资金来源行（如“上级资金”），而不是合计行。

    反例：“上级资金 10.00 / 10.00 / 10.00”行印着执行率 95.99%、得分 9.6，而 95.99% 是合计行
    4155.92 / 4329.46 的执行率。
    正例：执行率与得分印在“年度资金总额 / 合计”行，来源行的执行率、得分栏为“—”。
    需要单元格位置（sources）才能判断。
    """

    code = "JX207"
    title = "执行率印在非合计行"
    family = "arithmetic"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = TEXT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            for field in ("claimed_execution_rate", "claimed_execution_score"):
                where = form.sources.get(field)
                if where is None or where.row is None:
                    continue
                for line in form.funding:
                    rows = {(s.table, s.row) for s in line.sources.values() if s.row is not None}
                    if line.is_total or (where.table, where.row) not in rows:
                        continue
                    label = "执行率" if field == "claimed_execution_rate" else "执行率得分"
                    value = getattr(form, field)
                    total = form.total_funding
                    yield self.finding(
                        f"{label}“{value}”印在“{squeeze(line.source)}”行，应在"
                        f"“{squeeze(total.source) if total else '合计'}”行",
                        location=form_location(index, form, field),
                        claimed=squeeze(line.source),
                        expected=squeeze(total.source) if total else "合计",
                    )
