"""Numbers a bureau can rely on (issue 14, defects 1, 2, 5, 6 and 7): packs only by name,
no document-chosen rule kinds, unit mismatches found, nothing lost by partial posts or
deletions, formula-safe Excel, throttled admin sign-in, token clients without CSRF,
dashboard averages over reported forms within full marks."""

from __future__ import annotations

import base64
import io
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from jixiao.audit.framework import Location
from jixiao.web import stats, tokens
from jixiao.web.models import Evaluation, Event, Status, Version
from jixiao.web.services import document_data, load, location_text
from jixiao.web.workflow import create_evaluation, transition
from web.conftest import PASSWORD, Org, clean_part, seed_parts


def basic(username: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


# Defect 1: the pack is a registered name, never a path opened on the server.
@pytest.mark.parametrize(
    "pack",
    [
        "/etc/passwd",
        str(settings.DATABASES["default"]["NAME"]),
        "../../src/jixiao/rules/packs/national.yaml",
        "national.yaml",
    ],
    ids=["system-file", "database-file", "relative-path", "file-name"],  # stable under xdist
)
def test_pack_paths_are_refused(org: Org, pack: str) -> None:
    response = Client().post(
        "/api/evaluations",
        {"unit_id": org.unit_a.pk, "document": document_data(clean_part()), "pack": pack},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert response.status_code == 422
    assert response.json()["code"] == "E304" and "登记" in response.json()["message"]
    assert not Evaluation.objects.exists()
    assert Client().get("/api/evaluations", **basic("filler_a")).status_code == 200


def test_registered_pack_by_name_works(org: Org) -> None:
    response = Client().post(
        "/api/evaluations",
        {"unit_id": org.unit_a.pk, "document": document_data(clean_part()), "pack": "xinjiang"},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert response.status_code == 201 and response.json()["pack_used"] == "xinjiang"
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[response.json()["id"]]))
    assert "新疆" in page.content.decode()  # the pack's Chinese title, not only its pinyin


# Defect 2: the document never chooses its own rule.
def _all_failed_with_judgement() -> dict[str, Any]:
    data = document_data(clean_part())
    for item in data["forms"][0]["indicators"]:
        item["actual"] = "未完成"
        item["rule_kind"] = "judgement"
        item["rule_params"] = {"low": 0}
        item["claimed_score"] = item.get("weight")
    return data


def test_rule_kind_in_api_document_is_ignored(org: Org) -> None:
    data = _all_failed_with_judgement()
    response = Client().post(
        "/api/evaluations",
        {"unit_id": org.unit_a.pk, "document": data},
        content_type="application/json",
        **basic("filler_a"),
    )
    assert response.status_code == 201
    evaluation = Evaluation.objects.get(pk=response.json()["id"])
    assert evaluation.computed_total is not None and evaluation.computed_total < Decimal(60)
    stored = evaluation.document["forms"][0]["indicators"]
    assert not any(item.get("rule_kind") for item in stored)
    event = evaluation.events.get()
    assert any("评分规则种类已忽略" in change for change in event.changes)


def test_rule_kind_in_imported_yaml_is_ignored(org: Org) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao.model.io import document_from_data, dump_yaml

    text = dump_yaml(document_from_data(_all_failed_with_judgement()))
    assert "rule_kind: judgement" in text
    upload = SimpleUploadedFile("自评.yaml", text.encode())
    client = Client()
    batch = client.post(
        "/api/imports", {"unit_id": org.unit_a.pk, "files": [upload]}, **basic("filler_a")
    ).json()
    accepted = client.post(
        f"/api/imports/{batch['id']}/accept",
        {"items": [batch["items"][0]["id"]]},
        content_type="application/json",
        **basic("filler_a"),
    ).json()
    evaluation = Evaluation.objects.get(pk=accepted[0]["id"])
    assert evaluation.computed_total is not None and evaluation.computed_total < Decimal(60)


def test_unit_mismatch_is_a_finding(org: Org) -> None:
    data = document_data(clean_part())
    item = data["forms"][0]["indicators"][0]
    item["target"], item["actual"] = ">=2场", "=0万人次"
    item["claimed_score"] = item["weight"]
    evaluation = create_evaluation(
        org.unit_a, load_document_data(data), user=org.users["filler_a"]
    )
    finding = evaluation.findings.get(code="JX414")
    assert "万人次" in finding.message and "场" in finding.message


def load_document_data(data: dict[str, Any]) -> Any:
    from jixiao.model.io import document_from_data

    return document_from_data(data)


# Defect 5: partial posts, versions, deactivation, deleted users.
def test_post_with_only_the_name_keeps_indicators_and_funding(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    before = load(evaluation).forms[0]
    response = org.client("filler_a").post(
        reverse("evaluation_edit", args=[evaluation.pk]),
        {"name": "新名称", "version": evaluation.version},
    )
    assert response.status_code == 302
    after = load(Evaluation.objects.get(pk=evaluation.pk)).forms[0]
    assert after.name == "新名称"
    assert after.indicators == before.indicators and after.funding == before.funding


def test_every_version_is_kept_and_restorable(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    first = evaluation.version
    client = org.client("filler_a")
    client.post(
        reverse("evaluation_edit", args=[evaluation.pk]),
        {"version": first, "indicator-rows": "1"},  # every indicator removed
    )
    evaluation.refresh_from_db()
    assert load(evaluation).forms[0].indicators == []
    assert list(evaluation.versions.values_list("number", flat=True)) == [first + 1, first]
    response = client.post(reverse("evaluation_restore", args=[evaluation.pk]), {"number": first})
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert load(evaluation).forms[0].indicators == clean_part().forms[0].indicators
    assert evaluation.versions.count() == 3
    assert evaluation.events.filter(action=Event.Action.RESTORE).exists()


def test_evaluations_are_deactivated_never_deleted(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    with pytest.raises(ProtectedError):
        evaluation.delete()
    admin = org.client("admin")
    change_list = reverse("admin:jixiao_evaluation_changelist")
    response = admin.post(
        change_list, {"action": "delete_selected", "_selected_action": [evaluation.pk]}
    )
    assert Evaluation.objects.filter(pk=evaluation.pk).exists()
    response = admin.post(
        change_list, {"action": "deactivate", "_selected_action": [evaluation.pk]}
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert not evaluation.is_active and evaluation.events.count() == 2
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[evaluation.pk]))
    assert page.status_code == 404


def test_users_are_deactivated_and_deleted_users_keep_their_name(org: Org) -> None:
    filler = org.users["filler_a"]
    admin = org.client("admin")
    response = admin.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [filler.pk], "post": "yes"},
    )
    assert User.objects.filter(pk=filler.pk).exists()
    evaluation = create_evaluation(org.unit_a, clean_part(), user=filler)
    filler.delete()  # even if a database administrator deletes the row
    page = org.client("finance").get(reverse("evaluation_edit", args=[evaluation.pk]))
    history = page.content.decode().split("操作记录", 1)[1]
    assert "filler_a" in history and "系统" not in history
    assert response.status_code in (200, 302)
    assert Version.objects.filter(evaluation=evaluation).get().user_name == "filler_a"


# Defect 6: Excel, admin throttling, API clients without CSRF.
def test_summary_excel_never_writes_formulas(org: Org) -> None:
    part = clean_part()
    form = part.forms[0].model_copy(update={"name": "=HYPERLINK(\"http://x\",\"点我\")"})
    evaluation = create_evaluation(
        org.unit_a, part.model_copy(update={"forms": [form]}), user=org.users["filler_a"]
    )
    transition(evaluation, user=org.users["filler_a"], action="submit")
    response = org.client("finance").get(reverse("summary_export"))
    sheet = load_workbook(io.BytesIO(response.content))["评价表"]
    cell = next(c for row in sheet.iter_rows(min_row=2) for c in row if c.column == 5)
    assert cell.value == form.name and cell.data_type == "s" and cell.quotePrefix


def test_admin_login_is_throttled(org: Org) -> None:
    client = Client()
    url = reverse("admin_login")
    for _ in range(5):
        client.post(url, {"username": "admin", "password": "wrong"})
    response = client.post(url, {"username": "admin", "password": PASSWORD})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()


def test_token_and_basic_writes_need_no_csrf(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    token = tokens.create(org.users["filler_a"], "脚本")
    client = Client(enforce_csrf_checks=True)
    url = f"/api/evaluations/{evaluation.pk}"
    body = {"document": evaluation.document, "version": evaluation.version}
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.put(url, body, content_type="application/json", **bearer)
    assert response.status_code == 200, response.content
    body["version"] = response.json()["version"]
    response = client.put(url, body, content_type="application/json", **basic("filler_a"))
    assert response.status_code == 200, response.content
    assert client.get("/api/me", HTTP_AUTHORIZATION="Bearer jx_wrong").status_code == 401


def test_stale_api_save_is_refused_with_changes(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    url = f"/api/evaluations/{evaluation.pk}"
    first = dict(evaluation.document)
    first["forms"] = [dict(first["forms"][0]) | {"name": "甲改的名称"}]
    client = Client()
    ok = client.put(url, {"document": first, "version": evaluation.version},
                    content_type="application/json", **basic("filler_a"))
    assert ok.status_code == 200
    stale = client.put(url, {"document": evaluation.document, "version": evaluation.version},
                       content_type="application/json", **basic("reviewer_a"))
    assert stale.status_code == 409
    assert any("甲改的名称" in change for change in stale.json()["changes"])
    assert Evaluation.objects.get(pk=evaluation.pk).name == "甲改的名称"


# Defect 7: averages over reported forms, within full marks.
def test_dashboard_average_excludes_drafts_and_out_of_range(org: Org) -> None:
    reported = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    transition(reported, user=org.users["filler_a"], action="submit")
    create_evaluation(org.unit_a, seed_parts()[3], user=org.users["filler_a"])  # a draft
    part = clean_part()
    form = part.forms[0]
    many = [item.model_copy(update={"name": f"指标{n}"}) for n in range(40) for item in
            form.indicators[:1]]
    swollen = create_evaluation(
        org.unit_b,
        part.model_copy(update={"forms": [form.model_copy(update={"indicators": many})]}),
        user=org.users["filler_b"],
    )
    assert swollen.computed_total is not None and swollen.computed_total > 100
    # such a form can no longer be submitted; one reported before that rule still is
    Evaluation.objects.filter(pk=swollen.pk).update(status=Status.SUBMITTED)
    stats.refresh((swollen.unit_id, swollen.year))
    data = Client().get("/api/dashboard", **basic("finance")).json()
    assert Decimal(data["average"]) == reported.computed_total
    assert data["count"] == 3 and data["scored"] == 1 and data["out_of_range"] == 1
    page = org.client("finance").get(reverse("dashboard")).content.decode()
    assert "乙单位" in page  # listed, with its submitted form


def test_findings_name_fields_in_chinese(org: Org) -> None:
    """Issue 14, defect 9: findings showed field names ("字段 deviation_note")."""
    where = location_text(Location(form_index=0, indicator_index=2, indicator_name="培训人次",
                                   field="deviation_note"))
    assert "偏差原因分析及改进措施" in where and "deviation_note" not in where
    assert "字段" not in where
