"""JX110: a table's title names categories its rows do not contain."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import (
    TEXT,
    evaluations,
    form_location,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

_LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2}、)*[\u4e00-\u9fff]{2})类")


class TitleContentMismatch(Check):
    """表名列出的指标类别与表中的一级指标不符。

    反例：第二张评分表标题仍为“……决策、过程类绩效评价体系及评分表”，表中却是产出、效益类指标。
    正例：标题“……产出、效益类……”与表中一级指标“产出”“效益”相符。
    修正：复制表格后忘记改标题，读者会把两张表当成同一张。
    """

    code = "JX110"
    title = "表名与所列指标类别不符"
    family = "structure"
    severity = Severity.WARNING
    rests_on = frozenset({"table"})
    tolerance = TEXT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            listed = _LISTED.search(squeeze(form.name))
            levels = {squeeze(i.level1) for i in form.indicators}
            if not listed or not levels:
                continue
            words = listed.group(1).split("、")
            if any(word in level for word in words for level in levels):
                continue
            yield self.finding(
                f"表名写“{listed.group(0)}”，表中一级指标却是“{'、'.join(sorted(levels))}”",
                location=form_location(index, form, "name"),
                claimed=form.name,
                expected="、".join(sorted(levels)) + "类",
            )
