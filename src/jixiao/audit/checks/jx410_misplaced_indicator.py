"""JX410: an indicator printed under a category its name contradicts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import evaluations, indicator_location, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

# Name words → the category they belong to; categories recognised in level-2 labels.
NAME_WORDS = {"满意度": "满意", "满意率": "满意", "及时率": "时效", "成本": "成本"}
EFFECT_ON = re.compile(r"影响|节约|节省|降低|减少|下降")
CATEGORY = re.compile(r"数量|质量|时效|时限|成本|满意|经济效益|社会效益|生态效益|可持续")


class MisplacedIndicator(Check):
    """指标名称与其所在的二级指标类别不符（如满意度指标放在生态效益下）。

    反例：“服务对象满意度”排在“效益指标/生态效益指标”下；“完成及时率”排在“质量指标”下；
    “成本节约率”排在“时效指标”下。
    正例：满意度指标在“满意度指标”下，及时率在“时效指标”下，成本在“成本指标”下；
    “降低企业用工成本”这类说成本变化的效益指标可以在效益指标下。
    常因合并单元格错位所致，也会让一级指标的分值合计出错。
    """

    code = "JX410"
    title = "指标放错类别"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                name, level2 = squeeze(item.name), squeeze(item.level2)
                category = CATEGORY.search(level2)
                if category is None:
                    continue
                for word, wanted in NAME_WORDS.items():
                    if word not in name:
                        continue
                    where = level2 + squeeze(item.level1)
                    if word == "成本" and "效益" in where and EFFECT_ON.search(name):
                        break  # "降低用工成本", "对成本的影响程度": an effect, not a cost
                    if wanted in where or (wanted == "时效" and "时限" in where):
                        break
                    yield self.finding(
                        f"名称含“{word}”，却排在“{squeeze(item.level1)}/{level2}”下",
                        location=indicator_location(index, form, number, "level2"),
                        claimed=f"{squeeze(item.level1)}/{level2}",
                        expected=f"{wanted}类指标",
                    )
                    break
