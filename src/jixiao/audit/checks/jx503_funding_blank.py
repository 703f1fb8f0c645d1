"""JX503: the funding amounts of a self-evaluation are blank."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import (
    PRESENCE,
    ZERO,
    form_location,
    plain,
    self_evaluations,
    squeeze,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class FundingBlank(Check):
    """自评表的资金情况（年初预算数、全年预算数、全年执行数）未填写。

    反例：“年度资金总额”一行只有分值 10，预算数、执行数、执行率和得分全部空白；
    或全年预算数 45 万元、分项“县市区财政”执行 45 万元，合计行的全年执行数却空白。
    正例：合计行填写年初预算数、全年预算数、全年执行数，执行率和得分据此计算。
    """

    code = "JX503"
    title = "预算资金数据未填写"
    family = "completeness"
    severity = Severity.ERROR
    rests_on = frozenset[str]()
    tolerance = PRESENCE

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            line = form.total_funding
            if line is None:
                if not form.funding and form.execution_weight is not None:
                    yield self.finding(
                        "表中没有资金情况（年度资金总额）",
                        location=form_location(index, form, "funding"),
                        expected="年初预算数、全年预算数、全年执行数",
                    )
                continue
            location = form_location(index, form, "funding.executed")
            location.source = line.sources.get("executed")
            name = squeeze(line.source)
            budgets = (line.initial_budget, line.adjusted_budget)
            if all(v is None for v in (*budgets, line.executed)):
                blank = "年初预算数、全年预算数、全年执行数"
                if form.claimed_execution_rate is None and form.claimed_execution_score is None:
                    blank += "、执行率和得分"
                yield self.finding(
                    f"“{name}”行的{blank}全部空白",
                    location=location,
                    expected="资金数额",
                )
            elif line.executed is None:
                parts = [
                    other.executed
                    for other in form.funding
                    if other is not line and other.executed is not None
                ]
                hint = f"（分项执行数合计 {plain(sum(parts, ZERO))}）" if parts else ""
                yield self.finding(
                    f"“{name}”行的全年执行数空白{hint}，执行率无法计算",
                    location=location,
                    expected=sum(parts, ZERO) if parts else "全年执行数",
                )
