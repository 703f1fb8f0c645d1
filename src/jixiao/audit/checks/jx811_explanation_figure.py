"""JX811: the figure in a declared indicator's explanation is not its target value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.checks.jx8_support import declarations, row_location
from jixiao.audit.common import plain
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.quantity import normalize_text

# A figure that describes the past, a base or a standard, not the target.
_ELSEWHERE = re.compile(
    r"(?:上年|去年|往年|以前|历史|基期|同期|基数|原有|现有|标准为)[^，。；,;]{0,8}$"
)


def _figures(text: str, unit: str, scale: str) -> list[Decimal]:
    """Values printed in ``text`` with the target's unit, leaving out years and figures
    about the past."""
    found: list[Decimal] = []
    pattern = re.escape(scale + unit) if unit else None
    if pattern is None:
        return found
    for match in re.finditer(r"(\d+(?:\.\d+)?)\s*" + pattern, text):
        if _ELSEWHERE.search(text[: match.start()]):
            continue
        found.append(Decimal(match.group(1)))
    return found


class ExplanationFigureDiffers(Check):
    """指标解释或设定依据中写的数值，与该指标的指标值不同。

    指标解释和设定依据说明指标值从何而来；两处数字不一致，说明其中一处是抄来未改的，
    审核时无从判断以哪个为准。只比较单位相同的数值（“≥95%”与解释中的“98%”），
    解释中出现几个不同的数、或写的是上年、历史或基期数时不比较。
    反例：指标值“≥95%”，指标解释“验收合格率达到98%”。
    正例：指标值“≥95%”，指标解释“验收合格的工程数 / 完工工程数，目标95%”。
    """

    code = "JX811"
    title = "指标解释中的数值与指标值不同"
    family = "declaration"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in declarations(context):
            for number, row in enumerate(form.indicator_rows):
                target = row.target_quantity
                if not target.is_numeric or target.number is None or not row.explanation:
                    continue
                figures = set(_figures(normalize_text(row.explanation), target.unit,
                                       target.scale))  # fmt: skip
                if len(figures) != 1 or target.number in figures:
                    continue
                [figure] = figures
                yield self.finding(
                    f"指标解释/设定依据写的是 {plain(figure)}{target.scale}{target.unit}，"
                    f"指标值却是“{row.target}”",
                    location=row_location(index, form, number, "target"),
                    claimed=row.target,
                    expected=f"与指标解释一致（{plain(figure)}{target.scale}{target.unit}），"
                    "或改正指标解释",
                )
