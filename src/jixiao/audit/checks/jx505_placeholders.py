"""JX505: template placeholders left in the form.

``is_placeholder``/``is_placeholder_row`` live in :mod:`jixiao.audit.common`.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    TEXT,
    evaluations,
    form_location,
    indicator_location,
    is_placeholder,
    is_placeholder_row,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

TEXT_FIELDS = {"name": "三级指标", "target": "指标值", "actual": "实际完成值", "level2": "二级指标"}


class TemplatePlaceholder(Check):
    """表中留有未替换的模板占位符（“……”“指标1：”“XX”）。

    反例：效益指标下保留了模板自带的“……”空行；三级指标写“指标1：”。
    正例：删去用不上的模板行，用实际指标替换“指标1：”等占位文字；保留模板编号而写了
    实际指标（“指标1：培训人数”）不算占位符。
    """

    code = "JX505"
    title = "模板占位符未替换"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = TEXT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            rows = [i for i in form.indicators if is_placeholder_row(i)]
            if rows:
                where = "、".join(dict.fromkeys(squeeze(i.level2 or i.level1) for i in rows))
                yield self.finding(
                    f"{len(rows)} 行模板占位行（“{squeeze(rows[0].name)}”）未删除：{where}",
                    location=form_location(index, form, "indicators"),
                    claimed=len(rows),
                    expected=0,
                )
            for number, item in enumerate(form.indicators):
                if is_placeholder_row(item):
                    continue
                for field, label in TEXT_FIELDS.items():
                    text = getattr(item, field)
                    if is_placeholder(text):
                        yield self.finding(
                            f"{label}为模板占位文字“{text}”",
                            location=indicator_location(index, form, number, field),
                            claimed=text,
                            expected="实际内容",
                        )
            for field in ("goal_expected", "goal_actual"):
                text = getattr(form, field, None)
                if is_placeholder(text):
                    yield self.finding(
                        f"年度总体目标栏为模板占位文字“{text}”",
                        location=form_location(index, form, field),
                        claimed=text,
                        expected="实际内容",
                    )
