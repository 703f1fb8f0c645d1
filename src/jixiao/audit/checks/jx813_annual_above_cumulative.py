"""JX813: the year's request above the project's cumulative total."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations
from jixiao.audit.common import form_location, plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class AnnualAboveCumulative(Check):
    """年度资金申请总额大于项目期内的项目资金总额（累计）。

    上海等地的申报表同时印“项目资金总额”（整个实施期的累计数）和“年度资金申请总额”
    （本年申请数）。一年的申请不可能超过整个项目的总额，通常是两栏填反或单位（元/万元）
    不一致。资金来源之和（JX821）只与年度申请数比较，从不与累计总额比较。
    反例：项目资金总额 800 万元，年度资金申请总额 1200 万元。
    正例：项目资金总额 2400 万元（三年），年度资金申请总额 800 万元。
    """

    code = "JX813"
    title = "年度申请数大于项目资金总额"
    family = "declaration"
    severity = Severity.ERROR
    rests_on = frozenset({"column:funding"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            total = form.total_funding
            if total is None or total.amount is None or total.cumulative is None:
                continue
            if total.amount <= total.cumulative:
                continue
            location = form_location(index, form, "funding.amount")
            location.source = total.sources.get("amount")
            yield self.finding(
                f"“{total.source}”{plain(total.amount)} 大于项目资金总额（累计）"
                f"{plain(total.cumulative)}，请核对两栏是否填反或金额单位是否一致",
                location=location, claimed=total.amount,
                expected=f"不大于 {plain(total.cumulative)}",
            )  # fmt: skip
