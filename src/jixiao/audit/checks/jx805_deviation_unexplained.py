"""JX805: a deviation, or a likelihood other than 确定能, without its cause and measure."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx8_support import monitorings, row_location, said
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.model.monitoring import MonitoredIndicator
from jixiao.model.quantity import Comparator, QuantityKind, parse_quantity


def _short(row: MonitoredIndicator) -> bool:
    """The full-year forecast falls short of a numeric target (same unit)."""
    target, forecast = row.target_quantity, row.forecast and row.forecast.strip()
    if not forecast or target.kind is not QuantityKind.NUMBER or target.value is None:
        return False
    expected = parse_quantity(forecast)
    if expected.kind is not QuantityKind.NUMBER or expected.unit != target.unit:
        return False
    if expected.value is None:
        return False
    if target.comparator in (Comparator.LE, Comparator.LT):
        return expected.value > target.value
    return expected.value < target.value


class DeviationUnexplained(Check):
    """预计完不成（完成可能性为“有可能/完全不可能”，或全年预计值低于指标值），却没有写明
    偏差原因和纠偏（整改）措施。

    监控表的用途就是及早发现偏差并纠偏：偏差原因分析（经费/制度/人员/硬件条件保障/其他）
    或原因说明，与整改措施，两者都要有。
    反例：完成目标可能性“有可能”，偏差原因各栏与整改措施均空白。
    正例：同一行勾选“经费保障”，原因说明写明资金下达晚，整改措施写明加快拨付。
    """

    code = "JX805"
    title = "偏差未说明原因或措施"
    family = "monitoring"
    severity = Severity.ERROR
    rests_on = frozenset({"column:likelihood", "column:measures", "column:reason"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in monitorings(context):
            form_cause, form_measure = said(form.reason), said(form.measures)
            for number, row in enumerate(form.indicator_rows):
                doubtful = row.likelihood is not None and row.likelihood != "确定能"
                if not doubtful and not _short(row):
                    continue
                cause = form_cause or said(row.reason) or any(said(v) for v in row.causes.values())
                measure = form_measure or said(row.measures)
                missing = [name for name, ok in (("偏差原因", cause), ("整改措施", measure))
                           if not ok]  # fmt: skip
                if not missing:
                    continue
                why = (f"完成目标可能性为“{row.likelihood}”" if doubtful
                       else f"全年预计“{row.forecast}”未达指标值“{row.target}”")  # fmt: skip
                yield self.finding(
                    f"{why}，未填写{'和'.join(missing)}",
                    location=row_location(index, form, number, "likelihood"),
                    claimed="（空白）",
                    expected="、".join(missing),
                )
