"""JX111: the table was read incomplete, so its sums and totals were not checked."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import TEXT, evaluations, form_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class IncompleteTable(Check):
    """表格不完整（被截断）：前面或后面的行缺失，合计、分组小计与总分无法核对。

    反例：表格在“综合管理（30分）”组内结束，其下只读到 1 分的指标，之后没有合计行；
    或表格首行的一级指标空白（从某一分组中间开始）。
    正例：表格从第一个分组开始，以“总分 / 合计”行结束，每个分组的指标分值之和等于其标注分值。
    表格不完整时只给出这一条“提示”，不再报告总分未填写、分值合计、分组小计等依赖整张表的问题；
    请提供完整的表格后重新审核。
    """

    code = "JX111"
    title = "表格不完整，未核对合计"
    family = "completeness"
    severity = Severity.INFO
    rests_on = frozenset[str]()
    tolerance = TEXT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            reasons = [u for u in form.uncertain if u.aspect == "table"]
            if not reasons:
                continue
            location = form_location(index, form, "indicators", reasons[0].source)
            yield self.finding(
                "表格不完整，未核对合计：" + "；".join(u.reason for u in reasons),
                location=location,
                claimed="表格不完整",
                expected="完整的表格（含合计行）",
            )
