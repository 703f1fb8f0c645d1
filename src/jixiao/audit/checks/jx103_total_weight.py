"""JX103: the weights do not add up to the form's full marks."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    ZERO,
    evaluations,
    form_location,
    plain,
    weight_sum,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import SelfEvaluationBase


class TotalWeightMismatch(Check):
    """各项分值（含执行率分值）合计不等于满分。

    反例：项目自评表各指标分值合计 100 分，加执行率 10 分共 110 分，表中满分（总分）却为 100。
    正例：三级指标分值 90 分 + 执行率 10 分 = 100 分。
    表中印有满分（total_weight）时与之比较，报告为“错误”；未印满分时与规则包框架的满分比较，
    报告为“警告”（部分评分表只列出决策、过程两类，满分本就不是 100，此时请填写 total_weight）。
    """

    code = "JX103"
    title = "分值合计不等于满分"
    family = "structure"
    severity = Severity.ERROR
    rests_on = frozenset({"table", "execution_weight", "column:weight"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            if all(i.weight is None for i in form.indicators):
                continue
            execution = ZERO
            framework = context.pack.frameworks.get(form.type)
            if isinstance(form, SelfEvaluationBase) and (
                form.funding or form.execution_weight is not None
            ):  # no funding block printed: no execution row to assume
                execution = form.execution_weight or (
                    framework.execution_weight if framework else None
                ) or ZERO
            total = weight_sum(form.indicators) + execution
            if form.total_weight is not None:
                expected, severity, where = form.total_weight, Severity.ERROR, "表中所列满分"
            elif framework is not None:
                expected, severity = framework.total, Severity.WARNING
                where = f"规则包 {context.pack.name} 的满分"
            else:
                continue
            if total == expected:
                continue
            blank = sum(1 for i in form.indicators if i.weight is None and i.claimed_score)
            parts = f"指标分值 {plain(total - execution)} 分"
            if execution:
                parts += f" + 执行率 {plain(execution)} 分"
            extra = f"；另有 {blank} 项有得分却未填分值" if blank else ""
            yield self.finding(
                f"{parts} = {plain(total)} 分，与{where} {plain(expected)} 分不符{extra}",
                location=form_location(index, form, "total_weight"),
                claimed=expected,
                expected=total,
                severity=severity,
            )
