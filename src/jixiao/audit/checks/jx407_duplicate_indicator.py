"""JX407: two indicators with the same name under the same heading."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class DuplicateIndicator(Check):
    """同一二级指标下有两个名称相同的三级指标。

    反例：质量指标下两行都叫“劳动保障监察举报投诉案件结案”，目标分别为 100% 和 90%。
    正例：每个三级指标的名称说明所衡量的内容，如“举报投诉案件结案率”“欠薪案件结案率”。
    名称相同的指标无法区分，审核和下年设定目标时都会混淆。
    """

    code = "JX407"
    title = "同一分类下指标名称重复"
    family = "indicator_quality"
    severity = Severity.INFO

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            seen: dict[tuple[str, str, str], int] = {}
            for number, item in enumerate(form.indicators):
                name = squeeze(item.name)
                if len(name) < 2 or set(name) <= set("…．.。"):
                    continue
                key = (squeeze(item.level1), squeeze(item.level2), name)
                if key in seen:
                    yield self.finding(
                        f"与第 {seen[key] + 1} 行指标同名（同在“{key[1] or key[0]}”下）",
                        location=indicator_location(index, form, number, "name"),
                        claimed=name,
                        expected="能区分所衡量内容的指标名称",
                    )
                else:
                    seen[key] = number
