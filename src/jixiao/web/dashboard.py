"""Figures across units for the dashboard, the API and the bureau-wide summary.

Everything is aggregated in the database from the denormalised columns, so the dashboard
costs a handful of queries whatever the number of evaluations. Results are cached per scope
for a minute and dropped at once when any evaluation changes (:func:`data_changed`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Avg, Case, Count, IntegerField, Min, Q, QuerySet, Sum, When

from jixiao.web.models import Evaluation, FindingRecord, Status

SCORE_BINS: list[tuple[str, Decimal | None, Decimal | None]] = [
    ("<60", None, Decimal(60)),
    ("60-70", Decimal(60), Decimal(70)),
    ("70-80", Decimal(70), Decimal(80)),
    ("80-90", Decimal(80), Decimal(90)),
    ("≥90", Decimal(90), None),
]
EXECUTION_BINS: list[tuple[str, Decimal | None, Decimal | None]] = [
    ("<60%", None, Decimal(60)),
    ("60-80%", Decimal(60), Decimal(80)),
    ("80-90%", Decimal(80), Decimal(90)),
    ("90-95%", Decimal(90), Decimal(95)),
    ("95-100%", Decimal(95), Decimal(100)),
    ("100%", Decimal(100), None),
]
TOP_CODES = 20
CACHE_SECONDS = 60
VERSION_KEY = "jixiao:data-version"


@dataclass
class Overview:
    count: int
    average: Decimal | None
    errors: int
    statuses: list[tuple[str, int]]
    score_bins: list[tuple[str, int]]
    execution_bins: list[tuple[str, int]]
    grades: list[tuple[str, int]]
    codes: list[dict[str, Any]]
    units: list[dict[str, Any]]

    @property
    def full_mark_units(self) -> list[dict[str, Any]]:
        return [unit for unit in self.units if unit["count"] and unit["full"] == unit["count"]]


def _bins(
    column: str, bins: list[tuple[str, Decimal | None, Decimal | None]], prefix: str
) -> dict[str, Count]:
    aggregates = {}
    for n, (_, low, high) in enumerate(bins):
        condition = Q(**{f"{column}__isnull": False})
        if low is not None:
            condition &= Q(**{f"{column}__gte": low})
        if high is not None:
            condition &= Q(**{f"{column}__lt": high})
        aggregates[f"{prefix}{n}"] = Count("id", filter=condition)
    return aggregates


def _money(value: object) -> Decimal | None:
    """Two places, whatever the database returned (SQLite gives floats for averages)."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def overview(queryset: QuerySet[Evaluation]) -> Overview:
    totals = queryset.aggregate(
        count=Count("id"),
        average=Avg("computed_total"),
        errors=Sum("error_count"),
        **_bins("computed_total", SCORE_BINS, "s"),
        **_bins("execution_rate", EXECUTION_BINS, "x"),
    )
    statuses = dict(queryset.values_list("status").annotate(n=Count("id")).order_by())
    grades = queryset.exclude(grade="").values_list("grade").annotate(n=Count("id")).order_by("-n")
    codes = (
        FindingRecord.objects.filter(evaluation__in=queryset.values("id"))
        .values("code", "title")
        .annotate(n=Count("id"), evaluations=Count("evaluation", distinct=True))
        .order_by("-n", "code")[:TOP_CODES]
    )
    units = (
        queryset.values("unit_id", "unit__name", "unit__parent__name")
        .annotate(
            count=Count("id"),
            average=Avg("computed_total"),
            lowest=Min("computed_total"),
            errors=Sum("error_count"),
            approved=Count("id", filter=Q(status=Status.APPROVED)),
            full=Sum(
                Case(When(all_full_marks=True, then=1), default=0, output_field=IntegerField())
            ),
        )
        .order_by("unit__path")
    )
    average = totals["average"]
    rows = [
        row | {"average": _money(row["average"]), "lowest": _money(row["lowest"])} for row in units
    ]
    return Overview(
        count=totals["count"],
        average=_money(average),
        errors=totals["errors"] or 0,
        statuses=[(label, statuses.get(value, 0)) for value, label in Status.choices],
        score_bins=[(label, totals[f"s{n}"]) for n, (label, _, _) in enumerate(SCORE_BINS)],
        execution_bins=[(label, totals[f"x{n}"]) for n, (label, _, _) in enumerate(EXECUTION_BINS)],
        grades=[(grade, n) for grade, n in grades],
        codes=list(codes),
        units=rows,
    )


def data_changed() -> None:
    """Forget every cached overview (called whenever an evaluation is written)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def cached_overview(queryset: QuerySet[Evaluation]) -> Overview:
    """:func:`overview`, cached per scope (the query itself is the key) and data version."""
    version = cache.get_or_set(VERSION_KEY, 0, None)
    scope = hashlib.sha256(str(queryset.values("id").query).encode()).hexdigest()
    key = f"jixiao:overview:{version}:{scope}"
    found: Overview | None = cache.get(key)
    if found is None:
        found = overview(queryset)
        cache.set(key, found, CACHE_SECONDS)
    return found
