"""Writing evaluations: saves with a version check, review transitions, restoring versions.

Every write locks the evaluation's row (``select_for_update``; on SQLite the whole database
is locked at the start of the transaction) and re-checks what it rests on under the lock:
the version the user edited, the status, and who may act. So two reviewers cannot both
decide, a save cannot undo an approval, and a stale save is refused with what changed.
Each save keeps the saved document as a new :class:`~jixiao.web.models.Version`; the
dashboard figures of the unit are rewritten in the same transaction (:mod:`jixiao.web.stats`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from jixiao.model import Document
from jixiao.model.io import document_from_data
from jixiao.web import scoping, stats
from jixiao.web.history import describe_changes
from jixiao.web.models import Evaluation, Event, FindingRecord, Status, Task, Unit, Version
from jixiao.web.services import Assessment, apply_assessment, assess, load

FULL_MARKS = Decimal(100)
EDITABLE = (Status.DRAFT, Status.RETURNED)
DOCUMENT_FIELDS = (
    "document", "form_type", "name", "year", "pack_used", "pack_reason", "result",
    "computed_total", "claimed_total", "grade", "execution_rate", "indicator_count",
    "total_weight", "all_full_marks", "error_count", "warning_count", "info_count",
    "created_by", "edited_by", "version", "updated_at",
)


class Conflict(Exception):
    """The evaluation changed since the user loaded it: refused, with what changed."""

    def __init__(self, message: str, changes: list[str] | None = None) -> None:
        self.message = message
        self.changes = changes or []
        super().__init__(message)


def display_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.first_name or user.username


def _locked(pk: int) -> Evaluation:
    return Evaluation.objects.select_for_update().select_related("unit").get(pk=pk)


def version_document(evaluation: Evaluation, number: int) -> dict[str, Any] | None:
    """The document as it was at ``number`` (the last version saved at or before it)."""
    found = evaluation.versions.filter(number__lte=number).order_by("-number").first()
    return found.document if found is not None else None


def _stale(current: Evaluation, expected: int) -> Conflict:
    base = version_document(current, expected)
    changes = (
        describe_changes(document_from_data(base), load(current)) if base is not None else []
    )
    if current.status not in EDITABLE:
        changes.insert(0, f"状态已变为「{Status(current.status).label}」")
    return Conflict(
        f"未保存：此表已被他人修改（您编辑的是版本 {expected}，现在是版本 {current.version}）。"
        "您的输入已保留在本页草稿中，请刷新后核对再保存。",
        changes,
    )


def save_document(
    evaluation: Evaluation,
    document: Document,
    *,
    user: User | None,
    action: str,
    comment: str = "",
    expected_version: int | None = None,
    assessment: Assessment | None = None,
) -> Assessment:
    """Score and audit the document, store it as a new version with its findings, and record
    who did it. An edit of an existing evaluation is refused (:class:`Conflict`) when it is
    no longer editable or, given ``expected_version``, when someone saved in between."""
    assessment = assessment or assess(document, evaluation.pack)
    with transaction.atomic():
        changes: list[str] = []
        old_key: tuple[int, int | None] | None = None
        if evaluation.pk is not None:
            current = _locked(evaluation.pk)
            if expected_version is not None and current.version != expected_version:
                raise _stale(current, expected_version)
            if action != Event.Action.IMPORT and current.status not in EDITABLE:
                raise Conflict(f"未保存：此表已是「{Status(current.status).label}」，不能修改")
            changes = describe_changes(load(current), assessment.document)
            old_key = (current.unit_id, current.year)
            evaluation.status, evaluation.version = current.status, current.version + 1
        records = apply_assessment(evaluation, assessment)
        if assessment.ignored_rules:
            changes.append(
                f"文件自行指定的评分规则种类已忽略 {assessment.ignored_rules} 处，按规则包评分"
            )
        if user is not None:
            evaluation.edited_by_id = user.pk
            if evaluation.created_by_id is None:
                evaluation.created_by_id = user.pk
        if old_key is None:
            evaluation.save()
        else:
            evaluation.save(update_fields=DOCUMENT_FIELDS)
        FindingRecord.objects.filter(evaluation=evaluation).delete()
        FindingRecord.objects.bulk_create(records)
        Version.objects.create(
            evaluation=evaluation, number=evaluation.version, document=evaluation.document,
            user=user, user_name=display_name(user),
        )
        _event(evaluation, user, action, evaluation.status, comment=comment, changes=changes)
        stats.refresh((evaluation.unit_id, evaluation.year), *([old_key] if old_key else []))
    return assessment


def _event(evaluation: Evaluation, user: User | None, action: str, before: str, *,
           comment: str = "", changes: list[str] | None = None, level: str = "") -> None:
    Event.objects.create(
        evaluation=evaluation,
        user_id=user.pk if user is not None else None,
        user_name=display_name(user),
        action=action,
        from_status=before,
        to_status=evaluation.status,
        comment=comment,
        changes=changes or [],
        level=level,
        version=evaluation.version,
    )


def create_evaluation(
    unit: Unit,
    document: Document,
    *,
    user: User | None,
    action: str = Event.Action.CREATE,
    pack: str = "auto",
    task: Task | None = None,
) -> Evaluation:
    chain = list(task.chain) if task is not None else None
    evaluation = Evaluation(unit=unit, pack=pack, status=Status.DRAFT, task=task)
    if chain:
        evaluation.chain = chain
    save_document(evaluation, document, user=user, action=action)
    if task is None and (found := task_for(evaluation)) is not None:
        evaluation.task, evaluation.chain = found, list(found.chain)
        Evaluation.objects.filter(pk=evaluation.pk).update(task=found, chain=evaluation.chain)
    return evaluation


def task_for(evaluation: Evaluation) -> Task | None:
    """The 自评任务 a form answers when none was named: an active task addressed to its unit
    for its year (and form type, when the task names one), the earliest deadline first."""
    if evaluation.year is None:
        return None
    return (
        Task.objects.filter(is_active=True, units=evaluation.unit_id, year=evaluation.year)
        .filter(form_type__in=["", evaluation.form_type])
        .order_by("deadline", "id")
        .first()
    )


def approval_blockers(evaluation: Evaluation) -> list[str]:
    """Why an evaluation cannot be passed: open errors, totals above full marks."""
    problems = []
    if evaluation.error_count:
        problems.append(f"仍有 {evaluation.error_count} 个审核错误未改正")
    return problems + submission_blockers(evaluation)


def submission_blockers(evaluation: Evaluation) -> list[str]:
    """Why an evaluation cannot even be submitted: a total above full marks is wrong on its
    face, whatever the findings say (issue 15)."""
    problems = []
    if evaluation.computed_total is not None and evaluation.computed_total > FULL_MARKS:
        problems.append(f"应得总分 {evaluation.computed_total} 超过满分 {FULL_MARKS}")
    if evaluation.total_weight is not None and evaluation.total_weight > FULL_MARKS:
        problems.append(f"分值合计 {evaluation.total_weight.normalize():f} 超过满分 {FULL_MARKS}")
    return problems


NEEDS_COMMENT = {"return": "退回时请填写意见", "reopen": "重新打开已通过的表须说明理由"}


def transition(
    evaluation: Evaluation,
    *,
    user: User,
    action: str,
    comment: str = "",
    expected_version: int | None = None,
) -> None:
    """Move the evaluation through review under a row lock, re-checking under the lock that
    the user may do it now (:func:`jixiao.web.scoping.allowed_actions`); record it."""
    if action in NEEDS_COMMENT and not comment.strip():
        raise ValidationError(NEEDS_COMMENT[action])
    with transaction.atomic():
        current = _locked(evaluation.pk)
        if expected_version is not None and current.version != expected_version:
            raise Conflict(
                f"操作未执行：此表已被他人处理（现为「{Status(current.status).label}」），请刷新"
            )
        if action not in scoping.allowed_actions(user, current):
            if current.status != evaluation.status or current.stage != evaluation.stage:
                raise Conflict(
                    f"操作未执行：此表已被他人处理（现为「{Status(current.status).label}」），"
                    "请刷新"
                )
            raise PermissionDenied("当前状态或角色不允许此操作")
        before, level = current.status, scoping.current_level(current) or ""
        _apply(current, user, action)
        current.version += 1
        current.waiting = scoping.current_level(current) or ""
        current.save(update_fields=[
            "status", "stage", "approvers", "submitted_by", "waiting", "chain", "version",
            "updated_at", "task",
        ])
        _event(current, user, action, before, comment=comment, level=level)
        stats.refresh((current.unit_id, current.year))
    for field in ("status", "stage", "approvers", "submitted_by_id", "waiting", "chain", "version",
                  "updated_at", "task_id"):
        setattr(evaluation, field, getattr(current, field))


def _apply(evaluation: Evaluation, user: User, action: str) -> None:
    if action == "submit":
        if problems := submission_blockers(evaluation):
            raise ValidationError("不能提交：" + "；".join(problems) + "。请改正后再提交")
        evaluation.status, evaluation.stage, evaluation.approvers = Status.SUBMITTED, 0, []
        evaluation.submitted_by_id = user.pk
        if evaluation.task_id is None:
            evaluation.task = task_for(evaluation)
        if evaluation.task_id is not None and evaluation.task is not None:
            evaluation.chain = list(evaluation.task.chain)
    elif action == "withdraw":
        evaluation.status, evaluation.stage, evaluation.approvers = Status.DRAFT, 0, []
    elif action == "approve":
        if problems := approval_blockers(evaluation):
            raise ValidationError("不能通过：" + "；".join(problems))
        evaluation.approvers = [*evaluation.approvers, user.pk]
        evaluation.stage += 1
        if evaluation.stage >= len(evaluation.chain):
            evaluation.status = Status.APPROVED
    elif action in ("return", "reopen"):
        evaluation.status, evaluation.stage, evaluation.approvers = Status.RETURNED, 0, []
    else:
        raise PermissionDenied("未知操作")


def restore(evaluation: Evaluation, number: int, *, user: User) -> Assessment:
    """Save an earlier version's document as the newest version (nothing is lost)."""
    found = evaluation.versions.filter(number=number).first()
    if found is None:
        raise ValidationError(f"版本 {number} 不存在")
    return save_document(
        evaluation, document_from_data(found.document), user=user,
        action=Event.Action.RESTORE, comment=f"恢复到版本 {number}",
    )


def deactivate(evaluation: Evaluation, *, user: User, reason: str) -> None:
    """Take an evaluation out of lists and figures, keeping it and its whole history."""
    with transaction.atomic():
        current = _locked(evaluation.pk)
        current.is_active = False
        current.version += 1
        current.save(update_fields=["is_active", "version", "updated_at"])
        _event(current, user, Event.Action.DEACTIVATE, current.status, comment=reason)
        stats.refresh((current.unit_id, current.year))
