"""JX105: a negative score."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    ZERO,
    evaluations,
    form_location,
    indicator_location,
    plain,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.evaluation import SelfEvaluationBase


class NegativeScore(Check):
    """得分为负数。

    反例：“资金使用合规性”每出现一例问题扣 1 分，出现 4 例，分值 3 分，得分填 -1。
    正例：扣分“扣完为止”，最低 0 分。
    修正：扣分类规则的得分以 0 为下限。
    """

    code = "JX105"
    title = "得分为负数"
    family = "structure"
    severity = Severity.ERROR
    rests_on = frozenset({"column:claimed_score"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            for number, item in enumerate(form.indicators):
                if item.claimed_score is not None and item.claimed_score < ZERO:
                    yield self.finding(
                        f"得分 {plain(item.claimed_score)} 为负数，扣分应以 0 分为限",
                        location=indicator_location(index, form, number, "claimed_score"),
                        claimed=item.claimed_score,
                        expected=ZERO,
                    )
            fields = ["claimed_total"]
            if isinstance(form, SelfEvaluationBase):
                fields.append("claimed_execution_score")
            for field in fields:
                value = getattr(form, field)
                if value is not None and value < ZERO:
                    yield self.finding(
                        f"{'总分' if field == 'claimed_total' else '执行率得分'} {plain(value)} "
                        "为负数",
                        location=form_location(index, form, field),
                        claimed=value,
                        expected=ZERO,
                    )
