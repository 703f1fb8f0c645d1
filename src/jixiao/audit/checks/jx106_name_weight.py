"""JX106: the weight printed in an indicator's name differs from its weight column."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import (
    EXACT,
    evaluations,
    indicator_location,
    plain,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

NAME_POINTS = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


class NameWeightMismatch(Check):
    """指标名称中标注的分值与“分值”栏不符。

    反例：三级指标“就业人员、参保人员满意度（5分）”，分值栏却为 10 分。
    正例：名称中的“（5分）”与分值栏的 5 分一致（或名称中不标分值）。
    修正：以评价指标体系确定的分值为准，统一名称与分值栏。
    """

    code = "JX106"
    title = "名称中的分值与分值栏不符"
    family = "structure"
    severity = Severity.ERROR
    rests_on = frozenset({"column:weight"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                printed = [Decimal(v) for v in NAME_POINTS.findall(item.name)]
                if item.weight is None or not printed:
                    continue
                wrong = [v for v in printed if v != item.weight]
                if not wrong:
                    continue
                shown = "、".join(f"（{plain(v)}分）" for v in printed)
                yield self.finding(
                    f"名称中标注 {shown}，分值栏为 {plain(item.weight)} 分",
                    location=indicator_location(index, form, number, "weight"),
                    claimed=item.weight,
                    expected="、".join(plain(v) for v in printed),
                )
