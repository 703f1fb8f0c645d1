"""自评任务 (issued by the bureau with a deadline), 报送进度 by unit, and each role's 待办."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from jixiao.web import progress, scoping, workflow
from jixiao.web.forms import TaskForm
from jixiao.web.models import Role, Status, Task, Unit
from jixiao.web.tables import Ordering, by_annotation, by_columns, link_prefix, unit_table

ISSUE_ROLES = frozenset({Role.FINANCE, Role.ADMIN})


def _progress_sorts(task: Task) -> dict[str, Ordering]:
    def counted(units: QuerySet[Unit]) -> QuerySet[Unit]:
        return progress.with_counts(task, units)

    return {"unit": by_columns("name"), "parent": by_columns("parent__name"),
            "state": by_annotation(counted, "state"), "forms": by_annotation(counted, "forms")}


def _may_issue(request: HttpRequest) -> bool:
    actor = scoping.actor_for(request.user)
    return actor is not None and actor.role in ISSUE_ROLES


@login_required
@require_http_methods(["GET", "POST"])
def task_list(request: HttpRequest) -> HttpResponse:
    user = scoping.signed_in(request)
    units = scoping.units_for(user)
    form = TaskForm(request.POST or None, units=units) if _may_issue(request) else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("只有财政部门可以下达自评任务")
        if form.is_valid():
            data = form.cleaned_data
            actor = scoping.actor_for(user)
            issuer = actor.unit if actor and actor.unit else units.filter(parent=None).first()
            if issuer is None:
                raise PermissionDenied("没有可下达任务的单位")
            task = Task.objects.create(
                name=data["name"], year=data["year"], form_type=data["form_type"],
                deadline=data["deadline"], issuer=issuer, chain=data["chain"] or ["finance"],
                note=data["note"], created_by=user,
            )
            targets = units.filter(kind=Unit.Kind.UNIT, is_active=True)
            if data["departments"]:
                under = Q()
                for department in data["departments"]:
                    under |= Q(path__startswith=department.path)
                targets = targets.filter(under)
            task.units.set(targets)
            count = task.units.count()
            messages.success(request, f"已下达自评任务「{task.name}」到 {count} 个单位。")
            return redirect("task_progress", pk=task.pk)
    return render(
        request,
        "jixiao/task_list.html",
        {"tasks": progress.tasks_for(user).select_related("issuer"), "form": form,
         "today": timezone.localdate()},
    )


@login_required
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """报送进度: every unit of the task in the viewer's scope, overdue ones in red."""
    user = scoping.signed_in(request)
    task = progress.tasks_for(user).filter(pk=pk).first()
    if task is None:
        raise Http404("任务不存在或无权查看")
    targets = progress.targets(task, scoping.units_for(user))
    today = timezone.localdate()
    summary = progress.summary(task, targets, today)
    state = request.GET.get("state", "")
    if state:
        targets = progress.in_state(task, targets, state, today)
    table = unit_table(request, targets, _progress_sorts(task),
                       lambda ids: progress.progress(task, ids),
                       count=None if state else summary["units"])  # counted once
    return render(
        request,
        "jixiao/task_progress.html",
        {"task": task, "table": table, "summary": summary, "today": today,
         "overdue_ids": {r.unit_id for r in table.page if progress.overdue(task, r, today)},
         "states": ["未填报", "填报中", "已退回", "已报送", "已通过"],
         "state": state, "chain": [scoping.level_label(c) for c in task.chain]},
    )


@login_required
def todo(request: HttpRequest) -> HttpResponse:
    """待办: what this role has to do now."""
    data = progress.todo(scoping.signed_in(request))
    return render(
        request,
        "jixiao/todo.html",
        data | {"status_labels": dict(Status.choices), "today": timezone.localdate(),
                # each row's link without reversing the URL once per row (100 rows)
                "edit_base": link_prefix("evaluation_edit")},
    )


@login_required
@require_http_methods(["POST"])
def todo_bulk(request: HttpRequest) -> HttpResponse:
    """A reviewer's bulk 通过 or 退回 of the forms ticked in 待我审核: each one checked and
    moved on its own (a form that may not be passed is reported, the others go on)."""
    user = scoping.signed_in(request)
    action = request.POST.get("action", "")
    if action not in ("approve", "return"):
        raise PermissionDenied("未知操作")
    comment = request.POST.get("comment", "").strip()
    if action == "return" and not comment:
        messages.error(request, "批量退回须填写退回意见。")
        return redirect("todo")
    ids = [int(v) for v in request.POST.getlist("evaluation") if v.isdigit()]
    done, refused = 0, []
    for evaluation in scoping.evaluations_for(user).filter(pk__in=ids):
        try:
            workflow.transition(evaluation, user=user, action=action, comment=comment)
            done += 1
        except (PermissionDenied, ValidationError, workflow.Conflict) as error:
            text = "；".join(error.messages) if isinstance(error, ValidationError) else (
                error.message if isinstance(error, workflow.Conflict) else str(error))
            refused.append(f"「{evaluation.name}」{text}")
    label = "通过" if action == "approve" else "退回"
    if done:
        messages.success(request, f"已{label} {done} 份评价表。")
    for reason in refused[:20]:
        messages.warning(request, f"未能{label}：{reason}")
    return redirect("todo")
