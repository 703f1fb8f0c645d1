"""JX701: the same count stated with two different values in one document."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.audit.prose import Passage, conflicting_counts
from jixiao.audit.prose_location import document_passages, passage_location


def _groups(items: list[Passage]) -> list[list[Passage]]:
    """Each paragraph alone, and all text fields of one form together."""
    groups: list[list[Passage]] = []
    by_form: dict[int, list[Passage]] = {}
    for passage in items:
        if passage.form is None:
            groups.append([passage])
        elif passage.field != "goal_expected":  # a goal may differ from what was done
            by_form.setdefault(passage.form, []).append(passage)
    return groups + list(by_form.values())


class CountStatedTwice(Check):
    """同一事项在同一段落（或同一张表的说明文字）里给出了两个不同的数字。

    反例：同一段先写“从县外调入事业单位人员32人”，后面又写“从县外调入事业单位人员23人”；
    实际完成情况写“组织了65名选手”，偏差原因写“组织了68名选手”。
    正例：同一事项只有一个数字，前后一致。
    按“数字前的说明文字”或“数字后的名词”识别同一事项。
    """

    code = "JX701"
    title = "同一数字前后表述不一致"
    family = "prose"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        items = document_passages(context)
        for first, where, second, here in conflicting_counts(_groups(items)):
            where_first = "同段前文" if where is here else "前文"
            yield self.finding(
                f"“{first.label or first.text}”{where_first}写 {first.text}，此处写 {second.text}"
                f"（“{here.text[max(0, second.start - 12) : second.end + 6]}”）",
                location=passage_location(context.document, here, second.start, second.end),
                claimed=second.text,
                expected=first.text,
            )
