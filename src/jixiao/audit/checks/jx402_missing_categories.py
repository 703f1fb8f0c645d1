"""JX402: a self-evaluation without output, benefit or satisfaction indicators."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.common import form_location, self_evaluations, squeeze
from jixiao.audit.framework import AuditContext, Check, Finding, Severity

CATEGORIES = {"产出": "产出指标", "效益": "效益指标", "满意": "满意度指标"}


class MissingIndicatorCategory(Check):
    """自评表缺少产出、效益或满意度指标。

    反例：项目自评表只有产出指标和成本指标，没有效益指标和服务对象满意度指标。
    正例：产出（数量/质量/时效/成本）、效益、服务对象满意度三类指标齐全。
    部门整体自评表采用“履职效能/管理效率”等其他框架时不检查（只要表中出现过产出或效益类，
    就按三类要求检查）。表中没有一级、二级指标名称时（只列三级指标），无从判断类别，不检查。
    """

    code = "JX402"
    title = "缺少产出、效益或满意度指标"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in self_evaluations(context):
            labels = " ".join(
                squeeze(i.level1) + " " + squeeze(i.level2) for i in form.indicators
            )
            if not form.indicators or not labels.strip():
                continue  # no level names printed (or read): the categories are unknown
            if form.type == "department_self_evaluation" and not any(
                word in labels for word in ("产出", "效益")
            ):
                continue
            missing = [title for word, title in CATEGORIES.items() if word not in labels]
            if missing:
                yield self.finding(
                    f"表中没有{'、'.join(missing)}",
                    location=form_location(index, form, "indicators"),
                    claimed="、".join(missing),
                    expected="产出、效益、满意度指标齐全",
                )
