"""JX214: numbered sub-items of a basic-data row do not add up to it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import form_location, plain, squeeze, sum_tolerance_text
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumVerdict, judge_sum
from jixiao.model.basic_data import BasicDataRow, BasicDataTable

_NUMBERED = re.compile(r"^(\d+)[、.．]")


def numbered_children(rows: list[BasicDataRow], start: int) -> list[BasicDataRow]:
    """Rows ``1、…``, ``2、…`` … that follow row ``start`` (unnumbered detail rows in between
    are skipped); the run ends at a row that opens a new list (``…：``) or breaks the count."""
    children: list[BasicDataRow] = []
    for row in rows[start + 1 :]:
        label = squeeze(row.item)
        found = _NUMBERED.match(label)
        if found is None:
            if label.endswith(("：", ":")) and not label.startswith("其中"):
                break
            continue
        if int(found.group(1)) != len(children) + 1:
            break
        children.append(row)
    return children


class TableSubitemsNotSum(Check):
    """基础数据表中编号分项（1、2、3、）之和与上级合计行不符。

    反例：“项目支出：”2022 年决算数 43.77，其下“1、业务工作经费”43.77、“2、运行维护经费”空、
    “3、专项资金”43.77，分项合计 87.54。
    正例：上级行 = 各编号分项之和（“其中：”开头的明细行不计入）。
    """

    code = "JX214"
    title = "表内分项之和与合计不符"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset[str]()

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in enumerate(context.document.forms):
            if not isinstance(form, BasicDataTable):
                continue
            for number, row in enumerate(form.rows):
                if _NUMBERED.match(squeeze(row.item)) or squeeze(row.item).startswith("其中"):
                    continue
                children = numbered_children(form.rows, number)
                if len(children) < 2:
                    continue
                for column, stated in row.values.items():
                    values = [v for c in children if (v := c.values.get(column)) is not None]
                    if stated is None or not values:
                        continue
                    judged = judge_sum(stated, values)
                    if judged.verdict is SumVerdict.EXACT:
                        continue
                    got, within = judged.computed, judged.verdict is SumVerdict.ROUNDING
                    parts = " + ".join(
                        plain(c.values.get(column) or Decimal(0)) for c in children
                    )
                    location = form_location(index, form, f"rows.{number}.{column}")
                    location.source = row.sources.get(column)
                    yield self.finding(
                        f"“{squeeze(row.item)}”{column} {plain(stated)}，其下编号分项 {parts} = "
                        f"{plain(got)}",
                        location=location,
                        claimed=stated,
                        expected=got,
                        severity=Severity.INFO if within else Severity.ERROR,
                        tolerance=sum_tolerance_text(len(values) + 1, judged.tolerance),
                    )
