"""JX822: a declared indicator value is a vague word, not a measurable target."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind

VAGUE = re.compile(r"改善|提高|提升|有效|明显|显著|进一步|加强|较好|良好|逐步|大幅")


class VagueDeclaredTarget(Check):
    """申报的指标值是“改善”“提高”“有效”“明显”一类含糊用语，没有可衡量的数值或标准。

    财预〔2021〕101号要求绩效指标“细化量化、可衡量”；含糊的指标值到年底无从判断是否完成，
    自评时只能主观打分。定性指标应写明达成的具体状态或分档标准。
    反例：社会效益指标“群众出行条件”，指标值“明显改善”。
    正例：指标值“≥95%”“2024年11月底前”，或定性写明“通过竣工验收”。
    """

    code = "JX822"
    title = "指标值含糊不可衡量"
    family = "declaration"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                quantity = row.target_quantity
                if quantity.kind is not QuantityKind.QUALITATIVE:
                    continue
                word = VAGUE.search(row.target or "")
                if word is None:
                    continue
                yield self.finding(
                    f"指标值“{row.target}”含“{word.group(0)}”，没有可衡量的数值或标准",
                    location=row_location(index, form, number, "target"),
                    claimed=row.target,
                    expected="带单位的数值、日期或明确的达成状态",
                )
