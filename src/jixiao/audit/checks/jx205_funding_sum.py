"""JX205: the funding sources do not add up to the total funding line."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import (
    form_location,
    plain,
    self_evaluations,
    squeeze,
    sum_tolerance_text,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumVerdict, judge_sum

COLUMNS = {
    "initial_budget": "年初预算数",
    "adjusted_budget": "全年预算数",
    "executed": "全年执行数",
}


class FundingSourcesNotSum(Check):
    """资金来源各行之和与“年度资金总额（合计）”不符。

    反例：合计全年预算数 240 万元，其中当年财政拨款 200 万元、其他资金 0 万元。
    正例：合计 = 当年财政拨款 + 上年结转资金 + 其他资金（各栏分别相加）。
    差额不超过各分项四舍五入的尾差时以“提示”报告。
    """

    code = "JX205"
    title = "资金来源之和与合计不符"
    family = "arithmetic"
    severity = Severity.ERROR
    rests_on = frozenset[str]()

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            total = next((line for line in form.funding if line.is_total), None)
            parts = [line for line in form.funding if not line.is_total]
            if total is None or not parts:
                continue
            for field, label in COLUMNS.items():
                stated: Decimal | None = getattr(total, field)
                values = [v for line in parts if (v := getattr(line, field)) is not None]
                if stated is None or not values:
                    continue
                judged = judge_sum(stated, values)
                if judged.verdict is SumVerdict.EXACT:
                    continue
                got, within = judged.computed, judged.verdict is SumVerdict.ROUNDING
                names = "、".join(squeeze(line.source) for line in parts)
                location = form_location(index, form, f"funding.{field}")
                location.source = total.sources.get(field)
                yield self.finding(
                    f"{label}：{names} 合计 {plain(got)}，“{squeeze(total.source)}”行却为 "
                    f"{plain(stated)}" + ("（在四舍五入尾差以内）" if within else ""),
                    location=location,
                    claimed=stated,
                    expected=got,
                    severity=Severity.INFO if within else Severity.ERROR,
                    tolerance=sum_tolerance_text(len(values) + 1, judged.tolerance),
                )
