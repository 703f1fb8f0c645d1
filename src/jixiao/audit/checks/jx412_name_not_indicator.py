"""JX412: the indicator name is a value, a date or a single character."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location, squeeze, value_as_name
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class NameIsNotIndicator(Check):
    """三级指标名称是一个数值、日期或单个字（“好”“45万”“2023年”“罐”），不是指标。

    反例：质量指标的名称写“好”，成本指标的名称写“45万”，时效指标的名称写“2023年”。
    正例：名称说明衡量什么（“社保卡发放完成率”“平台运行维护成本”“按期完成率”），
    数值写在目标值、实际值栏。
    单字名称也常是识别或排版错误（乱码），请核对原件。
    """

    code = "JX412"
    title = "指标名称不是指标"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                name = squeeze(item.name).strip("…．.。")
                if not name:
                    continue
                what = value_as_name(name)
                if what is None:
                    continue
                yield self.finding(
                    f"三级指标名称“{name}”是{what}，不是指标名称",
                    location=indicator_location(index, form, number, "name"),
                    claimed=name,
                    expected="说明衡量内容的指标名称",
                )
