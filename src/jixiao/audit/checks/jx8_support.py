"""Helpers of the budget-cycle checks (JX8xx): the declaration and monitoring forms, their
locations, and progress against the elapsed share of the year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from jixiao.audit.common import plain, said, sum_tolerance_text
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.decimals import SumVerdict, judge_sum, round_half_up, share_interval
from jixiao.model.declaration import DeclarationBase, DeclaredIndicator
from jixiao.model.monitoring import MonitoredIndicator, PerformanceMonitoring

RED = Decimal(60)  # progress below 60% of the elapsed share of the year
GREEN = Decimal(80)  # from 80% on, on schedule
HUNDRED = Decimal(100)
Band = Literal["red", "yellow", "green"]
BAND_ZH = {"red": "红灯", "yellow": "黄灯", "green": "绿灯"}


def monitorings(context: AuditContext) -> Iterator[tuple[int, PerformanceMonitoring]]:
    for index, form in enumerate(context.document.forms):
        if isinstance(form, PerformanceMonitoring):
            yield index, form


def declarations(context: AuditContext) -> Iterator[tuple[int, DeclarationBase]]:
    for index, form in enumerate(context.document.forms):
        if isinstance(form, DeclarationBase):
            yield index, form


def row_location(index: int, form: PerformanceMonitoring | DeclarationBase, number: int,
                 field: str | None = None) -> Location:
    row: MonitoredIndicator | DeclaredIndicator = form.indicator_rows[number]
    return Location(
        form=index, form_name=form.name, indicator=number,
        indicator_name="／".join(p for p in (row.level2, row.name) if p) or row.name,
        field=f"indicator_rows.{number}.{field}" if field else None,
        source=row.sources.get(field or "name") or row.sources.get("name"),
    )  # fmt: skip


def sum_findings(check: Check, parts_named: str, printed: Decimal, parts: list[Decimal],
                 printed_named: str, location: Location) -> Iterator[Finding]:
    """The finding on a printed total that is not the sum of its printed parts: information
    when the gap is within the parts' rounding, an error beyond it; none when it adds up."""
    judged = judge_sum(printed, parts)
    if judged.verdict is SumVerdict.EXACT:
        return
    within = judged.verdict is SumVerdict.ROUNDING
    yield check.finding(
        f"{parts_named}合计 {plain(judged.computed)}，{printed_named}却为 {plain(printed)}"
        + ("（在四舍五入尾差以内）" if within else ""),
        location=location, claimed=printed, expected=judged.computed,
        severity=Severity.INFO if within else Severity.ERROR,
        tolerance=sum_tolerance_text(len(parts) + 1, judged.tolerance),
    )  # fmt: skip


def band(ratio: Decimal) -> Band:
    return "red" if ratio < RED else "yellow" if ratio < GREEN else "green"


def elapsed(month: int) -> Decimal:
    """The elapsed share of the year after ``month`` months, in percent."""
    return Decimal(month) * HUNDRED / 12


def schedule(done: Decimal, planned: Decimal, month: int
             ) -> tuple[Decimal, Band, bool] | None:
    """Progress ``done / planned`` against the elapsed share of the year (both in percent):
    the ratio, its band, and whether the band holds over the rounding of the figures."""
    share = share_interval(done, planned)
    if share is None or planned <= 0:
        return None
    ratio = share.scale(HUNDRED / elapsed(month))
    middle = done * HUNDRED / planned * HUNDRED / elapsed(month)
    return middle, band(middle), band(ratio.low) == band(ratio.high)


def percent(value: Decimal) -> str:
    return f"{plain(round_half_up(value, 1))}%"


__all__ = ["BAND_ZH", "band", "declarations", "elapsed", "monitorings",
           "percent", "row_location", "said", "schedule", "sum_findings"]  # fmt: skip
