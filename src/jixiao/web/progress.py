"""自评任务 and who has (not) reported: 报送进度 by unit for a task, and each role's 待办.

Both are a few grouped queries over indexed columns (task, unit, status, waiting level),
whatever the number of forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from jixiao.web import scoping
from jixiao.web.models import Evaluation, Role, Status, Task, Unit

REPORTED = (Status.SUBMITTED, Status.APPROVED)
WAITING_FOR = {
    Role.UNIT_REVIEWER: ("unit",),
    Role.DEPT_REVIEWER: ("department",),
    Role.FINANCE: ("finance",),
    Role.ADMIN: ("finance",),
}

SHOWN = 200  # rows of each 待办 list (the heading gives the full count)
# the columns the 待办 lists show: a form's document and scores are never loaded there
LISTED = ("id", "name", "status", "waiting", "computed_total", "error_count", "updated_at",
          "unit__name")


def tasks_for(user: User) -> QuerySet[Task]:
    """Tasks issued within the user's scope or addressed to one of the user's units."""
    units = scoping.units_for(user).values("id")
    tasks = Task.objects.filter(is_active=True)
    return tasks.filter(Q(issuer__in=units) | Q(units__in=units)).distinct()


@dataclass
class UnitProgress:
    unit_id: int
    unit: str
    parent: str
    forms: int
    drafts: int
    submitted: int
    approved: int
    returned: int

    @property
    def reported(self) -> bool:
        return self.submitted + self.approved > 0

    @property
    def state(self) -> str:
        if self.forms == 0:
            return "未填报"
        if self.approved and not (self.drafts or self.submitted or self.returned):
            return "已通过"
        if self.reported:
            return "已报送"
        if self.returned:
            return "已退回"
        return "填报中"


def progress(task: Task, units: QuerySet[Unit]) -> list[UnitProgress]:
    """Every unit of the task within ``units`` (the viewer's scope), with its forms' states;
    a unit that has not started appears with zero forms."""
    counts = {
        row["unit_id"]: row
        for row in Evaluation.objects.filter(task=task, is_active=True, unit__in=units)
        .values("unit_id")
        .annotate(
            forms=Count("id"),
            drafts=Count("id", filter=Q(status=Status.DRAFT)),
            submitted=Count("id", filter=Q(status=Status.SUBMITTED)),
            approved=Count("id", filter=Q(status=Status.APPROVED)),
            returned=Count("id", filter=Q(status=Status.RETURNED)),
        )
        .order_by()
    }
    rows = []
    targets = task.units.filter(pk__in=units.values("id")).values("id", "name", "parent__name")
    for unit in targets.order_by("path"):
        found = counts.get(unit["id"], {})
        rows.append(
            UnitProgress(
                unit["id"], unit["name"], unit["parent__name"] or "",
                *(found.get(k, 0) for k in ("forms", "drafts", "submitted", "approved",
                                            "returned")),
            )
        )
    return rows


def overdue(task: Task, row: UnitProgress, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return task.deadline < today and not row.reported


def todo(user: User) -> dict[str, Any]:
    """What waits for this user: forms to review at the user's level (not ones the user wrote
    or submitted), forms of the user's own unit to fill or correct (a bureau evaluator is not
    asked to fill every unit's drafts), and tasks the user's unit has not reported."""
    actor = scoping.actor_for(user)
    if actor is None:
        return {"review": [], "fill": [], "tasks": [], "review_total": 0, "fill_total": 0}
    visible = (
        scoping.evaluations_for(user)
        .select_related("unit")
        .only(*LISTED)
    )
    review: QuerySet[Evaluation] = Evaluation.objects.none()
    if levels := WAITING_FOR.get(actor.role):
        review = (
            visible.filter(status=Status.SUBMITTED, waiting__in=levels)
            .exclude(submitted_by_id=user.pk)
            .exclude(edited_by_id=user.pk)
            .order_by("updated_at")
        )
    fill: QuerySet[Evaluation] = Evaluation.objects.none()
    if actor.role in scoping.EDIT_ROLES:
        own = visible if actor.unit is None else visible.filter(unit=actor.unit)
        fill = own.filter(status__in=[Status.RETURNED, Status.DRAFT]).order_by(
            "-status", "updated_at"
        )
    open_tasks = []
    if actor.unit is not None and actor.unit.kind == Unit.Kind.UNIT:
        for task in Task.objects.filter(is_active=True, units=actor.unit).order_by("deadline"):
            done = Evaluation.objects.filter(
                task=task, unit=actor.unit, status__in=REPORTED, is_active=True
            ).exists()
            if not done:
                open_tasks.append(task)
    return {"review": review[:SHOWN], "fill": fill[:SHOWN], "tasks": open_tasks,
            "review_total": review.count(), "fill_total": fill.count()}
