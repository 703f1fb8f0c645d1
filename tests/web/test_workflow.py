"""Review workflow: the chain 单位审核 → 主管部门 → 财政, segregation of duties, 撤回, reopening,
returned opinions at the top, approval refused with open errors, submission and approval
refused with totals above full marks."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from jixiao.web.models import Evaluation, Event, Role, Status
from jixiao.web.workflow import create_evaluation
from web.conftest import Org, make_user, seed_parts


def review(org: Org, username: str, evaluation: Evaluation, action: str, comment: str = "") -> int:
    response = org.client(username).post(
        reverse("evaluation_review", args=[evaluation.pk]), {"action": action, "comment": comment}
    )
    evaluation.refresh_from_db()
    return response.status_code


def test_three_level_chain_then_reopen(org: Org, clean_a: Evaluation) -> None:
    assert review(org, "filler_a", clean_a, "submit") == 302
    assert review(org, "finance", clean_a, "approve") == 403  # 单位审核 comes first
    assert review(org, "dept_a", clean_a, "approve") == 403
    assert review(org, "reviewer_a", clean_a, "approve", "单位同意") == 302
    assert (clean_a.status, clean_a.stage) == (Status.SUBMITTED, 1)
    assert review(org, "reviewer_a", clean_a, "approve") == 403  # not twice
    assert review(org, "dept_a", clean_a, "approve", "部门同意") == 302
    assert review(org, "finance", clean_a, "approve", "财政同意") == 302
    assert clean_a.status == Status.APPROVED
    levels = list(
        clean_a.events.filter(action=Event.Action.APPROVE).order_by("id").values_list("level")
    )
    assert levels == [("unit",), ("department",), ("finance",)]
    # reopening: only the top level, and only with a reason
    assert review(org, "reviewer_a", clean_a, "reopen", "理由") == 403
    assert review(org, "finance", clean_a, "reopen", "") == 302
    assert clean_a.status == Status.APPROVED
    assert review(org, "finance", clean_a, "reopen", "抽查发现目标值偏低") == 302
    assert clean_a.status == Status.RETURNED
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[clean_a.pk]))
    text = page.content.decode()
    top = text.index('id="return-comment"')
    assert "抽查发现目标值偏低" in text[top : top + 400]
    assert top < text.index('id="editor"')  # the opinion comes before the form


def test_submitter_never_approves(org: Org) -> None:
    """A unit reviewer who edits and submits his own form cannot pass it; nor can the
    bureau pass a form it wrote itself."""
    part = next(p for p in seed_parts() if p.forms[0].name == "援疆工作经费")
    own = create_evaluation(org.unit_a, part, user=org.users["reviewer_a"])
    assert review(org, "reviewer_a", own, "submit") == 302
    assert review(org, "reviewer_a", own, "approve") == 403
    org.users["reviewer_a2"] = make_user("reviewer_a2", org.unit_a, Role.UNIT_REVIEWER)
    assert review(org, "reviewer_a2", own, "approve") == 302
    assert own.stage == 1
    bureau = create_evaluation(org.unit_a, part, user=org.users["finance"])
    assert review(org, "finance", bureau, "submit") == 302
    assert review(org, "reviewer_a", bureau, "approve") == 302
    assert review(org, "dept_a", bureau, "approve") == 302
    assert review(org, "finance", bureau, "approve") == 403  # wrote and submitted it
    assert review(org, "admin", bureau, "approve") == 302
    assert bureau.status == Status.APPROVED


def test_withdraw_before_review_only(org: Org, clean_a: Evaluation) -> None:
    assert review(org, "filler_a", clean_a, "submit") == 302
    assert review(org, "filler_a", clean_a, "withdraw") == 302
    assert clean_a.status == Status.DRAFT
    assert review(org, "filler_a", clean_a, "submit") == 302
    assert review(org, "reviewer_a", clean_a, "approve") == 302
    assert review(org, "filler_a", clean_a, "withdraw") == 403  # review has begun
    assert clean_a.status == Status.SUBMITTED


def test_return_needs_a_comment(org: Org, clean_a: Evaluation) -> None:
    review(org, "filler_a", clean_a, "submit")
    review(org, "reviewer_a", clean_a, "return", "")
    assert clean_a.status == Status.SUBMITTED


def test_approval_refused_with_open_errors(org: Org, evaluation_a: Evaluation) -> None:
    assert evaluation_a.error_count == 1  # JX208
    review(org, "filler_a", evaluation_a, "submit")
    page = org.client("reviewer_a").get(reverse("evaluation_edit", args=[evaluation_a.pk]))
    assert "暂不能通过" in page.content.decode()
    assert review(org, "reviewer_a", evaluation_a, "approve") == 302
    assert (evaluation_a.status, evaluation_a.stage) == (Status.SUBMITTED, 0)


def test_submission_refused_above_full_marks(org: Org) -> None:
    """A total above full marks cannot be submitted, by the page or the API; the filler is
    told why before trying, and the form stays a draft he can correct."""
    part = next(p for p in seed_parts() if p.forms[0].name == "援疆工作经费")
    form = part.forms[0]
    extra = form.indicators[0].model_copy(update={"name": "多出的指标", "weight": Decimal(5)})
    swollen = part.model_copy(
        update={"forms": [form.model_copy(update={"indicators": [*form.indicators, extra]})]}
    )
    evaluation = create_evaluation(org.unit_a, swollen, user=org.users["filler_a"])
    assert evaluation.total_weight is not None and evaluation.total_weight > 100
    filler = org.client("filler_a")
    page = filler.get(reverse("evaluation_edit", args=[evaluation.pk])).content.decode()
    assert "暂不能提交" in page and "超过满分" in page
    answer = filler.post(
        reverse("evaluation_review", args=[evaluation.pk]), {"action": "submit"}, follow=True
    )
    assert "不能提交" in answer.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.status == Status.DRAFT
    api = org.client("filler_a").post(
        f"/api/evaluations/{evaluation.pk}/transition",
        {"action": "submit"},
        content_type="application/json",
    )
    assert api.status_code == 422 and "超过满分" in api.json()["detail"]
    assert not evaluation.events.filter(action=Event.Action.SUBMIT).exists()
    # nor can a reviewer pass it if it got through before this rule
    Evaluation.objects.filter(pk=evaluation.pk).update(status=Status.SUBMITTED)
    evaluation.refresh_from_db()
    review(org, "reviewer_a", evaluation, "approve")
    assert evaluation.stage == 0 and evaluation.status == Status.SUBMITTED


def test_read_only_view_has_no_edit_buttons(org: Org, clean_a: Evaluation) -> None:
    review(org, "filler_a", clean_a, "submit")
    text = org.client("dept_a").get(reverse("evaluation_edit", args=[clean_a.pk])).content.decode()
    assert "添加指标" not in text and "删除此行" not in text and "恢复此版本" not in text
    assert 'class="savebar"' not in text
