"""The JSON API: same operations, same scoping (unit A cannot read or change unit B)."""

from __future__ import annotations

import base64
from decimal import Decimal
from pathlib import Path

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jixiao.web.models import Evaluation, Status
from jixiao.web.services import document_data
from jixiao.web.workflow import transition
from web.conftest import PASSWORD, Org, seed_parts


def basic(username: str, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def test_openapi_docs_are_local(org: Org) -> None:
    client = org.client("filler_a")
    schema = client.get("/api/openapi.json").json()
    assert "/api/evaluations/{pk}" in schema["paths"]
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_needs_authentication(org: Org) -> None:
    assert Client().get("/api/evaluations").status_code == 401


def test_list_and_detail_are_scoped(
    org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    client = Client()
    rows = client.get("/api/evaluations", **basic("filler_a")).json()
    assert [row["id"] for row in rows] == [evaluation_a.pk]
    detail = client.get(f"/api/evaluations/{evaluation_a.pk}", **basic("filler_a")).json()
    assert Decimal(detail["computed_total"]) == Decimal("99.84")
    assert {f["code"] for f in detail["findings"]} >= {"JX208"}
    assert detail["allowed_actions"] == ["edit", "restore", "submit"]
    assert client.get(f"/api/evaluations/{evaluation_b.pk}", **basic("filler_a")).status_code == 404
    finance = client.get("/api/evaluations", **basic("finance")).json()
    assert {row["id"] for row in finance} == {evaluation_a.pk, evaluation_b.pk}


def test_other_unit_cannot_change_by_api(org: Org, evaluation_b: Evaluation) -> None:
    client = Client()
    url = f"/api/evaluations/{evaluation_b.pk}"
    document = dict(evaluation_b.document) | {"title": "被篡改"}
    assert (
        client.put(
            url, {"document": document, "version": evaluation_b.version},
            content_type="application/json", **basic("filler_a"),
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"{url}/transition",
            {"action": "submit"},
            content_type="application/json",
            **basic("filler_a"),
        ).status_code
        == 404
    )
    assert client.get(f"{url}/history", **basic("filler_a")).status_code == 404
    assert client.get(f"{url}/export/json", **basic("filler_a")).status_code == 404
    created = client.post(
        "/api/evaluations",
        {"unit_id": org.unit_b.pk, "document": document},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert created.status_code == 403
    evaluation_b.refresh_from_db()
    assert evaluation_b.document.get("title") != "被篡改"


def test_create_update_preview_and_workflow(org: Org) -> None:
    client = Client()
    part = next(p for p in seed_parts() if p.forms[0].name == "就业工作经费")
    response = client.post(
        "/api/evaluations",
        {"unit_id": org.unit_a.pk, "document": document_data(part)},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert response.status_code == 201
    created = response.json()
    pk = created["id"]
    document = created["document"]
    document["forms"][0]["indicators"][0]["actual"] = "=0"
    preview = client.post(
        f"/api/evaluations/{pk}/preview",
        {"document": document},
        content_type="application/json",
        **basic("filler_a"),
    ).json()
    assert Decimal(preview["form"]["indicators"][0]["computed_score"]) == 0
    updated = client.put(
        f"/api/evaluations/{pk}",
        {"document": document, "version": created["version"]},
        content_type="application/json",
        **basic("filler_a"),
    ).json()
    assert Decimal(updated["computed_total"]) < Decimal("99.84")
    bad = dict(document) | {"forms": [{"type": "没有这种表"}]}
    error = client.put(
        f"/api/evaluations/{pk}",
        {"document": bad, "version": updated["version"]},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert error.status_code == 422 and error.json()["code"] == "E202"

    def move(user: str, action: str, comment: str = "") -> int:
        return client.post(
            f"/api/evaluations/{pk}/transition",
            {"action": action, "comment": comment},
            content_type="application/json",
            **basic(user),
        ).status_code

    assert move("filler_a", "approve") == 403
    assert move("filler_a", "submit") == 200
    assert move("dept_a", "return", "补充佐证") == 403  # waits for 单位审核 first
    assert move("reviewer_a", "return") == 422  # a comment is required
    assert move("reviewer_a", "return", "补充佐证") == 200
    assert move("filler_a", "submit") == 200
    assert move("reviewer_a", "approve", "同意") == 422  # JX208 is still an open error
    assert Evaluation.objects.get(pk=pk).status == Status.SUBMITTED
    history = client.get(f"/api/evaluations/{pk}/history", **basic("filler_a")).json()
    assert [h["action"] for h in history] == ["submit", "return", "submit", "edit", "create"]
    assert history[0]["user"] == "filler_a"
    assert any("实际完成值" in c for c in history[3]["changes"])


def test_session_api_needs_csrf(org: Org, evaluation_a: Evaluation) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.users["filler_a"])
    assert client.get("/api/me").json()["role"] == "filler"
    response = client.post(
        f"/api/evaluations/{evaluation_a.pk}/transition",
        {"action": "submit"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_basic_auth_is_throttled(org: Org) -> None:
    cache.clear()
    client = Client()
    for _ in range(5):
        assert client.get("/api/me", **basic("filler_a", "wrong")).status_code == 401
    assert client.get("/api/me", **basic("filler_a")).status_code == 401
    cache.clear()


def test_import_by_api(org: Org, seed_file: Path) -> None:
    client = Client()
    upload = SimpleUploadedFile(seed_file.name, seed_file.read_bytes())
    response = client.post(
        "/api/imports", {"unit_id": org.unit_a.pk, "files": [upload]}, **basic("filler_a")
    )
    assert response.status_code == 201, response.content
    batch = response.json()
    assert batch["state"] == "done" and len(batch["items"]) == 17
    chosen = [item["id"] for item in batch["items"][:3]]
    accepted = client.post(
        f"/api/imports/{batch['id']}/accept",
        {"items": chosen},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert len(accepted.json()) == 3
    assert client.get(f"/api/imports/{batch['id']}", **basic("filler_b")).status_code == 404


def test_dashboard_by_api(org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation) -> None:
    transition(evaluation_a, user=org.users["filler_a"], action="submit")
    data = Client().get("/api/dashboard", **basic("finance")).json()
    assert data["count"] == 2 and any(c["code"] == "JX208" for c in data["codes"])
    own = Client().get("/api/dashboard", **basic("filler_a")).json()
    assert own["count"] == 1
