"""Dashboard figures kept as aggregates: one :class:`~jixiao.web.models.UnitStats` row per unit
and year, rewritten in the transaction of every save or transition of one of its
evaluations (under a row lock, so concurrent writers in one unit queue up).

Only submitted and approved forms whose totals lie within full marks enter averages and
distributions; drafts and returned forms are counted by status only. Every process reads
the same rows, so nothing goes stale between processes or machines.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.apps.registry import Apps
from django.db import transaction
from django.db.models import Count

from jixiao.web.models import Evaluation, FindingRecord, Status, UnitStats

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


def bin_of(value: Decimal, bins: list[tuple[str, Decimal | None, Decimal | None]]) -> str:
    for label, low, high in bins:
        if (low is None or value >= low) and (high is None or value < high):
            return label
    return bins[-1][0]


def refresh(unit_id: int, year: int | None, apps: Apps | None = None) -> None:
    """Rewrite the figures of one unit and year from its evaluations (call inside the
    transaction that changed one of them). ``apps``: a migration's historical models."""
    evaluations, findings, aggregates = (
        (Evaluation, FindingRecord, UnitStats) if apps is None else
        tuple(apps.get_model("jixiao", n) for n in ("Evaluation", "FindingRecord", "UnitStats"))
    )
    key = year or 0
    row, _ = aggregates.objects.select_for_update().get_or_create(unit_id=unit_id, year=key)
    forms = evaluations.objects.filter(unit_id=unit_id, is_active=True)
    forms = forms.filter(year=year) if year else forms.filter(year__isnull=True)
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
    row.statuses = dict(statuses)
    row.scored = len(scores)
    row.score_sum = sum(scores, Decimal(0))
    row.lowest = min(scores) if scores else None
    row.score_bins, row.execution_bins = dict(score_bins), dict(execution_bins)
    row.grades = dict(grades)
    row.codes = {code: [n, forms_n, title] for code, title, n, forms_n in codes}
    row.save()


def rebuild(apps: Apps | None = None) -> int:
    """Recompute every row (after an upgrade or a bulk load: ``manage.py rebuild_stats``,
    migration 0003); returns how many."""
    evaluations, aggregates = (
        (Evaluation, UnitStats) if apps is None else
        (apps.get_model("jixiao", "Evaluation"), apps.get_model("jixiao", "UnitStats"))
    )
    keys = set(evaluations.objects.values_list("unit_id", "year").distinct().order_by())
    with transaction.atomic():
        aggregates.objects.all().delete()
        for unit_id, year in keys:
            refresh(unit_id, year, apps)
    return len(keys)
