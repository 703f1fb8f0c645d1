"""JX304: over-achievement penalised in some forms of a document but not in others."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import form_location, form_result, plain, self_evaluations
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import round_half_up
from jixiao.rules.measure import Direction, compare

ONE = Decimal(1)


class InconsistentOverAchievement(Check):
    """同一文件中，有的表按“完成比例”对超额完成扣分，另一张表的超额完成却得满分。

    反例：项目自评表中 13.41万人次/13万人次 按偏离度得 9.68 分（满分 10），单位整体自评表中
    同一指标 13.41万人次/13万人次 却得满分 15 分。
    正例：同一单位、同一年度的各表对超额完成采用同一口径。
    报告同一口径下各项应得分，供审核人判断（不改变按各表自身规则计算的结果）。
    """

    code = "JX304"
    title = "超额完成的计分口径前后不一"
    family = "rule_conformance"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        penalised = False
        for index, _ in self_evaluations(context):
            result = form_result(context, index)
            if result and any(
                i.computed_score is not None and i.weight and i.computed_completion
                and i.computed_completion > 100 and i.computed_score < i.weight
                for i in result.indicators
            ):
                penalised = True
        if not penalised:
            return
        for index, form in self_evaluations(context):
            if any(i.rule for i in form.indicators):
                continue  # a form that states its own rule follows it
            lines = []
            for item in form.indicators:
                comparison = compare(item.target_quantity, item.actual_quantity)
                if (
                    comparison is None or comparison.direction is not Direction.POSITIVE
                    or comparison.ratio is None or comparison.ratio <= ONE
                    or item.weight is None or item.claimed_score != item.weight
                ):
                    continue
                would = round_half_up(item.weight * max(Decimal(0), 2 * ONE - comparison.ratio))
                lines.append(f"{item.name} {plain(item.claimed_score)}→{would}")
            if lines:
                yield self.finding(
                    "本文件其他表对超额完成按偏离度扣分，本表超额完成的指标却得满分；按同一口径"
                    "应为：" + "；".join(lines),
                    location=form_location(index, form, "indicators"),
                    claimed="超额完成得满分",
                    expected="；".join(lines),
                )
