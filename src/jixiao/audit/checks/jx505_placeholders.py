"""JX505: template placeholders left in the form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from jixiao.audit.common import evaluations, form_location, indicator_location, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import Indicator

PLACEHOLDER = re.compile(
    r"^(?:…+|\.{3,}|。{3,}|—{3,})$|指标\s*\d+\s*[:：]|^(?:XX+|××+|xxx+|＊+|\*{2,})$|"
    r"请填写|请输入|此处填写|填写说明"
)
TEXT_FIELDS = ("name", "target", "actual", "level2")


@lru_cache(maxsize=65_536)
def is_placeholder(text: str | None) -> bool:
    return bool(text) and PLACEHOLDER.search(squeeze(text)) is not None


def is_placeholder_row(item: Indicator) -> bool:
    """A template row: its name is a placeholder and it carries no values."""
    return is_placeholder(item.name) and not any(
        (item.weight, item.claimed_score, item.target, item.actual)
    )


class TemplatePlaceholder(Check):
    """表中留有未替换的模板占位符（“……”“指标1：”“XX”）。

    反例：效益指标下保留了模板自带的“……”空行；三级指标写“指标1：”。
    正例：删去用不上的模板行，用实际指标替换“指标1：”等占位文字。
    """

    code = "JX505"
    title = "模板占位符未替换"
    family = "completeness"
    severity = Severity.WARNING

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
                for field in TEXT_FIELDS:
                    text = getattr(item, field)
                    if is_placeholder(text):
                        yield self.finding(
                            f"{field} 为模板占位文字“{text}”",
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
