"""JX509: the budget column of a basic-data table is (almost) empty."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    form_location,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.basic_data import BasicDataTable


class BasicBudgetBlank(Check):
    """基础数据表的“预算数”一栏大多空白，决算数无法与预算比较。

    反例：“2023年预算数”只有公用经费一行有数，三公经费、项目支出等都空白，而决算数都已填写。
    正例：凡填写决算数的行都填写对应年度的预算数（确实无预算的填 0）。
    """

    code = "JX509"
    title = "基础数据表预算数未填写"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in enumerate(context.document.forms):
            if not isinstance(form, BasicDataTable):
                continue
            columns = list(dict.fromkeys(c for row in form.rows for c in row.values))
            for column in columns:
                if "预算" not in squeeze(column):
                    continue
                year = squeeze(column).split("年")[0]
                spent = next(
                    (c for c in columns if "决算" in c and squeeze(c).startswith(year)), None
                )
                if spent is None:
                    continue
                rows = [r for r in form.rows if r.values.get(spent) is not None]
                filled = [r for r in rows if r.values.get(column) is not None]
                if rows and len(filled) * 2 < len(rows):
                    yield self.finding(
                        f"“{column}”栏在 {len(rows)} 个有决算数的行中只填了 {len(filled)} 行",
                        location=form_location(index, form, f"rows.*.{column}"),
                        claimed=len(filled),
                        expected=len(rows),
                    )
