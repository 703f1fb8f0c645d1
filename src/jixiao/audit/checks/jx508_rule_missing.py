"""JX508: an item of a scoring table without a scoring rule."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    evaluations,
    form_location,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import ScoredEvaluation


class RuleMissing(Check):
    """评分表中有指标没有评分标准（或只有模板说明文字）。

    反例：“职责履行”下 6 个指标的评分标准栏只写了“……细化成相应的个性化指标”。
    正例：每个指标写明可复核的评分标准（如“完成得满分，每少一项扣 1 分”）。
    同一张表中其他指标有评分标准时才报告（说明表中有这一栏）。
    """

    code = "JX508"
    title = "缺少评分标准"
    family = "completeness"
    severity = Severity.WARNING
    rests_on = frozenset({"column:rule"})
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            if not isinstance(form, ScoredEvaluation):
                continue
            missing = [i for i in form.indicators if not (i.rule or "").strip()]
            if not missing or len(missing) == len(form.indicators):
                continue
            groups: dict[str, list[str]] = {}
            for item in missing:
                key = "/".join(p for p in (item.level1, item.level2) if p)
                groups.setdefault(key, []).append(item.name)
            where = "；".join(f"{k}（{len(v)} 项：{'、'.join(v[:4])}）" for k, v in groups.items())
            yield self.finding(
                f"{len(missing)} 个指标没有评分标准：{where}",
                location=form_location(index, form, "indicators"),
                claimed=len(missing),
                expected=0,
            )
