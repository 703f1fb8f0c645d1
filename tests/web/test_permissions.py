"""A user of unit A can neither read nor change unit B, by page URL or by download."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao.web.models import Evaluation, Status
from web.conftest import Org
from web.test_pages import editor_post

READ_PAGES = ["evaluation_edit", "evaluation_findings"]


@pytest.mark.parametrize("page", READ_PAGES)
def test_other_unit_is_not_found(org: Org, evaluation_b: Evaluation, page: str) -> None:
    response = org.client("filler_a").get(reverse(page, args=[evaluation_b.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_other_unit_cannot_download(org: Org, evaluation_b: Evaluation, fmt: str) -> None:
    url = reverse("evaluation_export", args=[evaluation_b.pk, fmt])
    assert org.client("filler_a").get(url).status_code == 404
    assert org.client("filler_b").get(url).status_code == 200


def test_other_unit_cannot_change(
    org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    client = org.client("filler_a")
    data = editor_post(evaluation_b) | {"name": "被篡改"}
    for name in ("evaluation_edit", "evaluation_live", "evaluation_review", "evidence_upload"):
        response = client.post(reverse(name, args=[evaluation_b.pk]), data | {"action": "submit"})
        assert response.status_code == 404, name
    evaluation_b.refresh_from_db()
    assert evaluation_b.name != "被篡改" and evaluation_b.status == Status.DRAFT


def test_department_sees_its_subtree_only(
    org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    client = org.client("dept_a")
    assert client.get(reverse("evaluation_edit", args=[evaluation_a.pk])).status_code == 200
    assert client.get(reverse("evaluation_edit", args=[evaluation_b.pk])).status_code == 404
    assert client.get(reverse("dashboard_unit", args=[org.unit_b.pk])).status_code == 404


def test_reviewer_cannot_edit_and_filler_cannot_approve(org: Org, evaluation_a: Evaluation) -> None:
    data = editor_post(evaluation_a) | {"name": "审核人改的"}
    assert (
        org.client("dept_a")
        .post(reverse("evaluation_edit", args=[evaluation_a.pk]), data)
        .status_code
        == 403
    )
    evaluation_a.status = Status.SUBMITTED
    evaluation_a.save()
    response = org.client("filler_a").post(
        reverse("evaluation_review", args=[evaluation_a.pk]), {"action": "approve"}
    )
    assert response.status_code == 403
    evaluation_a.refresh_from_db()
    assert evaluation_a.status == Status.SUBMITTED


def test_submitted_evaluation_is_locked(org: Org, evaluation_a: Evaluation) -> None:
    evaluation_a.status = Status.SUBMITTED
    evaluation_a.save()
    data = editor_post(evaluation_a)
    response = org.client("filler_a").post(reverse("evaluation_edit", args=[evaluation_a.pk]), data)
    assert response.status_code == 403


def test_user_without_profile_sees_nothing(org: Org, evaluation_a: Evaluation) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.create_user("nobody", password="x-long-password-1"))
    assert evaluation_a.name not in client.get(reverse("evaluation_list")).content.decode()
    assert client.get(reverse("evaluation_edit", args=[evaluation_a.pk])).status_code == 404
    assert client.get(reverse("evaluation_new")).status_code == 403


def test_evidence_is_private(org: Org, evaluation_a: Evaluation) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = org.client("filler_a")
    upload = SimpleUploadedFile("佐证 材料.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(reverse("evidence_upload", args=[evaluation_a.pk]), {"file": upload})
    evidence = evaluation_a.evidence.get()
    assert evidence.original_name == "佐证 材料.pdf"
    url = reverse("evidence_download", args=[evaluation_a.pk, evidence.pk])
    assert client.get(url).status_code == 200
    assert org.client("filler_b").get(url).status_code == 404
