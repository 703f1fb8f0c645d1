"""Pages of one evaluation: list, new, editor (with live scoring), findings, review,
evidence and downloads. Every page starts from :mod:`jixiao.web.scoping`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from jixiao.errors import JixiaoError
from jixiao.model import (
    DepartmentSelfEvaluation,
    Document,
    ProjectSelfEvaluation,
    ScoredEvaluation,
)
from jixiao.web import cycle, scoping, services, workflow
from jixiao.web.dashboard import form_count
from jixiao.web.editor import document_from_post, editor_form, library_options
from jixiao.web.forms import EvidenceForm, NewEvaluationForm, ReviewForm
from jixiao.web.models import Evaluation, Event, Evidence, Status
from jixiao.web.packs import pack_label
from jixiao.web.tables import CountedPaginator, in_order
from jixiao.web.uploads import EVIDENCE_SUFFIXES, read_upload, suffix_of

LIST_COLUMNS = (
    "id",
    "unit__name",
    "year",
    "form_type",
    "name",
    "computed_total",
    "grade",
    "status",
    "error_count",
    "warning_count",
    "updated_at",
)


@dataclass(frozen=True)
class ListFilters:
    """The list filters of the query string (name, year, status, unit, the review level a
    submitted form waits at), each read once; unreadable values filter nothing."""

    text: str
    year: int | None
    status: str | None
    unit: int | None
    waiting: str | None

    @classmethod
    def of(cls, request: HttpRequest) -> ListFilters:
        query = request.GET
        year, status = query.get("year", ""), query.get("status", "")
        unit, waiting = query.get("unit", ""), query.get("waiting", "")
        return cls(
            text=query.get("q", "").strip(),
            year=int(year) if year.isdigit() else None,
            status=status if status in Status.values else None,
            unit=int(unit) if unit.isdigit() else None,
            waiting=waiting if waiting in scoping.LEVELS else None,
        )

    def apply(self, queryset: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
        if self.text:
            queryset = queryset.filter(name__icontains=self.text)
        if self.year is not None:
            queryset = queryset.filter(year=self.year)
        if self.status is not None:
            queryset = queryset.filter(status=self.status)
        if self.unit is not None:
            queryset = queryset.filter(unit_id=self.unit)
        if self.waiting is not None:
            queryset = queryset.filter(status=Status.SUBMITTED, waiting=self.waiting)
        return queryset

    def count(self, request: HttpRequest, found: QuerySet[Evaluation]) -> int:
        """The list's length: from the dashboard aggregates when only the year and status
        filter it (they count the same active forms), else by counting."""
        if self.text or self.unit is not None or self.waiting is not None:
            return found.count()
        return form_count(scoping.units_for(request.user), scoping.subtree_roots(request.user),
                          self.year, self.status)


@login_required
def evaluation_list(request: HttpRequest) -> HttpResponse:
    filters = ListFilters.of(request)
    found = filters.apply(scoping.evaluations_for(request.user))
    ids = found.order_by("-updated_at", "-id").values_list("id", flat=True)
    page = CountedPaginator(ids, filters.count(request, found)).get_page(request.GET.get("page"))
    # the page's ids first (from the index, at any depth), then only their 50 rows
    chosen = list(page.object_list)
    rows = Evaluation.objects.filter(pk__in=chosen).values(*LIST_COLUMNS)
    page.object_list = in_order(chosen, {row["id"]: row for row in rows})
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jixiao/evaluation_list.html",
        {
            "page": page,
            "query": query.urlencode(),
            "statuses": Status.choices,
            "levels": [(level, label) for level, (label, _) in scoping.LEVELS.items()],
            "type_labels": services.FORM_TYPE_LABELS,
            "status_labels": dict(Status.choices),
            "can_create": scoping.writable_units(request.user).exists(),
        },
    )


def _blank_document(data: dict[str, Any], unit_name: str) -> Document:
    province = data.get("province") or None
    common = {"name": data["name"], "unit": unit_name, "year": data["year"], "province": province}
    form_type = data["form_type"]
    form: ProjectSelfEvaluation | DepartmentSelfEvaluation | ScoredEvaluation
    if form_type == "scored_evaluation":
        form = ScoredEvaluation(**common)
    elif form_type == "department_self_evaluation":
        form = DepartmentSelfEvaluation(**common)
    else:
        form = ProjectSelfEvaluation(**common)
    return Document(unit=unit_name, year=data["year"], province=province, forms=[form])


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_new(request: HttpRequest) -> HttpResponse:
    units = scoping.writable_units(request.user)
    if not units.exists():
        raise PermissionDenied("当前角色不能新建评价表")
    form = NewEvaluationForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        document = _blank_document(form.cleaned_data, unit.name)
        evaluation = workflow.create_evaluation(unit, document, user=scoping.signed_in(request))
        messages.success(request, "已新建评价表，请填写资金和指标。")
        return redirect("evaluation_edit", pk=evaluation.pk)
    return render(request, "jixiao/evaluation_new.html", {"form": form})


def _indicator_rows(evaluation: Evaluation, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    results = (evaluation.result or {}).get("indicators", [])
    return [
        row | {"result": results[n] if n < len(results) else None} for n, row in enumerate(rows)
    ]


def _return_comment(evaluation: Evaluation) -> dict[str, Any] | None:
    """The latest 退回/重新打开 opinion of a returned evaluation, shown at the top."""
    if evaluation.status != Status.RETURNED:
        return None
    event = (
        evaluation.events.filter(action__in=[Event.Action.RETURN, Event.Action.REOPEN])
        .order_by("-created_at", "-id")
        .first()
    )
    if event is None:
        return None
    level = scoping.level_label(event.level) if event.level else ""
    return {
        "label": f"{level}退回" if event.action == Event.Action.RETURN else "重新打开",
        "who": event.user_name or "系统",
        "when": event.created_at,
        "comment": event.comment,
    }


def _chain(evaluation: Evaluation) -> list[dict[str, str]]:
    steps = []
    for n, level in enumerate(evaluation.chain):
        if evaluation.status == Status.APPROVED or (
            evaluation.status == Status.SUBMITTED and n < evaluation.stage
        ):
            state = "done"
        elif evaluation.status == Status.SUBMITTED and n == evaluation.stage:
            state = "current"
        else:
            state = "todo"
        steps.append({"label": scoping.level_label(level), "state": state})
    return steps


def _editor_context(request: HttpRequest, evaluation: Evaluation) -> dict[str, Any]:
    document = services.load(evaluation)
    form = editor_form(document)
    actions = scoping.allowed_actions(request.user, evaluation)
    cycle_form = cycle.grid_rows(document) if evaluation.form_type in services.CYCLE_TYPES else None
    level = scoping.current_level(evaluation)
    return {
        "pack_label": pack_label(evaluation.pack_used),
        "return_comment": _return_comment(evaluation),
        "chain": _chain(evaluation),
        "blockers": workflow.approval_blockers(evaluation),
        "submit_blockers": workflow.submission_blockers(evaluation),
        "versions": evaluation.versions.only("number", "created_at", "user_name")[:30],
        "review_actions": bool(actions & {"return", "approve", "reopen"}),
        "level_label": scoping.level_label(level) if level else "",
        "evaluation": evaluation,
        "form": form,
        "indicators": _indicator_rows(evaluation, form.indicators),
        "result": evaluation.result or {},
        "findings": evaluation.findings.all(),
        "events": evaluation.events.select_related("user")[:50],
        "evidence": evaluation.evidence.all(),
        "can_edit": "edit" in actions and form.editable,
        "actions": actions - {"edit"} if not form.editable else actions,
        "review_form": ReviewForm(),
        "evidence_form": EvidenceForm(),
        "type_label": services.FORM_TYPE_LABELS.get(evaluation.form_type, evaluation.form_type),
        "cycle_form": cycle_form,
        "library": library_options() if "edit" in actions and form.editable else (),
        "project": cycle.project_cycle(evaluation),
        "status_label": Status(evaluation.status).label,
        "severity_labels": services.SEVERITY_LABELS,
        "action_labels": dict(Event.Action.choices),
        "status_labels": dict(Status.choices),
    }


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = scoping.get_evaluation(request.user, pk)
    status = 200
    if request.method == "POST":
        scoping.require(request.user, evaluation, "edit")
        version = request.POST.get("version", "")
        try:
            document = document_from_post(services.load(evaluation), request.POST)
            if not version.isdigit():
                raise JixiaoError("E201", "缺少版本号，请刷新页面后再保存")
            workflow.save_document(
                evaluation, document, user=scoping.signed_in(request), action=Event.Action.EDIT,
                expected_version=int(version),
            )
        except JixiaoError as error:
            messages.error(request, f"未保存：{error.render()}")
            status = 400
        except workflow.Conflict as conflict:
            messages.error(request, conflict.message)
            for change in conflict.changes[:20]:
                messages.info(request, f"他人的改动：{change}")
            evaluation.refresh_from_db()
            status = 409
        else:
            messages.success(request, "已保存，得分和审核结果已更新。")
            return redirect("evaluation_edit", pk=evaluation.pk)
    return render(
        request, "jixiao/evaluation_edit.html", _editor_context(request, evaluation), status=status
    )


@login_required
@require_POST
def evaluation_live(request: HttpRequest, pk: int) -> JsonResponse:
    """Score and audit what the editor holds now, without saving (the page's live view)."""
    evaluation = scoping.get_evaluation(request.user, pk)
    scoping.require(request.user, evaluation, "edit")
    try:
        document = document_from_post(services.load(evaluation), request.POST)
    except JixiaoError as error:
        return JsonResponse({"ok": False, "error": error.render()})
    assessment = services.assess(document, evaluation.pack)
    return JsonResponse({"ok": True} | services.assessment_data(assessment))


@login_required
@require_POST
def evaluation_review(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = scoping.get_evaluation(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors():
            messages.error(request, str(error))
        return redirect("evaluation_edit", pk=pk)
    action = form.cleaned_data["action"]
    scoping.require(request.user, evaluation, action)
    version = form.cleaned_data.get("version")
    try:
        workflow.transition(
            evaluation,
            user=scoping.signed_in(request),
            action=action,
            comment=form.cleaned_data["comment"],
            expected_version=version,
        )
    except workflow.Conflict as conflict:
        messages.error(request, conflict.message)
        return redirect("evaluation_edit", pk=pk)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("evaluation_edit", pk=pk)
    labels = {
        "submit": "已提交审核。",
        "withdraw": "已撤回，可继续修改。",
        "return": "已退回，意见已记录。",
        "approve": "已审核通过。" if evaluation.status == Status.APPROVED else "本级审核已通过。",
        "reopen": "已重新打开，填报单位可修改后重新提交。",
    }
    messages.success(request, labels[action])
    if action == "submit" and evaluation.error_count:
        messages.warning(request, f"注意：提交时仍有 {evaluation.error_count} 个审核错误。")
    return redirect("evaluation_edit", pk=pk)


@login_required
@require_POST
def evaluation_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Save an earlier version as the newest one (the versions in between stay)."""
    evaluation = scoping.get_evaluation(request.user, pk)
    scoping.require(request.user, evaluation, "restore")
    number = request.POST.get("number", "")
    if not number.isdigit():
        raise Http404("版本不存在")
    try:
        workflow.restore(evaluation, int(number), user=scoping.signed_in(request))
    except (ValidationError, workflow.Conflict) as error:
        messages.error(request, str(getattr(error, "message", error)))
    else:
        messages.success(request, f"已恢复到版本 {number}（另存为新版本）。")
    return redirect("evaluation_edit", pk=pk)


@login_required
def evaluation_findings(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = scoping.get_evaluation(request.user, pk)
    return render(
        request,
        "jixiao/evaluation_findings.html",
        {
            "evaluation": evaluation,
            "findings": evaluation.findings.all(),
            "severity_labels": services.SEVERITY_LABELS,
        },
    )


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = scoping.get_evaluation(request.user, pk)
    scoping.require(request.user, evaluation, "edit")
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件。")
        return redirect("evaluation_edit", pk=pk)
    try:
        name, data = read_upload(form.cleaned_data["file"], EVIDENCE_SUFFIXES)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("evaluation_edit", pk=pk)
    evidence = Evidence(
        evaluation=evaluation,
        original_name=name,
        size=len(data),
        uploaded_by=scoping.signed_in(request),
    )
    evidence.file.save(f"e{evaluation.pk}{suffix_of(name)}", ContentFile(data), save=False)
    evidence.save()
    Event.objects.create(
        evaluation=evaluation,
        user=scoping.signed_in(request),
        user_name=workflow.display_name(scoping.signed_in(request)),
        action=Event.Action.EVIDENCE,
        to_status=evaluation.status,
        changes=[f"上传佐证资料「{name}」"],
    )
    messages.success(request, f"已上传佐证资料「{name}」。")
    return redirect("evaluation_edit", pk=pk)


@login_required
def evidence_download(request: HttpRequest, pk: int, evidence_id: int) -> HttpResponseBase:
    evaluation = scoping.get_evaluation(request.user, pk)
    evidence = evaluation.evidence.filter(pk=evidence_id).first()
    if evidence is None:
        raise Http404("佐证资料不存在")
    return FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name
    )
