"""The shapes of the JSON API's requests and replies (OpenAPI schemas of :mod:`jixiao.web.api`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Schema


class Me(Schema):
    username: str
    role: str | None
    role_label: str | None
    unit_id: int | None
    unit: str | None


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    parent_id: int | None


class EvaluationSummary(Schema):
    id: int
    unit_id: int
    unit: str
    year: int | None
    form_type: str
    name: str
    status: str
    pack: str
    pack_used: str
    computed_total: Decimal | None
    claimed_total: Decimal | None
    grade: str
    execution_rate: Decimal | None
    error_count: int
    warning_count: int
    info_count: int
    updated_at: datetime
    version: int
    stage: int
    chain: list[str]


class FindingOut(Schema):
    code: str
    severity: str
    title: str
    message: str
    location: str
    form_index: int | None
    indicator_index: int | None
    claimed: str
    expected: str


class EvaluationDetail(EvaluationSummary):
    document: dict[str, Any]
    result: dict[str, Any]
    findings: list[FindingOut]
    allowed_actions: list[str]


class EvaluationIn(Schema):
    unit_id: int
    document: dict[str, Any]
    pack: str = "auto"


class DocumentIn(Schema):
    document: dict[str, Any]
    version: int


class PreviewIn(Schema):
    document: dict[str, Any] | None = None


class TransitionIn(Schema):
    action: Literal["submit", "withdraw", "return", "approve", "reopen"]
    comment: str = ""
    version: int | None = None


class RestoreIn(Schema):
    number: int


class EventOut(Schema):
    id: int
    user: str | None
    action: str
    from_status: str
    to_status: str
    comment: str
    changes: list[str]
    created_at: datetime


class ImportItemOut(Schema):
    id: int
    filename: str
    form_type: str
    name: str
    indicator_count: int
    computed_total: Decimal | None
    error_count: int
    warning_count: int
    error: str
    evaluation_id: int | None
    findings: list[dict[str, Any]]


class ImportOut(Schema):
    id: int
    unit_id: int
    state: str
    total: int
    processed: int
    items: list[ImportItemOut]


class AcceptIn(Schema):
    items: list[int]
