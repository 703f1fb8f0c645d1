"""JSON API (django-ninja) for the same operations as the pages; OpenAPI docs at
``/api/docs`` (served locally). API clients sign in with a token (``Authorization: Bearer``)
or HTTP Basic, without CSRF; the browser session works too (CSRF token required for
changes). Every route goes through :mod:`jixiao.web.scoping`; every write is version-checked
(:mod:`jixiao.web.workflow`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, NinjaAPI
from ninja import Status as Reply
from ninja.files import UploadedFile
from ninja.security import HttpBasicAuth, HttpBearer, SessionAuth

from jixiao.errors import JixiaoError
from jixiao.model.io import document_from_data
from jixiao.web import exports, scoping, services, throttle, tokens, workflow
from jixiao.web.api_schemas import (
    AcceptIn,
    DocumentIn,
    EvaluationDetail,
    EvaluationIn,
    EvaluationSummary,
    EventOut,
    ImportOut,
    Me,
    PreviewIn,
    RestoreIn,
    TransitionIn,
    UnitOut,
)
from jixiao.web.dashboard import figure_rows, full_mark_units, listed_units, overview
from jixiao.web.imports import accept_items
from jixiao.web.models import Evaluation, Event, ImportBatch
from jixiao.web.packs import check_pack
from jixiao.web.tasks import start_import
from jixiao.web.uploads import IMPORT_SUFFIXES, expand, read_upload


class BasicAuth(HttpBasicAuth):
    """HTTP Basic with the same throttling as the sign-in page."""

    def authenticate(self, request: HttpRequest, username: str, password: str) -> Any:
        if throttle.locked(username, request):
            return None
        user = authenticate(request, username=username, password=password)
        if user is None:
            throttle.failed(username, request)
            return None
        throttle.succeeded(username, request)
        request.user = user
        return user


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <令牌>``, a token made on the 账户 page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = tokens.user_for(token)
        if user is not None:
            request.user = user
        return user


class BrowserSession(SessionAuth):
    """The signed-in browser session; CSRF is checked only for a session that exists, so
    token and Basic clients are never asked for it."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


api = NinjaAPI(
    title="jixiao 预算绩效评价 API",
    version="1",
    description=(
        "评价表的填报、评分、审核、流转、导入与汇总。API 客户端用令牌（Authorization: Bearer）"
        "或 HTTP Basic 登录，无需 CSRF；浏览器会话的修改请求须带 CSRF 令牌。"
        "保存和流转须带 version（读取时得到的版本号），版本已变时返回 409 及改动说明。"
    ),
    auth=[TokenAuth(), BasicAuth(), BrowserSession()],
    urls_namespace="api",
)


@api.exception_handler(workflow.Conflict)
def _conflict(request: HttpRequest, error: workflow.Conflict) -> HttpResponse:
    body = {"detail": error.message, "changes": error.changes}
    return api.create_response(request, body, status=409)


@api.exception_handler(JixiaoError)
def _jixiao_error(request: HttpRequest, error: JixiaoError) -> HttpResponse:
    body = {"code": error.code, "message": error.message, "field": error.field}
    return api.create_response(request, body, status=422)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(error) or "无权操作"}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": "；".join(error.messages)}, status=422)


def _summary(evaluation: Evaluation) -> dict[str, Any]:
    return {
        field: getattr(evaluation, field)
        for field in EvaluationSummary.model_fields
        if field != "unit"
    } | {"unit": evaluation.unit.name}


def _detail(request: HttpRequest, evaluation: Evaluation) -> dict[str, Any]:
    return _summary(evaluation) | {
        "document": evaluation.document,
        "result": evaluation.result,
        "findings": list(evaluation.findings.all()),
        "allowed_actions": sorted(scoping.allowed_actions(request.user, evaluation)),
    }


@api.get("/me", response=Me, summary="当前用户与角色")
def me(request: HttpRequest) -> dict[str, Any]:
    actor = scoping.actor_for(request.user)
    unit = actor.unit if actor is not None else None
    return {
        "username": request.user.get_username(),
        "role": actor.role if actor else None,
        "role_label": actor.role_label if actor else None,
        "unit_id": unit.pk if unit else None,
        "unit": unit.name if unit else None,
    }


@api.get("/units", response=list[UnitOut], summary="可见的单位")
def units(request: HttpRequest) -> Any:
    return scoping.units_for(request.user)


