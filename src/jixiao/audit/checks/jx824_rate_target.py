"""JX824: a rate (…率) whose target is not a percentage, or above 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.common import plain, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import QuantityKind

_GROWTH = re.compile(r"增长|增速|增幅|提高|提升|上升|下降|降低|回报|收益|利润|倍")
HUNDRED = Decimal(100)


class RateTarget(Check):
    """名称为“……率”的指标，指标值不是百分数，或超过 100%。

    达标率、覆盖率、合格率、满意度等比率以百分数表示，不超过 100%（增长率、下降率等
    变动率除外）。不是百分数的指标值（“≥95”“95人”）无法判断口径，只报警告；超过 100%
    的比率一定有误，报错误。
    反例：“验收合格率”指标值“≥105%”；“政策知晓率”指标值“90人”。
    正例：“验收合格率”指标值“=100%”，“政策知晓率”指标值“≥90%”。
    """

    code = "JX824"
    title = "比率指标值不是百分数或超过100%"
    family = "declaration"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                name = squeeze(row.name)
                if not name.endswith("率") or _GROWTH.search(name):
                    continue
                quantity = row.target_quantity
                if quantity.kind is not QuantityKind.NUMBER or quantity.value is None:
                    continue
                location = row_location(index, form, number, "target")
                if quantity.unit != "%":
                    yield self.finding(
                        f"比率指标“{row.name}”的指标值“{row.target}”不是百分数",
                        location=location, claimed=row.target,
                        expected=f"{plain(quantity.value)}%", severity=Severity.WARNING,
                    )  # fmt: skip
                elif quantity.value > HUNDRED:
                    yield self.finding(
                        f"比率指标“{row.name}”的指标值“{row.target}”超过 100%",
                        location=location, claimed=row.target, expected="≤100%",
                    )  # fmt: skip
