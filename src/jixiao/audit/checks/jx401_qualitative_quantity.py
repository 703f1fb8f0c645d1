"""JX401: a quantity or cost indicator whose target is not a number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind

_NUMERIC_KIND = re.compile(r"数量|成本")


class QualitativeQuantityTarget(Check):
    """数量指标、成本指标的目标值是文字描述，不是可衡量的数值。

    反例：数量指标“受理投诉举报结案”，目标值“考核项目完成数量”。
    正例：数量指标目标值“≥90件”，成本指标目标值“≤17.5万元”。
    财预〔2021〕101号要求指标“量化易评”；定性目标无法计算完成率，只能按定性分档打分。
    """

    code = "JX401"
    title = "数量/成本指标目标值未量化"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                kind = _NUMERIC_KIND.search(squeeze(item.level2))
                if kind is None or item.target_quantity.kind is not QuantityKind.QUALITATIVE:
                    continue
                yield self.finding(
                    f"{kind.group(0)}指标的目标值“{item.target}”不是数值，无法计算完成率",
                    location=indicator_location(index, form, number, "target"),
                    claimed=item.target,
                    expected="带计量单位的数值，如 ≥90件",
                )
