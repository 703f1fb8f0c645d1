"""Figures across units for the dashboard, the API and the bureau-wide summary.

They are read from the aggregates of :mod:`jixiao.web.stats`, never by scanning
evaluations, and never cached in a process: the totals of a scope from the subtree rows of
its roots (one row per year for a bureau), the per-unit table from the units' own rows,
summed, sorted and paged in the database. Averages and distributions count submitted and
approved forms within full marks only; every unit in scope is listed, also those that
submitted nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, NullIf

from jixiao.web.models import Status, Unit, UnitStats
from jixiao.web.stats import EXECUTION_BINS, SCORE_BINS, summed
from jixiao.web.tables import in_order

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


def _average(total: Decimal | None, n: int | None) -> Decimal | None:
    return (total / n).quantize(CENT, ROUND_HALF_UP) if n and total is not None else None


def scope_rows(
    units: QuerySet[Unit], roots: Sequence[int] | None, year: int | None = None
) -> QuerySet[UnitStats]:
    """The aggregate rows that make up a scope: the subtree rows of ``roots`` when the scope
    is made of whole subtrees, else the units' own rows; of one year, or all."""
    if roots is not None:
        stats = UnitStats.objects.filter(subtree=True, unit_id__in=roots)
    else:
        stats = UnitStats.objects.filter(subtree=False, unit__in=units.values("id"))
    return stats if year is None else stats.filter(year=year)


def overview(
    units: QuerySet[Unit], year: int | None = None, *, roots: Sequence[int] | None = None
) -> Overview:
    """The figures of a scope (:func:`scope_rows`) for one year or all years."""
    total = summed(scope_rows(units, roots, year))
    top = sorted(total.codes.items(), key=lambda item: (-item[1][0], item[0]))[:TOP_CODES]
    return Overview(
        count=total.total,
        scored=total.scored,
        average=_average(Decimal(total.score_sum), total.scored),
        errors=total.errors,
        out_of_range=total.out_of_range,
        statuses=[(label, total.statuses.get(value, 0)) for value, label in Status.choices],
        score_bins=[(label, total.score_bins.get(label, 0)) for label, _, _ in SCORE_BINS],
        execution_bins=[
            (label, total.execution_bins.get(label, 0)) for label, _, _ in EXECUTION_BINS
        ],
        grades=Counter(total.grades).most_common(),
        codes=[
            {"code": code, "title": title, "n": n, "evaluations": forms}
            for code, (n, forms, title) in top
        ],
    )


def form_count(
    units: QuerySet[Unit], roots: Sequence[int] | None, year: int | None, status: str | None
) -> int:
    """The active forms of a scope (of one year, in one status) from the aggregates, as
    :func:`overview` reads them: the evaluation list's count without counting 50,000 rows."""
    stats = scope_rows(units, roots, year)
    if status is None:
        return sum(stats.values_list("total", flat=True))
    return sum(counts.get(status, 0) for counts in stats.values_list("statuses", flat=True))


def _own_rows(year: int | None) -> QuerySet[UnitStats]:
    own = UnitStats.objects.filter(subtree=False)
    return own if year is None else own.filter(year=year)


def listed_units(units: QuerySet[Unit], year: int | None = None) -> QuerySet[Unit]:
    """The active units of the table: every 预算单位, and any other unit with forms of its own."""
    own = _own_rows(year)
    # an IN list (read once, hashed) rather than a test per unit
    return units.filter(is_active=True).filter(
        Q(kind=Unit.Kind.UNIT) | Q(pk__in=own.values("unit_id"))
    )


def with_figures(units: QuerySet[Unit], year: int | None = None) -> QuerySet[Unit]:
    """The units annotated with the sums of their own rows (one year or all)."""
    condition = Q(stats__subtree=False)
    if year is not None:
        condition &= Q(stats__year=year)
    zero = Value(0)
    return units.annotate(own=FilteredRelation("stats", condition=condition)).annotate(
        count=Coalesce(Sum("own__total"), zero),
        counted=Coalesce(Sum("own__counted"), zero),
        approved=Coalesce(Sum("own__approved"), zero),
        errors=Coalesce(Sum("own__errors"), zero),
        full=Coalesce(Sum("own__full_marks"), zero),
        scored=Sum("own__scored"),
        score_sum=Sum("own__score_sum"),
        lowest=Min("own__lowest"),
        average=ExpressionWrapper(
            F("score_sum") / NullIf(F("scored"), 0),
            output_field=DecimalField(max_digits=20, decimal_places=6),
        ),
    )


FIGURE_COLUMNS = ("id", "name", "parent__name", "count", "counted", "approved", "errors",
                  "full", "scored", "score_sum", "lowest")


def figure_rows(units: QuerySet[Unit], year: int | None = None) -> list[dict[str, Any]]:
    """One row per unit (in the queryset's order) with its figures, as the table shows them."""
    rows: list[dict[str, Any]] = []
    for row in with_figures(units, year).values_list(*FIGURE_COLUMNS):
        unit_id, name, parent, count, counted, approved, errors, full, scored, score_sum, low = row
        rows.append({
            "unit_id": unit_id,
            "unit__name": name,
            "unit__parent__name": parent or "",
            "count": count,
            "counted": counted,
            "submitted": counted,
            "drafts": count - counted,
            "approved": approved,
            "average": _average(score_sum, scored),
            "lowest": low,
            "errors": errors,
            "full": full,
        })
    return rows


def full_mark_units(units: QuerySet[Unit], year: int | None = None) -> QuerySet[Unit]:
    """Units with submitted or approved forms whose every one has all indicators at full
    marks (抽查): read from the units' own rows, the few all-full ones first."""
    own = _own_rows(year)
    full = own.filter(counted__gt=0, full_marks=F("counted")).values("unit_id")
    short = own.filter(full_marks__lt=F("counted")).values("unit_id")
    return listed_units(units, year).filter(pk__in=full).exclude(pk__in=short)


def page_rows(ids: Sequence[int], year: int | None = None) -> list[dict[str, Any]]:
    """The rows of the units ``ids`` (a table page), in that order."""
    found = {row["unit_id"]: row for row in figure_rows(Unit.objects.filter(pk__in=ids), year)}
    return in_order(ids, found)
