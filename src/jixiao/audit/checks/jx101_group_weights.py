"""JX101: a printed group weight differs from the sum of the weights under it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    evaluations,
    form_location,
    members,
    plain,
    squeeze,
    weight_sum,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class GroupWeightMismatch(Check):
    """分组（一级/二级指标）标注的分值与其下各指标分值之和不符。

    反例：“产出指标（50分）”下各三级指标分值合计 66 分。
    正例：分组分值等于其下各指标分值之和。
    修正：核对合并单元格下的指标归属与分值，使分组分值与明细一致。
    同名分组标注了不同分值时见 JX107，此处不重复报告。
    """

    code = "JX101"
    title = "分组分值与所属指标分值之和不符"
    family = "structure"
    severity = Severity.ERROR
    rests_on = frozenset({"group", "column:weight"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            names = Counter((g.level, squeeze(g.name)) for g in form.groups)
            for number, group in enumerate(form.groups):
                if group.weight is None or names[(group.level, squeeze(group.name))] > 1:
                    continue
                items = members(form, group)
                if not items or all(i.weight is None for i in items):
                    continue
                total = weight_sum(items)
                if total == group.weight:
                    continue
                blank = sum(1 for i in items if i.weight is None)
                extra = f"（其中 {blank} 项未填分值）" if blank else ""
                location = form_location(index, form, f"groups.{number}.weight")
                location.source = group.sources.get("weight")
                yield self.finding(
                    f"“{squeeze(group.name)}”标注 {plain(group.weight)} 分，其下 {len(items)} 项"
                    f"指标分值合计 {plain(total)} 分{extra}",
                    location=location,
                    claimed=group.weight,
                    expected=total,
                )
