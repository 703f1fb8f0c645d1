"""JX825: a declared indicator without a target value, or with a target of ≥0."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, row_location, said
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import Comparator, QuantityKind


class MissingDeclaredTarget(Check):
    """指标只有名称，指标值空白；或指标值为“≥0”“>0”，没有任何约束。

    没有指标值的指标无法监控、无法自评；“≥0”任何结果都算完成。零值本身可以是目标
    （“安全事故=0起”），只报“≥0/>0”这类不构成约束的写法。
    反例：数量指标“培训人次”，指标值空白；或指标值“≥0人次”。
    正例：指标值“≥500人次”；“安全责任事故”指标值“=0起”。
    """

    code = "JX825"
    title = "指标值缺失或为零"
    family = "declaration"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                location = row_location(index, form, number, "target")
                if not said(row.target):
                    if not said(row.name):
                        continue
                    yield self.finding(
                        f"指标“{row.name}”没有指标值", location=location,
                        claimed=row.target or "（空白）", expected="可衡量的指标值",
                    )  # fmt: skip
                    continue
                quantity = row.target_quantity
                if (quantity.kind is QuantityKind.NUMBER and quantity.value == 0
                        and quantity.comparator in (Comparator.GE, Comparator.GT)):  # fmt: skip
                    yield self.finding(
                        f"指标值“{row.target}”不构成约束，任何结果都算完成",
                        location=location, claimed=row.target,
                        expected="大于零的目标值", severity=Severity.WARNING,
                    )  # fmt: skip
