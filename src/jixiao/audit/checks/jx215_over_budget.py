"""JX215: a basic-data row spends more than its budget for the same year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    HUNDRED,
    form_location,
    plain,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import round_half_up
from jixiao.model.basic_data import BasicDataTable

_YEAR = re.compile(r"(\d{4})年?(预算|决算)")


class SpendingOverBudget(Check):
    """基础数据表中某项当年决算数超过当年预算数。

    反例：公用经费 2023 年预算数 24 万元，2023 年决算数 33.02 万元（137.58%）。
    正例：决算数不超过预算数；确需超支的，在说明中写明追加预算的依据。
    """

    code = "JX215"
    title = "决算数超过预算数"
    family = "arithmetic"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in enumerate(context.document.forms):
            if not isinstance(form, BasicDataTable):
                continue
            for number, row in enumerate(form.rows):
                budget: dict[str, str] = {}
                spent: dict[str, str] = {}
                for column in row.values:
                    found = _YEAR.search(squeeze(column))
                    if found:
                        (budget if found.group(2) == "预算" else spent)[found.group(1)] = column
                for year, column in spent.items():
                    plan = row.values.get(budget.get(year, ""))
                    actual = row.values.get(column)
                    if not plan or actual is None or actual <= plan:
                        continue
                    location = form_location(index, form, f"rows.{number}.{column}")
                    location.source = row.sources.get(column)
                    yield self.finding(
                        f"“{squeeze(row.item)}”{year}年决算数 {plain(actual)} 超过预算数 "
                        f"{plain(plan)}（{round_half_up(actual / plan * HUNDRED)}%）",
                        location=location,
                        claimed=actual,
                        expected=plan,
                    )