@api.get("/evaluations", response=list[EvaluationSummary], summary="评价表列表")
def evaluation_list(
    request: HttpRequest,
    year: int | None = None,
    status: str | None = None,
    unit_id: int | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    queryset = (
        scoping.evaluations_for(request.user).select_related("unit").defer("document", "result")
    )
    if year is not None:
        queryset = queryset.filter(year=year)
    if status:
        queryset = queryset.filter(status=status)
    if unit_id is not None:
        queryset = queryset.filter(unit_id=unit_id)
    if q:
        queryset = queryset.filter(name__icontains=q)
    limit = max(1, min(limit, 1000))
    return [_summary(e) for e in queryset.order_by("-updated_at", "-id")[offset : offset + limit]]


@api.post("/evaluations", response={201: EvaluationDetail}, summary="新建评价表（规范文件 JSON）")
def evaluation_create(request: HttpRequest, payload: EvaluationIn) -> Reply[dict[str, Any]]:
    unit = scoping.require_unit(request.user, payload.unit_id)
    document = document_from_data(payload.document)
    evaluation = workflow.create_evaluation(
        unit, document, user=scoping.signed_in(request), pack=check_pack(payload.pack)
    )
    return Reply(201, _detail(request, evaluation))


@api.get(
    "/evaluations/{pk}", response=EvaluationDetail, summary="评价表详情（文件、得分、审核问题）"
)
def evaluation_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(request, scoping.get_evaluation(request.user, pk))


@api.put("/evaluations/{pk}", response=EvaluationDetail, summary="保存修改（重新评分和审核）")
def evaluation_update(request: HttpRequest, pk: int, payload: DocumentIn) -> dict[str, Any]:
    evaluation = scoping.get_evaluation(request.user, pk)
    scoping.require(request.user, evaluation, "edit")
    document = document_from_data(payload.document)
    workflow.save_document(
        evaluation, document, user=scoping.signed_in(request), action=Event.Action.EDIT,
        expected_version=payload.version,
    )
    return _detail(request, evaluation)


@api.get("/evaluations/{pk}/versions", summary="历史版本（每次保存一版）")
def evaluation_versions(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    evaluation = scoping.get_evaluation(request.user, pk)
    return [
        {"number": v.number, "user": v.user_name, "created_at": v.created_at}
        for v in evaluation.versions.all()
    ]


@api.post("/evaluations/{pk}/restore", response=EvaluationDetail, summary="恢复某一历史版本")
def evaluation_restore(request: HttpRequest, pk: int, payload: RestoreIn) -> dict[str, Any]:
    evaluation = scoping.get_evaluation(request.user, pk)
    scoping.require(request.user, evaluation, "restore")
    workflow.restore(evaluation, payload.number, user=scoping.signed_in(request))
    return _detail(request, evaluation)


@api.post("/evaluations/{pk}/preview", summary="试算：按给定文件（或当前文件）评分和审核，不保存")
def evaluation_preview(request: HttpRequest, pk: int, payload: PreviewIn) -> dict[str, Any]:
    evaluation = scoping.get_evaluation(request.user, pk)
    data = payload.document if payload.document is not None else evaluation.document
    return services.assessment_data(services.assess(document_from_data(data), evaluation.pack))


@api.post("/evaluations/{pk}/transition", response=EvaluationSummary, summary="提交、退回或通过")
def evaluation_transition(request: HttpRequest, pk: int, payload: TransitionIn) -> dict[str, Any]:
    evaluation = scoping.get_evaluation(request.user, pk)
    workflow.transition(
        evaluation, user=scoping.signed_in(request), action=payload.action,
        comment=payload.comment, expected_version=payload.version,
    )
    return _summary(evaluation)


@api.get("/evaluations/{pk}/history", response=list[EventOut], summary="操作记录")
def evaluation_history(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    evaluation = scoping.get_evaluation(request.user, pk)
    return [
        {
            "id": e.pk,
            "user": e.user_name or (e.user.get_username() if e.user else None),
            "action": e.action,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "comment": e.comment,
            "changes": e.changes,
            "created_at": e.created_at,
        }
        for e in evaluation.events.select_related("user")
    ]


@api.get(
    "/evaluations/{pk}/export/{fmt}", summary="下载：json / yaml / xlsx（自评表）/ docx（报告）"
)
def evaluation_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    evaluation = scoping.get_evaluation(request.user, pk)
    if fmt not in exports.FORMATS:
        raise JixiaoError("E504", f"不支持的格式 {fmt}")
    data, filename = exports.evaluation_file(evaluation, fmt)
    return exports.attachment(data, filename, exports.FORMATS[fmt])


@api.get("/dashboard", summary="汇总：分布、按代码的审核问题、各单位")
def dashboard(request: HttpRequest, year: int | None = None) -> dict[str, Any]:
    units = scoping.units_for(request.user)
    data = overview(units, year, roots=scoping.subtree_roots(request.user))
    return {
        "count": data.count,
        "scored": data.scored,
        "average": data.average,
        "out_of_range": data.out_of_range,
        "errors": data.errors,
        "statuses": dict(data.statuses),
        "score_bins": dict(data.score_bins),
        "execution_bins": dict(data.execution_bins),
        "grades": dict(data.grades),
        "codes": data.codes,
        "units": figure_rows(listed_units(units, year).order_by("path"), year),
        "full_mark_units": list(
            full_mark_units(units, year).order_by("path").values_list("id", flat=True)
        ),
    }


def _import_out(batch: ImportBatch) -> dict[str, Any]:
    return {
        "id": batch.pk,
        "unit_id": batch.unit_id,
        "state": batch.state,
        "total": batch.total,
        "processed": batch.processed,
        "items": list(batch.items.all()),
    }


@api.post("/imports", response={201: ImportOut}, summary="上传文件识别（多文件在后台处理）")
def import_create(
    request: HttpRequest, unit_id: Form[int], files: File[list[UploadedFile]]
) -> Reply[dict[str, Any]]:
    unit = scoping.require_unit(request.user, unit_id)
    found: list[tuple[str, bytes]] = []
    for upload in files:
        found.extend(expand(*read_upload(upload, IMPORT_SUFFIXES)))
    if not found or len(found) > settings.MAX_UPLOAD_FILES:
        raise ValidationError(f"应上传 1 到 {settings.MAX_UPLOAD_FILES} 个文件")
    return Reply(201, _import_out(start_import(scoping.signed_in(request), unit, found)))


@api.get("/imports/{pk}", response=ImportOut, summary="导入进度与识别结果")
def import_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _import_out(scoping.get_batch(scoping.signed_in(request), pk))


@api.post("/imports/{pk}/accept", response=list[EvaluationSummary], summary="确认导入所选")
def import_accept(request: HttpRequest, pk: int, payload: AcceptIn) -> list[dict[str, Any]]:
    batch = scoping.get_batch(scoping.signed_in(request), pk)
    if batch.state != ImportBatch.State.DONE:
        raise ValidationError("该批文件尚未识别完成或已导入")
    return [_summary(e) for e in accept_items(batch, payload.items, scoping.signed_in(request))]
