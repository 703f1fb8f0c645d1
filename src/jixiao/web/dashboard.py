"""Figures across units for the dashboard, the API and the bureau-wide summary.

They are read from the per-unit aggregates of :mod:`jixiao.web.stats` (one row per unit and
year, kept current by every write), never by scanning evaluations, and never cached in a
process. Averages and distributions count submitted and approved forms within full marks
only; every unit in scope is listed, also those that submitted nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from jixiao.web.models import Status, Unit, UnitStats
from jixiao.web.stats import EXECUTION_BINS, SCORE_BINS

TOP_CODES = 20
CENT = Decimal("0.01")


@dataclass
class Overview:
    count: int
    scored: int
    average: Decimal | None
    errors: int
    out_of_range: int
    statuses: list[tuple[str, int]]
    score_bins: list[tuple[str, int]]
    execution_bins: list[tuple[str, int]]
    grades: list[tuple[str, int]]
    codes: list[dict[str, Any]]
    units: list[dict[str, Any]]

    @property
    def full_mark_units(self) -> list[dict[str, Any]]:
        return [u for u in self.units if u["counted"] and u["full"] == u["counted"]]


def _average(total: Decimal, n: int) -> Decimal | None:
    return (total / n).quantize(CENT) if n else None


# The columns read per stats row: plain tuples, since building model instances for every
# unit and year (thousands per request) cost more than the sums themselves.
COLUMNS = (
    "unit_id",
    "statuses",
    "scored",
    "score_sum",
    "errors",
    "full_marks",
    "lowest",
    "out_of_range",
    "score_bins",
    "execution_bins",
    "grades",
    "codes",
)


def _unit_row(unit: Mapping[str, Any], rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    statuses: Counter[str] = Counter()
    scored, total, errors, full = 0, Decimal(0), 0, 0
    lows = []
    for _, row_statuses, row_scored, row_sum, row_errors, row_full, lowest, *_rest in rows:
        statuses.update(row_statuses)
        scored += row_scored
        total += row_sum
        errors += row_errors
        full += row_full
        if lowest is not None:
            lows.append(lowest)
    counted = statuses[Status.SUBMITTED] + statuses[Status.APPROVED]
    return {
        "unit_id": unit["id"],
        "unit__name": unit["name"],
        "unit__parent__name": unit["parent__name"] or "",
        "count": sum(statuses.values()),
        "counted": counted,
        "submitted": counted,
        "drafts": statuses[Status.DRAFT] + statuses[Status.RETURNED],
        "approved": statuses[Status.APPROVED],
        "average": _average(total, scored),
        "lowest": min(lows) if lows else None,
        "errors": errors,
        "full": full,
    }


def overview(units: QuerySet[Unit], year: int | None = None) -> Overview:
    """The figures of the given units (a scope), for one year or all years."""
    stats = UnitStats.objects.filter(unit__in=units.values("id"))
    if year is not None:
        stats = stats.filter(year=year)
    by_unit: dict[int, list[tuple[Any, ...]]] = {}
    statuses: Counter[str] = Counter()
    score_bins: Counter[str] = Counter()
    execution_bins: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    codes: dict[str, list[Any]] = {}
    scored, total, errors, out_of_range = 0, Decimal(0), 0, 0
    for row in stats.values_list(*COLUMNS):
        by_unit.setdefault(row[0], []).append(row)
        (
            _,
            row_statuses,
            row_scored,
            row_sum,
            row_errors,
            _,
            _,
            row_out,
            row_score_bins,
            row_execution_bins,
            row_grades,
            row_codes,
        ) = row
        statuses.update(row_statuses)
        score_bins.update(row_score_bins)
        execution_bins.update(row_execution_bins)
        grades.update(row_grades)
        scored += row_scored
        total += row_sum
        errors += row_errors
        out_of_range += row_out
        for code, (n, forms, title) in row_codes.items():
            entry = codes.setdefault(code, [0, 0, title])
            entry[0] += n
            entry[1] += forms
    listed = units.filter(is_active=True).values("id", "name", "parent__name", "kind", "path")
    rows = [
        _unit_row(unit, by_unit.get(unit["id"], []))
        for unit in listed.order_by("path")
        if unit["kind"] == Unit.Kind.UNIT or unit["id"] in by_unit
    ]
    top = sorted(codes.items(), key=lambda item: (-item[1][0], item[0]))[:TOP_CODES]
    return Overview(
        count=sum(statuses.values()),
        scored=scored,
        average=_average(total, scored),
        errors=errors,
        out_of_range=out_of_range,
        statuses=[(label, statuses.get(value, 0)) for value, label in Status.choices],
        score_bins=[(label, score_bins.get(label, 0)) for label, _, _ in SCORE_BINS],
        execution_bins=[(label, execution_bins.get(label, 0)) for label, _, _ in EXECUTION_BINS],
        grades=grades.most_common(),
        codes=[
            {"code": code, "title": title, "n": n, "evaluations": forms}
            for code, (n, forms, title) in top
        ],
        units=rows,
    )
