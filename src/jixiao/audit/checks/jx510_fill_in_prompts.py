"""JX510: the template's fill-in instructions ("(100字以内)", "（请简要说明…）") left in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import evaluations, form_location, indicator_location
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.model.common import SourceRef

# A length limit or an instruction in brackets. Bare "请填写"/"……"/"指标1：" are JX505's.
PROMPT = re.compile(
    r"[（(]\s*(?:限|不超过|不多于|不少于|控制在)?\s*\d+\s*字(?:以内|以下|以上|左右)?\s*[)）]"
    r"|[（(]\s*(?:请|须|需|简要|如实|逐项|分别)+\s*"
    r"(?:填写|填报|说明|描述|列明|概述|阐述|分析)[^（）()]{0,24}[)）]"
)
# Brackets that label a printed field rather than instruct (签字, 盖章, 单位…).
LABEL = re.compile(r"签字|签章|盖章|公章|单位[:：]?|万元|%|分\)|分）")
FORM_FIELDS = ("goal_expected", "goal_actual")
INDICATOR_FIELDS = ("name", "target", "actual", "deviation_note", "notes", "target_basis")


def prompts(text: str | None) -> list[str]:
    if not text or ("（" not in text and "(" not in text):  # most fields: no bracket at all
        return []
    return [m.group(0) for m in PROMPT.finditer(text) if not LABEL.search(m.group(0))]


class FillInPromptLeft(Check):
    """模板的填写提示（“（100字以内）”“（请简要说明偏差原因）”）未删除。

    反例：“实际完成情况”栏写“（100字以内）全年完成培训 300 人次”；报告标题后保留
    “（请简要说明项目立项依据）”。
    正例：删去填写提示，只保留填写的内容。
    单独的“……”“指标1：”“请填写”等占位文字由 JX505 报告；“（签字）”“（盖章）”等栏目
    标签不报告。
    """

    code = "JX510"
    title = "填写提示未删除"
    family = "completeness"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for number, paragraph in enumerate(context.document.paragraphs, 1):
            for prompt in prompts(paragraph.text):
                start = paragraph.text.find(prompt)
                yield self._found(prompt, "正文", Location(source=SourceRef(
                    paragraph=number, start=start, end=start + len(prompt), text=prompt)))
        for index, form in evaluations(context):
            for field in FORM_FIELDS:
                for prompt in prompts(getattr(form, field, None)):
                    yield self._found(prompt, "年度总体目标", form_location(index, form, field))
            for section, text in form.narrative.items():
                for prompt in prompts(text):
                    yield self._found(prompt, "报告文字", form_location(index, form,
                                                                      f"narrative.{section}"))
            for row, item in enumerate(form.indicators):
                for field in INDICATOR_FIELDS:
                    for prompt in prompts(getattr(item, field)):
                        yield self._found(prompt, "指标栏",
                                          indicator_location(index, form, row, field))

    def _found(self, prompt: str, where: str, location: Location) -> Finding:
        return self.finding(
            f"{where}留有模板填写提示“{prompt}”",
            location=location,
            claimed=prompt,
            expected="删除填写提示",
            tolerance="括号内为字数限制或填写要求",
        )
