"""JX212: a question's option letters skip or repeat (A, C, D)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import (
    TEXT,
    form_location,
    questionnaires,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

_LETTER = re.compile(r"^\s*([A-Za-z])\s*[.．、:：)]")


class SurveyOptionLetters(Check):
    """问卷选项编号不连续或重复（如 A、C、D）。

    反例：第 10 题选项为“A.非常满意 / C.基本满意 / D.不满意”。
    正例：选项依次为 A、B、C。
    编号跳号常是选项漏印的信号，请核对原问卷。
    """

    code = "JX212"
    title = "问卷选项编号不连续"
    family = "arithmetic"
    severity = Severity.INFO
    rests_on = frozenset[str]()
    tolerance = TEXT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, survey in questionnaires(context):
            for number, question in enumerate(survey.questions):
                letters = [
                    found.group(1).upper()
                    for option in question.options
                    if (found := _LETTER.match(option.label))
                ]
                if len(letters) != len(question.options) or not letters:
                    continue
                expected = [chr(ord("A") + n) for n in range(len(letters))]
                if letters == expected:
                    continue
                yield self.finding(
                    f"第{question.number}题选项编号为 {'、'.join(letters)}",
                    location=form_location(index, survey, f"questions.{number}"),
                    claimed="、".join(letters),
                    expected="、".join(expected),
                )
