"""JX504: the execution rate or its points are blank although the amounts are there."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    form_location,
    form_result,
    has_place,
    self_evaluations,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class ExecutionBlank(Check):
    """预算数和执行数已填写，执行率或执行率得分却空白。

    反例：全年预算 17.5 万元、执行 17.5 万元，执行率栏空白，总分却按满分计。
    正例：执行率 100.00%，得分 10。
    资金数额本身空白的由 JX503 报告；表中没有执行率栏的不报告。
    """

    code = "JX504"
    title = "执行率或执行率得分未填写"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            line = form.total_funding
            if line is None or line.executed is None:
                continue
            if line.adjusted_budget is None and line.initial_budget is None:
                continue
            result = form_result(context, index)
            execution = result.execution if result else None
            for field, label in (
                ("claimed_execution_rate", "执行率"),
                ("claimed_execution_score", "执行率得分"),
            ):
                printed = getattr(form, field)
                if printed not in (None, "") or field in form.unprinted or not (
                    has_place(form, field) or form.execution_weight is not None
                ):
                    continue
                expected: object = None
                if execution is not None:
                    expected = (
                        f"{execution.computed_rate}%"
                        if field == "claimed_execution_rate" and execution.computed_rate
                        else execution.computed_score
                    )
                yield self.finding(
                    f"{label}未填写",
                    location=form_location(index, form, field),
                    expected=expected,
                )
