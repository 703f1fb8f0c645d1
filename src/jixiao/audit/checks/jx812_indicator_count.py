"""JX812: a declaration with too few indicators in a required group, or too many."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import declarations
from jixiao.audit.common import form_location, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class IndicatorCount(Check):
    """申报的绩效指标缺少必设的一级指标，或某个二级指标下、全表的指标过多。

    财预〔2021〕101号要求绩效指标“突出重点、少而精”，产出与效益指标必须设置，满意度指标
    原则上应设置；一个二级指标下堆砌十几个三级指标，或全表几十个指标，既难以监控也难以自评。
    必设与建议的一级指标、每个二级指标和全表的上限由规则包的 ``declaration_limits`` 设定
    （全国通用包：必设产出、效益，建议满意度，每个二级指标至多 10 个，全表至多 30 个）。
    缺少建议设置的一级指标只作提示。
    反例：只设了 3 个产出指标，没有效益指标。
    正例：产出、效益、满意度指标齐全，共 8 个三级指标。
    """

    code = "JX812"
    title = "绩效指标过少或过多"
    family = "declaration"
    severity = Severity.WARNING
    rests_on = frozenset({"table"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        limits = context.pack.declaration_limits
        for index, form in declarations(context):
            rows = [row for row in form.indicator_rows if row.period == "annual"]
            if not rows or not all(squeeze(row.level1) for row in rows):
                continue  # a grid without levels cannot be counted by group
            where = form_location(index, form, "indicator_rows")
            printed = [squeeze(row.level1) for row in rows]
            for group, severity in [*((g, Severity.WARNING) for g in limits.required_level1),
                                    *((g, Severity.INFO) for g in limits.recommended_level1)]:
                if not any(group in level1 for level1 in printed):
                    yield self.finding(f"年度绩效指标中没有{group}指标", location=where,
                                       expected=f"设置{group}指标", severity=severity)
            per_group = Counter(squeeze(row.level2) for row in rows if squeeze(row.level2))
            for name, count in per_group.items():
                if limits.max_per_level2 is not None and count > limits.max_per_level2:
                    yield self.finding(
                        f"二级指标“{name}”下有 {count} 个三级指标", location=where,
                        claimed=count, expected=f"不超过 {limits.max_per_level2} 个",
                    )  # fmt: skip
            if limits.max_total is not None and len(rows) > limits.max_total:
                yield self.finding(f"年度绩效指标共 {len(rows)} 个", location=where,
                                   claimed=len(rows), expected=f"不超过 {limits.max_total} 个")
