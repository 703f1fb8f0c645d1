"""Dashboard figures kept as aggregates, in :class:`~jixiao.web.models.UnitStats` rows.

Two kinds of row per unit and year: the unit's own forms (``subtree=False``), rewritten from
its evaluations in the transaction of every save or transition of one of them, and the sum
over the unit's whole subtree (``subtree=True``), to which the change of the unit's own row
is added for the unit and each of its ancestors. A bureau's dashboard therefore reads one
row, whatever the number of forms below it. Rows are locked in one global order (own rows,
then subtree rows, each by unit and year), so concurrent writers queue instead of
deadlocking.

Only submitted and approved forms whose totals lie within full marks enter averages and
distributions; drafts and returned forms are counted by status only. Every process reads
the same rows, so nothing goes stale between processes or machines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.apps.registry import Apps
from django.db import transaction
from django.db.models import Count
from django.dispatch import receiver

from jixiao.web.models import Evaluation, FindingRecord, Status, Unit, UnitStats
from jixiao.web.models.org import unit_moved

FULL_MARKS = Decimal(100)
COUNTED = (Status.SUBMITTED, Status.APPROVED)
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
# the figures that add up from a unit's own row to its subtree rows
SUMS = ("total", "counted", "approved", "scored", "score_sum", "out_of_range", "errors",
        "full_marks")
TALLIES = ("statuses", "score_bins", "execution_bins", "grades")  # key → count
Key = tuple[int, int | None]


def bin_of(value: Decimal, bins: list[tuple[str, Decimal | None, Decimal | None]]) -> str:
    for label, low, high in bins:
        if (low is None or value >= low) and (high is None or value < high):
            return label
    return bins[-1][0]


def _models(apps: Apps | None) -> tuple[Any, Any, Any, Any]:
    if apps is None:
        return Evaluation, FindingRecord, UnitStats, Unit
    names = ("Evaluation", "FindingRecord", "UnitStats", "Unit")
    evaluations, findings, aggregates, units = (apps.get_model("jixiao", n) for n in names)
    return evaluations, findings, aggregates, units


def _own_figures(row: Any, forms: Any, findings: Any) -> None:
    """Fill ``row`` (a unit's own row) from its evaluations."""
    statuses: Counter[str] = Counter()
    scores: list[Decimal] = []
    score_bins: Counter[str] = Counter()
    execution_bins: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    row.errors = row.full_marks = row.out_of_range = 0
    counted_ids = []
    columns = ("id", "status", "computed_total", "execution_rate", "grade", "error_count",
               "all_full_marks")
    for pk, status, total, rate, grade, errors, full in forms.values_list(*columns):
        statuses[status] += 1
        if status not in COUNTED:
            continue
        counted_ids.append(pk)
        row.errors += errors
        row.full_marks += int(full)
        if total is not None and Decimal(0) <= total <= FULL_MARKS:
            scores.append(total)
            score_bins[bin_of(total, SCORE_BINS)] += 1
            if grade:
                grades[grade] += 1
        elif total is not None:
            row.out_of_range += 1
        if rate is not None:
            execution_bins[bin_of(rate, EXECUTION_BINS)] += 1
    codes = (
        findings.objects.filter(evaluation_id__in=counted_ids)
        .values_list("code", "title")
        .annotate(n=Count("id"), forms=Count("evaluation", distinct=True))
        .order_by()
    )
    row.total = sum(statuses.values())
    row.counted = len(counted_ids)
    row.approved = statuses[Status.APPROVED]
    row.statuses = dict(statuses)
    row.scored = len(scores)
    row.score_sum = sum(scores, Decimal(0))
    row.lowest = min(scores) if scores else None
    row.score_bins, row.execution_bins = dict(score_bins), dict(execution_bins)
    row.grades = dict(grades)
    row.codes = {code: [n, forms_n, title] for code, title, n, forms_n in codes}


def _figures(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in (*SUMS, *TALLIES, "codes")}


def _add(row: Any, figures: dict[str, Any], sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) ``figures`` to a subtree row; keys that reach
    zero are dropped so the tallies stay those of forms present."""
    for name in SUMS:
        setattr(row, name, getattr(row, name) + sign * figures[name])
    for name in TALLIES:
        tally = dict(getattr(row, name))
        for key, n in figures[name].items():
            tally[key] = tally.get(key, 0) + sign * n
            if not tally[key]:
                del tally[key]
        setattr(row, name, tally)
    codes = {code: list(entry) for code, entry in row.codes.items()}
    for code, (n, forms, title) in figures["codes"].items():
        entry = codes.setdefault(code, [0, 0, title])
        entry[0] += sign * n
        entry[1] += sign * forms
        if not entry[0]:
            del codes[code]
    row.codes = codes


def summed(rows: Iterable[Any]) -> UnitStats:
    """One unsaved row holding the sums of ``rows`` (the figures of a scope)."""
    total = UnitStats()
    for row in rows:
        _add(total, _figures(row), 1)
    return total


def _ancestors(path: str, unit_id: int) -> list[int]:
    """The unit and its ancestors from its path (``/1/5/23/``)."""
    return [int(part) for part in path.strip("/").split("/") if part] or [unit_id]


def _in_lock_order(keys: Iterable[Key]) -> list[Key]:
    return sorted(set(keys), key=lambda k: (k[0], k[1] or 0))


def _keep(row: Any) -> None:
    """Save a row, or delete it once no form is left in it (a rebuild would not make it,
    and the dashboard's list of years comes from the rows)."""
    if row.total:
        row.save()
    elif row.pk is not None:
        row.delete()


def refresh(*keys: Key, apps: Apps | None = None) -> None:
    """Rewrite the own rows of the given (unit, year) keys from their evaluations and carry
    each change up to the subtree rows of the unit and its ancestors (call inside the
    transaction that changed the evaluations). ``apps``: a migration's historical models."""
    evaluations, findings, aggregates, units = _models(apps)
    changes: dict[tuple[int, int], list[tuple[dict[str, Any], int]]] = {}
    for unit_id, year in _in_lock_order(keys):
        row, _ = aggregates.objects.select_for_update().get_or_create(
            unit_id=unit_id, year=year or 0, subtree=False
        )
        before = _figures(row)
        _own_figures(row, _forms_of(evaluations, unit_id, year), findings)
        _keep(row)
        path = units.objects.values_list("path", flat=True).get(pk=unit_id)
        for ancestor in _ancestors(path, unit_id):
            changes.setdefault((ancestor, year or 0), []).extend(
                [(before, -1), (_figures(row), 1)]
            )
    for (unit_id, year_key), steps in sorted(changes.items()):
        rolled, _ = aggregates.objects.select_for_update().get_or_create(
            unit_id=unit_id, year=year_key, subtree=True
        )
        for figures, sign in steps:
            _add(rolled, figures, sign)
        _keep(rolled)


def rebuild(apps: Apps | None = None) -> int:
    """Recompute every row (after an upgrade, a bulk load or a unit moved to another parent:
    ``manage.py rebuild_stats``, migration 0004); returns how many units and years."""
    evaluations, findings, aggregates, units = _models(apps)
    active = evaluations.objects.filter(is_active=True)
    keys = set(active.values_list("unit_id", "year").distinct().order_by())
    with transaction.atomic():
        aggregates.objects.all().delete()
        for unit_id, year in _in_lock_order(keys):
            own = aggregates(unit_id=unit_id, year=year or 0, subtree=False)
            _own_figures(own, _forms_of(evaluations, unit_id, year), findings)
            own.save()
        _roll_up(aggregates, units)
    return len(keys)


def _forms_of(evaluations: Any, unit_id: int, year: int | None) -> Any:
    forms = evaluations.objects.filter(unit_id=unit_id, is_active=True)
    return forms.filter(year=year) if year else forms.filter(year__isnull=True)


@receiver(unit_moved)
def _unit_moved(**_: Any) -> None:
    with transaction.atomic():
        _roll_up(UnitStats, Unit)


def _roll_up(aggregates: Any, units: Any) -> None:
    """Subtree rows anew, as the sums of the own rows below each unit."""
    aggregates.objects.filter(subtree=True).delete()
    paths = dict(units.objects.values_list("id", "path"))
    totals: dict[tuple[int, int], Any] = {}
    own_rows: Iterable[Any] = aggregates.objects.filter(subtree=False)
    for own in own_rows:
        for ancestor in _ancestors(paths.get(own.unit_id, ""), own.unit_id):
            key = (ancestor, own.year)
            if key not in totals:
                totals[key] = aggregates(unit_id=key[0], year=key[1], subtree=True)
            _add(totals[key], _figures(own), 1)
    aggregates.objects.bulk_create(totals.values(), batch_size=1000)
