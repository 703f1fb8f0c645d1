"""JX707: a score stated in the report text differs from the scoring table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import ZERO, evaluations, members, plain, squeeze, weight_sum
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.audit.prose_components import SUMMARY
from jixiao.audit.prose_location import document_passages, passage_location
from jixiao.model.evaluation import EvaluationBase, IndicatorGroup

_CODE = re.compile(r"^[A-Z][0-9]*")


class NarrativeScoreMismatch(Check):
    """报告正文所述某类指标的分值或得分，与评分表中该分组的分值、得分合计不符。

    反例：正文“部门决策总评价分35分，评价得分31分”，评分表 A 部门决策各项得分合计 32 分。
    正例：正文与评分表一致（总分值 35 分，得分 32 分）。
    按分组名称（去掉 A1、B2 等编号）对应；同名分组标注了不同分值的不比较。
    """

    code = "JX707"
    title = "正文所述得分与评分表不符"
    family = "prose"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        groups: dict[str, list[tuple[EvaluationBase, IndicatorGroup]]] = {}
        for _, form in evaluations(context):
            for group in form.groups:
                name = _CODE.sub("", squeeze(group.name))
                groups.setdefault(name, []).append((form, group))
        reported: set[tuple[str, str, str]] = set()
        for passage in document_passages(context):
            for match in SUMMARY.finditer(passage.text):
                label = match.group("label")
                found = groups.get(label, [])
                if len({g.weight for _, g in found}) != 1:
                    continue
                form, group = found[0]
                items = members(form, group)
                weight = group.weight or weight_sum(items)
                scores = [i.claimed_score for i in items if i.claimed_score is not None]
                score = sum(scores, ZERO) if scores else None
                location = passage_location(context.document, passage, match.start(), match.end())
                for what, stated, table in (
                    ("总分值", Decimal(match.group("weight")), weight),
                    ("得分", Decimal(match.group("score")), score),
                ):
                    key = (label, what, match.group(0))
                    if table is None or stated == table or key in reported:
                        continue
                    reported.add(key)
                    yield self.finding(
                        f"正文称“{label}”{what} {plain(stated)} 分，评分表“{squeeze(group.name)}”"
                        f"为 {plain(table)} 分",
                        location=location,
                        claimed=stated,
                        expected=table,
                    )
