"""JX823: an indicator marked 不涉及/无 still carries a weight."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.common import plain, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

_NONE = re.compile(r"^(?:不涉及|无|不适用|暂无|/|—+|-)$")


class NotApplicableWeighted(Check):
    """指标名称或指标值为“不涉及”“无”，却分配了分值。

    不涉及的指标不应占分值：年底自评时要么白送分，要么无法打分；应删去该行，
    把分值分配给实际考核的指标。
    反例：生态效益指标“不涉及”，分值 10。
    正例：删去不涉及的指标，或分值为空。
    """

    code = "JX823"
    title = "“不涉及”指标占有分值"
    family = "declaration"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                if not row.weight or row.weight <= 0:
                    continue
                empty = [text for text in (row.name, row.target)
                         if text is not None and _NONE.match(squeeze(text))]  # fmt: skip
                if not empty:
                    continue
                yield self.finding(
                    f"指标为“{empty[0]}”，却有分值 {plain(row.weight)}",
                    location=row_location(index, form, number, "weight"),
                    claimed=row.weight,
                    expected="0 或删去该指标",
                )
