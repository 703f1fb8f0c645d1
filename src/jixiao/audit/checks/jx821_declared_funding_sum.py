"""JX821: the declared funding sources do not add up to the total."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, sum_findings
from jixiao.audit.common import form_location, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class DeclaredFundingNotSum(Check):
    """申报表“资金总额”不等于各资金来源（财政拨款、自有资金、事业收入、其他资金…）之和。

    “其中：上级/本级”等复述某一来源的细项不计入合计。差额在各分项四舍五入尾差以内时
    以“提示”报告；资金构成从一段文字中读出时只报警告。
    反例：资金总额 300 万元，其中财政拨款 260 万元、其他资金 20 万元。
    正例：资金总额 10606.7522 万元 = 财政拨款 6923.3552 + 自有资金 0 + 其他 3683.3970。
    """

    code = "JX821"
    title = "申报资金来源之和与资金总额不符"
    family = "declaration"
    severity = Severity.ERROR
    rests_on = frozenset({"column:funding"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            total = form.total_funding
            parts = [line for line in form.funding if not line.is_total and not line.is_sub]
            values = [line.amount for line in parts if line.amount is not None]
            if total is None or total.amount is None or not values:
                continue
            location = form_location(index, form, "funding.amount")
            location.source = total.sources.get("amount")
            names = "、".join(squeeze(line.source) for line in parts if line.amount is not None)
            yield from sum_findings(self, f"{names} ", total.amount, values,
                                    f"“{squeeze(total.source)}”", location)
