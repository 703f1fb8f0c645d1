"""JX109: an indicator's code does not belong to the group it is printed under."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import (
    TEXT,
    evaluations,
    indicator_location,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

_PREFIX = re.compile(r"^([A-Z][0-9]*)(?=[\u4e00-\u9fff])")


class CodeOutsideGroup(Check):
    """指标编号与其所在分组的编号不一致。

    反例：编号 C213 的指标排在“C1部门产出”合并单元格之下（C2xx 应属于“C2部门效果”）。
    正例：C1xx 的指标都在“C1…”分组下，A3x 在“A3…”下。
    修正：通常是合并单元格跨行错位，使指标被计入错误的分组，分组小计随之出错。
    """

    code = "JX109"
    title = "指标编号与所在分组不符"
    family = "structure"
    severity = Severity.WARNING
    rests_on = frozenset[str]()
    tolerance = TEXT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                code = squeeze(item.code).upper()
                if not code:
                    continue
                for label in (item.level2, item.level1):
                    found = _PREFIX.match(squeeze(label))
                    if found and not code.startswith(found.group(1)):
                        yield self.finding(
                            f"编号 {code} 不属于分组“{squeeze(label)}”（该组编号为 "
                            f"{found.group(1)}）",
                            location=indicator_location(index, form, number, "code"),
                            claimed=squeeze(label),
                            expected=f"编号以 {code[:2]} 开头的分组",
                        )
                        break
