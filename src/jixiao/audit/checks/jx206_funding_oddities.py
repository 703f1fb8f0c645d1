"""JX206: funding figures that are possible but deserve a second look."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    HUNDRED,
    form_location,
    plain,
    self_evaluations,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import round_half_up


class FundingOddity(Check):
    """年初预算数大于全年预算数（年中调减），或全年执行数超过全年预算数。

    反例：年初预算数 237.06 万元，全年预算数 217.91 万元。
    正例：全年预算数 ≥ 年初预算数（或附调减说明），执行数不超过全年预算数。
    两者都可能真实发生（预算调减、使用结转资金），只作“提示”，请核对并在说明中交代原因。
    """

    code = "JX206"
    title = "预算数与执行数关系异常"
    family = "arithmetic"
    severity = Severity.INFO
    rests_on = frozenset[str]()
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            for number, line in enumerate(form.funding):
                initial, adjusted, executed = (
                    line.initial_budget,
                    line.adjusted_budget,
                    line.executed,
                )
                name = squeeze(line.source)
                if initial is not None and adjusted is not None and initial > adjusted:
                    location = form_location(index, form, f"funding.{number}.initial_budget")
                    location.source = line.sources.get("initial_budget")
                    yield self.finding(
                        f"“{name}”年初预算数 {plain(initial)} 大于全年预算数 {plain(adjusted)}"
                        f"（年中调减 {plain(initial - adjusted)}），请核对是否填反",
                        location=location,
                        claimed=initial,
                        expected=adjusted,
                    )
                if adjusted and executed is not None and executed > adjusted:
                    location = form_location(index, form, f"funding.{number}.executed")
                    location.source = line.sources.get("executed")
                    rate = round_half_up(executed / adjusted * HUNDRED)
                    yield self.finding(
                        f"“{name}”全年执行数 {plain(executed)} 超过全年预算数 "
                        f"{plain(adjusted)}（{rate}%）",
                        location=location,
                        claimed=executed,
                        expected=adjusted,
                    )
