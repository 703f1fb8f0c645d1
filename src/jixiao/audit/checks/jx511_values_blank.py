"""JX511: a named indicator whose target or actual is blank where the form's other rows fill it."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    indicator_location,
    is_placeholder_row,
    self_evaluations,
    squeeze,
    value_as_name,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import Indicator

FIELDS = {"target": "指标值", "actual": "实际完成值"}


def _filled(item: Indicator, field: str) -> bool:
    """Anything written counts, "无" and "/" too: they say something; only an empty cell
    is blank."""
    value: str | None = getattr(item, field)
    return bool(value and not value.isspace())


def _names_an_indicator(name: str) -> bool:
    """Not a category heading ("质量指标": a row of an empty group, or cells shifted a
    column) and not a value or single character read as the name (JX412's)."""
    heading = name.endswith("指标") and len(name) <= 8
    return not heading and value_as_name(name) is None


class IndicatorValuesBlank(Check):
    """自评表中列了指标名称，指标值或实际完成值却空白。

    反例：“质量指标”下列了“不合格产品处置率”，指标值和实际完成值两栏都没有填，无从判断完成
    情况；其他指标的这两栏都已填写。
    正例：每个列出的指标都写明年度指标值和实际完成值；确实不适用的，写明“不适用”及原因
    （或删去该行）。
    只在同一张表的其他指标填了该栏时报告（表中本没有这一栏，或整栏空白的，不逐行报告）；
    表格在某一行中间截断的（文件不完整），该行不报告；
    写了“无”“/”的不算空白；名称是类别（“质量指标”）、数值或单个字的行（多为错列）不报告；
    模板占位行由 JX505 报告，没有名称的行由 JX506 报告。
    """

    code = "JX511"
    title = "指标值或实际完成值空白"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            rows = form.indicators
            # a field counts only where some row fills it: the column is printed and used
            used = [f for f in FIELDS if any(_filled(item, f) for item in rows)]
            # the row a cut-off table ends in was not read whole: its blanks may be the cut
            last = len(rows) - 1 if form.cut_off else len(rows)
            for number, item in enumerate(rows):
                blank = [f for f in used if not _filled(item, f)]
                if not blank or number == last or not self._listed(item):
                    continue
                labels = "和".join(FIELDS[f] for f in blank)
                yield self.finding(
                    f"指标“{squeeze(item.name)}”的{labels}未填写（本表其他指标已填写），"
                    "无法判断完成情况",
                    location=indicator_location(index, form, number, blank[0]),
                    claimed="",
                    expected=labels,
                )

    @staticmethod
    def _listed(item: Indicator) -> bool:
        """An indicator the form lists and applies: named, not a template row."""
        return (
            item.applicable
            and _names_an_indicator(squeeze(item.name))
            and not is_placeholder_row(item)
        )
