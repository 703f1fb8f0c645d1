"""JX413: the evidence cited is from another year than the evaluation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

_YEAR = re.compile(r"(20\d{2})\s*年")


class EvidenceFromOtherYear(Check):
    """佐证资料（数据来源）注明的年份早于评价年度。

    反例：2023 年度评价的满意度指标，数据来源写“2022年满意度调查”（附件却是 2023 年问卷）。
    正例：佐证资料与评价年度一致，或说明为何沿用上年数据。
    """

    code = "JX413"
    title = "佐证资料年份与评价年度不符"
    family = "indicator_quality"
    severity = Severity.INFO

    def run(self, context: AuditContext) -> Iterator[Finding]:
        year_of_document = context.document.year
        for index, form in evaluations(context):
            year = form.year or year_of_document
            if year is None:
                continue
            for number, item in enumerate(form.indicators):
                years = {int(y) for y in _YEAR.findall(item.evidence or "")}
                if years and max(years) < year:
                    yield self.finding(
                        f"{year} 年度的评价，佐证资料却是“{item.evidence}”",
                        location=indicator_location(index, form, number, "evidence"),
                        claimed=item.evidence,
                        expected=f"{year}年的资料",
                    )
