"""JX409: the actual-value column repeats the scores."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, form_location, indicator_label
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind


class ActualIsScore(Check):
    """实际完成值一栏填的是得分，而不是实测值。

    反例：目标“每年1次”，实际完成值“5”，得分 5；目标“5.5万元”，实际完成值“7”，得分 7。
    正例：实际完成值写实测值并带单位（“1次”“5.3万元”），得分另列。
    同一张表中有两行及以上的实际值恰等于得分、又没有目标值的单位时报告。
    """

    code = "JX409"
    title = "实际完成值填成了得分"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            rows = []
            for item in form.indicators:
                actual, target = item.actual_quantity, item.target_quantity
                if item.claimed_score is None or actual.kind is not QuantityKind.NUMBER:
                    continue
                if actual.unit or actual.scale or actual.comparator is not None:
                    continue
                if target.kind is QuantityKind.NUMBER and not (target.unit or target.scale):
                    continue
                if actual.value == item.claimed_score:
                    rows.append(indicator_label(item))
            if len(rows) >= 2:
                yield self.finding(
                    f"{len(rows)} 行的实际完成值等于本行得分且没有计量单位："
                    + "、".join(rows[:6])
                    + ("等" if len(rows) > 6 else ""),
                    location=form_location(index, form, "indicators"),
                    claimed="实际完成值 = 得分",
                    expected="与目标值同单位的实测值",
                )
