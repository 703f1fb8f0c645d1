"""自评任务 and who has (not) reported: 报送进度 by unit for a task, and each role's 待办.

Both are a few queries over indexed columns (task, unit, status, waiting level); a table
page counts the forms of its 50 units only, whatever the number of forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import (
    Case,
    Count,
    Exists,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from jixiao.web import scoping
from jixiao.web.models import Evaluation, Role, Status, Task, Unit
from jixiao.web.tables import in_order

REPORTED = (Status.SUBMITTED, Status.APPROVED)
WAITING_FOR = {
    Role.UNIT_REVIEWER: ("unit",),
    Role.DEPT_REVIEWER: ("department",),
    Role.FINANCE: ("finance",),
    Role.ADMIN: ("finance",),
}

SHOWN = 50  # rows of each 待办 list (the heading gives the full count, the list the rest)
# the columns the 待办 lists show: a form's document and scores are never loaded there
LISTED = ("id", "name", "status", "waiting", "computed_total", "error_count", "updated_at",
          "unit__name")


def tasks_for(user: User) -> QuerySet[Task]:
    """Tasks issued within the user's scope or addressed to one of the user's units."""
    units = scoping.units_for(user).values("id")
    addressed = Task.units.through.objects.filter(task=OuterRef("pk"), unit__in=units)
    return Task.objects.filter(is_active=True).filter(Q(issuer__in=units) | Exists(addressed))


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


def targets(task: Task, units: QuerySet[Unit]) -> QuerySet[Unit]:
    """The units the task is addressed to, within ``units`` (the viewer's scope)."""
    return units.filter(tasks=task)


def with_counts(task: Task, units: QuerySet[Unit]) -> QuerySet[Unit]:
    """The units annotated with their forms of the task by status, and the state."""
    mine = FilteredRelation(
        "evaluations", condition=Q(evaluations__task=task, evaluations__is_active=True)
    )
    by = {
        name: Count("mine", filter=Q(mine__status=status))
        for name, status in (("drafts", Status.DRAFT), ("submitted", Status.SUBMITTED),
                             ("approved", Status.APPROVED), ("returned", Status.RETURNED))
    }
    counted = units.annotate(mine=mine).annotate(forms=Count("mine"), **by)
    return counted.annotate(
        state=Case(
            When(forms=0, then=Value("未填报")),
            When(approved__gt=0, drafts=0, submitted=0, returned=0, then=Value("已通过")),
            When(Q(submitted__gt=0) | Q(approved__gt=0), then=Value("已报送")),
            When(returned__gt=0, then=Value("已退回")),
            default=Value("填报中"),
        )
    )


def _reported(task: Task) -> Exists:
    return Exists(
        Evaluation.objects.filter(
            task=task, unit=OuterRef("pk"), is_active=True, status__in=REPORTED
        )
    )


def in_state(task: Task, units: QuerySet[Unit], state: str, today: date) -> QuerySet[Unit]:
    """The units in one state (未填报 … 已通过), or overdue (not reported after the deadline)."""
    if state == "overdue":
        return units.filter(~_reported(task)) if task.deadline < today else units.none()
    return units.filter(pk__in=with_counts(task, units).filter(Q(state=state)).values("pk"))


def summary(task: Task, units: QuerySet[Unit], today: date) -> dict[str, int]:
    """How many units the task has, reported or not, and overdue."""
    total = units.count()
    reported = (
        Evaluation.objects.filter(task=task, is_active=True, status__in=REPORTED, unit__in=units)
        .values("unit_id").distinct().count()
    )
    return {"units": total, "reported": reported, "unreported": total - reported,
            "overdue": total - reported if task.deadline < today else 0}


def progress(task: Task, ids: Sequence[int]) -> list[UnitProgress]:
    """The rows of the units ``ids`` (a table page), in that order."""
    columns = ("id", "name", "parent__name", "forms", "drafts", "submitted", "approved",
               "returned")
    found = {
        row[0]: UnitProgress(row[0], row[1], row[2] or "", *row[3:])
        for row in with_counts(task, Unit.objects.filter(pk__in=ids)).values_list(*columns)
    }
    return in_order(ids, found)


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
            "review_total": review.count(), "fill_total": fill.count(),
            "review_levels": levels or ()}
