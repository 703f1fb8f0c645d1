"""Review workflow: draft → submitted → returned with comments → resubmitted → approved."""

from __future__ import annotations

from django.urls import reverse

from jixiao.web.models import Evaluation, Event, Status
from web.conftest import Org


def review(org: Org, username: str, evaluation: Evaluation, action: str, comment: str = "") -> None:
    response = org.client(username).post(
        reverse("evaluation_review", args=[evaluation.pk]), {"action": action, "comment": comment}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    evaluation.refresh_from_db()


def test_submit_return_resubmit_approve(org: Org, evaluation_a: Evaluation) -> None:
    review(org, "filler_a", evaluation_a, "submit")
    assert evaluation_a.status == Status.SUBMITTED
    review(org, "dept_a", evaluation_a, "return", "请补充偏差原因")
    assert evaluation_a.status == Status.RETURNED
    review(org, "filler_a", evaluation_a, "submit")
    review(org, "finance", evaluation_a, "approve", "同意")
    assert evaluation_a.status == Status.APPROVED
    history = list(
        evaluation_a.events.order_by("id").values_list("action", "user__username", "comment")
    )
    assert history == [
        (Event.Action.CREATE, "filler_a", ""),
        (Event.Action.SUBMIT, "filler_a", ""),
        (Event.Action.RETURN, "dept_a", "请补充偏差原因"),
        (Event.Action.SUBMIT, "filler_a", ""),
        (Event.Action.APPROVE, "finance", "同意"),
    ]
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[evaluation_a.pk]))
    assert "请补充偏差原因" in page.content.decode()


def test_return_needs_a_comment(org: Org, evaluation_a: Evaluation) -> None:
    review(org, "filler_a", evaluation_a, "submit")
    review(org, "reviewer_a", evaluation_a, "return", "")
    assert evaluation_a.status == Status.SUBMITTED


def test_approved_cannot_be_submitted_again(org: Org, evaluation_a: Evaluation) -> None:
    review(org, "filler_a", evaluation_a, "submit")
    review(org, "reviewer_a", evaluation_a, "approve")
    response = org.client("filler_a").post(
        reverse("evaluation_review", args=[evaluation_a.pk]), {"action": "submit"}
    )
    assert response.status_code == 403
