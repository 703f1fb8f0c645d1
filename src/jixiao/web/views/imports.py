"""Import: upload → preview (what was recognized, what the auditor found) → accept."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from jixiao.web import scoping, services
from jixiao.web.forms import ImportForm
from jixiao.web.imports import accept_items
from jixiao.web.models import ImportBatch
from jixiao.web.tasks import start_import
from jixiao.web.uploads import IMPORT_SUFFIXES, expand, read_upload


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    units = scoping.writable_units(request.user)
    if not units.exists():
        raise PermissionDenied("当前角色不能导入")
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        files: list[tuple[str, bytes]] = []
        try:
            for upload in form.cleaned_data["uploads"]:
                files.extend(expand(*read_upload(upload, IMPORT_SUFFIXES)))
        except ValidationError as error:
            form.add_error("uploads", error)
        else:
            if not files:
                form.add_error("uploads", "没有可导入的文件")
            elif len(files) > settings.MAX_UPLOAD_FILES:
                form.add_error("uploads", f"一次最多导入 {settings.MAX_UPLOAD_FILES} 个文件")
            else:
                batch = start_import(scoping.signed_in(request), form.cleaned_data["unit"], files)
                return redirect("import_preview", pk=batch.pk)
    recent = ImportBatch.objects.filter(user=scoping.signed_in(request)).select_related("unit")[:10]
    return render(request, "jixiao/import_upload.html", {"form": form, "recent": recent})


@login_required
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = scoping.get_batch(scoping.signed_in(request), pk)
    items = list(batch.items.all())
    return render(
        request,
        "jixiao/import_preview.html",
        {
            "batch": batch,
            "items": items,
            "finished": batch.state in (ImportBatch.State.DONE, ImportBatch.State.ACCEPTED),
            "type_labels": services.FORM_TYPE_LABELS,
            "severity_labels": services.SEVERITY_LABELS,
        },
    )


@login_required
def import_progress(request: HttpRequest, pk: int) -> JsonResponse:
    batch = scoping.get_batch(scoping.signed_in(request), pk)
    return JsonResponse(
        {
            "state": batch.state,
            "state_label": ImportBatch.State(batch.state).label,
            "processed": batch.processed,
            "total": batch.total,
        }
    )


@login_required
@require_POST
def import_accept(request: HttpRequest, pk: int) -> HttpResponse:
    batch = scoping.get_batch(scoping.signed_in(request), pk)
    if batch.state != ImportBatch.State.DONE:
        messages.error(request, "该批文件尚未识别完成或已导入。")
        return redirect("import_preview", pk=pk)
    chosen = [int(value) for value in request.POST.getlist("item") if value.isdigit()]
    created = accept_items(batch, chosen, scoping.signed_in(request))
    messages.success(request, f"已导入 {len(created)} 份评价表到「{batch.unit.name}」。")
    if len(created) == 1:
        return redirect("evaluation_edit", pk=created[0].pk)
    return redirect("evaluation_list")
