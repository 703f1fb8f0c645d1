"""JX202: a printed group subtotal is not the sum of its items' scores."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    ZERO,
    evaluations,
    form_location,
    judge,
    members,
    plain,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class GroupScoreNotSum(Check):
    """分组得分小计不等于其下各指标得分之和。

    反例：“过程”一级指标小计 38 分，其下 12 项指标得分合计 37 分。
    正例：小计 = 其下各项得分之和（按小计的原文精度四舍五入比较）。
    """

    code = "JX202"
    title = "分组得分小计与明细不符"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset({"group", "column:claimed_score"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, group in enumerate(form.groups):
                if group.claimed_score is None:
                    continue
                scores = [
                    i.claimed_score for i in members(form, group) if i.claimed_score is not None
                ]
                if not scores:
                    continue
                total = sum(scores, ZERO)
                verdict = judge(group.claimed_score, total)
                if not verdict.wrong:
                    continue
                location = form_location(index, form, f"groups.{number}.claimed_score")
                location.source = group.sources.get("claimed_score")
                yield self.finding(
                    f"“{squeeze(group.name)}”得分小计 {plain(group.claimed_score)} 分，其下 "
                    f"{len(scores)} 项得分合计 {plain(total)} 分{verdict.note}",
                    location=location,
                    claimed=group.claimed_score,
                    expected=total,
                    severity=verdict.severity,
                    tolerance=verdict.tolerance,
                )
