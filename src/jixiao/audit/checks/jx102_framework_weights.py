"""JX102: level-1 weights differ from the framework the rule pack prescribes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.common import (
    EXACT,
    evaluations,
    form_location,
    plain,
    squeeze,
    weight_sum,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class FrameworkWeightMismatch(Check):
    """一级指标分值合计与规则包规定的评价框架不符。

    反例：湖南项目自评表“产出指标”各项分值合计 66 分，而湖南规定 产出 50、效益 30、满意度 10。
    正例：产出指标合计 50 分、效益指标 30 分、满意度指标 10 分，另加执行率 10 分。
    规则包把框架标为硬性（strict）时报告为“错误”，否则为“警告”（全国“原则上”的权重）。
    表中完全没有某类一级指标时由 JX402 报告，此处不重复。
    """

    code = "JX102"
    title = "一级指标分值与评价框架不符"
    family = "structure"
    severity = Severity.WARNING
    rests_on = frozenset({"table", "rule", "column:weight"})
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        pack = context.pack
        for index, form in evaluations(context):
            framework = pack.frameworks.get(form.type)
            if framework is None or all(i.weight is None for i in form.indicators):
                continue
            severity = Severity.ERROR if framework.strict else Severity.WARNING
            kind = "硬性要求" if framework.strict else "原则上的要求"
            # A form has a handful of level-1 names over many rows: match each name once.
            level1 = {i.level1: squeeze(i.level1) for i in form.indicators}
            for pattern, required in framework.level1_weights.items():
                named = {raw for raw, name in level1.items() if re.search(pattern, name)}
                items = [i for i in form.indicators if i.level1 in named]
                if not items:
                    continue
                got = weight_sum(items)
                if got == required:
                    continue
                label = pattern.replace("|", "、")
                yield self.finding(
                    f"一级指标“{label}”类分值合计 {plain(got)} 分，规则包 {pack.name}"
                    f"（{pack.title}）的{kind}为 {plain(required)} 分",
                    location=form_location(index, form, "indicators"),
                    claimed=got,
                    expected=required,
                    severity=severity,
                )
