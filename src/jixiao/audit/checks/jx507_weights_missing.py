"""JX507: scores without weights, weights without scores, or no weights at all."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    evaluations,
    form_location,
    indicator_location,
    is_placeholder_row,
    plain,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class WeightOrScoreMissing(Check):
    """指标有得分却没有分值（无法核对），有分值却没有得分，或整张表没有分值和得分。

    反例：“社会效益”得 5 分，分值栏空白；项目自评报告的指标表没有分值、得分两栏。
    正例：每个指标都有分值和得分，得分不超过分值。
    有得分而无分值报告为“错误”，其余为“警告”。
    """

    code = "JX507"
    title = "分值或得分缺失"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset({"column:weight", "column:claimed_score"})
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            rows = [
                (n, i)
                for n, i in enumerate(form.indicators)
                if squeeze(i.name) and not is_placeholder_row(i)
            ]
            if not rows:
                continue
            if all(i.weight is None and i.claimed_score is None for _, i in rows):
                yield self.finding(
                    f"{len(rows)} 个指标都没有分值和得分，无法评分",
                    location=form_location(index, form, "indicators"),
                    expected="各指标的分值与得分",
                )
                continue
            scored = any(i.claimed_score is not None for _, i in rows)
            for number, item in rows:
                if item.weight is None and item.claimed_score is not None:
                    yield self.finding(
                        f"得分 {plain(item.claimed_score)}，分值却空白，无法核对",
                        location=indicator_location(index, form, number, "weight"),
                        claimed=item.claimed_score,
                        severity=Severity.ERROR,
                    )
                elif item.weight is not None and item.claimed_score is None and scored:
                    yield self.finding(
                        f"分值 {plain(item.weight)}，得分却空白",
                        location=indicator_location(index, form, number, "claimed_score"),
                        expected="得分",
                    )
