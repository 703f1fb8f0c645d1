"""Dashboard figures kept per unit and year."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import F, Q

from jixiao.web.models.org import Unit


class UnitStats(models.Model):
    """Dashboard figures of one unit and year: of the unit's own forms, or (``subtree``)
    of its whole subtree; kept (under row locks) in the same transaction as every change
    to one of the evaluations (:mod:`jixiao.web.stats`); drafts are counted but never
    enter averages or distributions."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="stats")
    year = models.IntegerField(default=0)  # 0: year unknown
    subtree = models.BooleanField(default=False)
    total = models.IntegerField(default=0)
    counted = models.IntegerField(default=0)  # submitted or approved
    approved = models.IntegerField(default=0)
    statuses = models.JSONField(default=dict)  # status → count
    scored = models.IntegerField(default=0)  # submitted or approved, with a total in range
    score_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    lowest = models.DecimalField(max_digits=9, decimal_places=2, null=True)  # own rows only
    out_of_range = models.IntegerField(default=0)  # totals above full marks, left out
    errors = models.IntegerField(default=0)
    full_marks = models.IntegerField(default=0)
    score_bins = models.JSONField(default=dict)
    execution_bins = models.JSONField(default=dict)
    grades = models.JSONField(default=dict)
    codes = models.JSONField(default=dict)  # code → [findings, evaluations]

    objects: ClassVar[models.Manager[UnitStats]]

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["unit", "year", "subtree"], name="one_stats_row"),
        ]
        # 抽查 asks on every dashboard view which units' forms are all at full marks, and
        # which are not: the few rows of each, not a scan of every unit's rows.
        indexes: ClassVar[list[models.Index]] = [
            models.Index(
                fields=["unit"], name="stats_all_full_marks",
                condition=Q(subtree=False, counted__gt=0, full_marks=F("counted")),
            ),
            models.Index(
                fields=["unit"], name="stats_short_of_full_marks",
                condition=Q(subtree=False, full_marks__lt=F("counted")),
            ),
        ]
