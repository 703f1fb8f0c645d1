"""Sign-in, the list, the editor with live scoring, saving with history."""

from __future__ import annotations

import json
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jixiao.web.editor import editor_form
from jixiao.web.models import Evaluation, Event
from jixiao.web.services import load
from jixiao.web.workflow import create_evaluation, save_document
from web.conftest import PASSWORD, Org, seed_parts


def editor_post(evaluation: Evaluation) -> dict[str, str]:
    """The form data the editor page would post for the stored document."""
    evaluation.refresh_from_db()
    form = editor_form(load(evaluation))
    data = {name: value for name, _, value in form.header}
    data |= {"version": str(evaluation.version), "funding-rows": "1", "indicator-rows": "1"}
    for n, line in enumerate(form.funding):
        data |= {f"f-{n}-{k}": str(v) for k, v in line.items() if k != "is_total"}
        if line["is_total"]:
            data[f"f-{n}-is_total"] = "on"
    for n, row in enumerate(form.indicators):
        data |= {f"i-{n}-{k}": str(v) for k, v in row.items()}
    return data


def test_login_page_and_sign_in(org: Org) -> None:
    client = Client()
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert "登录" in page.content.decode()
    response = client.post(reverse("login"), {"username": "filler_a", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("evaluation_list")


def test_pages_need_login(org: Org) -> None:
    response = Client().get(reverse("evaluation_list"))
    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("login"))


def test_list_shows_own_unit_only(
    org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    page = org.client("filler_a").get(reverse("evaluation_list")).content.decode()
    assert evaluation_a.name in page
    assert evaluation_b.name not in page
    page = org.client("finance").get(reverse("evaluation_list")).content.decode()
    assert evaluation_a.name in page and evaluation_b.name in page


def test_list_rows_escape_names_and_link_each_form(org: Org, evaluation_a: Evaluation) -> None:
    """The list's rows are built in Python: a hostile name stays text, each row links its
    form, the figures and the local time are as the page showed them before."""
    Evaluation.objects.filter(pk=evaluation_a.pk).update(name='<script>alert("x")</script>&')
    page = org.client("filler_a").get(reverse("evaluation_list")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;" in page
    assert f'<a href="{reverse("evaluation_edit", args=[evaluation_a.pk])}">' in page
    evaluation_a.refresh_from_db()
    shown = timezone.localtime(evaluation_a.updated_at).strftime("%Y-%m-%d %H:%M")
    assert f'<td class="num">{evaluation_a.computed_total}</td>' in page and shown in page
    Evaluation.objects.update(is_active=False)
    assert "没有评价表。" in org.client("filler_a").get(reverse("evaluation_list")).content.decode()


def test_editor_rows_keep_every_value_as_text(org: Org, evaluation_a: Evaluation) -> None:
    """The editor's indicator rows are built in Python: a quote or a tag in a cell stays in
    its input's value, each row numbered, with its recomputed score beside it."""
    document = evaluation_a.document
    document["forms"][0]["indicators"][0]["name"] = '"><b>x</b>'
    Evaluation.objects.filter(pk=evaluation_a.pk).update(document=document)
    page = org.client("filler_a").get(
        reverse("evaluation_edit", args=[evaluation_a.pk])).content.decode()
    assert "<b>x</b>" not in page
    assert 'name="i-0-name" value="&quot;&gt;&lt;b&gt;x&lt;/b&gt;"' in page
    rows = len(document["forms"][0]["indicators"])
    assert f'name="i-{rows - 1}-claimed_score"' in page and f'name="i-{rows}-name"' not in page
    score = evaluation_a.result["indicators"][0]["computed_score"]
    assert '<td class="computed c-score" title="' in page and f">{score}</td>" in page


def test_stored_evaluation_has_scores_and_findings(evaluation_a: Evaluation) -> None:
    assert evaluation_a.computed_total == Decimal("99.84")
    assert evaluation_a.form_type == "project_self_evaluation"
    assert evaluation_a.year == 2024
    # 6.03 / 6 = 100.50%, printed 100.54%: an error the auditor must report
    assert evaluation_a.findings.filter(code="JX208", severity="error").count() == 1
    assert evaluation_a.error_count == 1
    assert evaluation_a.events.get().action == Event.Action.CREATE


def test_editor_shows_scores(org: Org, evaluation_a: Evaluation) -> None:
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[evaluation_a.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "99.84" in text and "就业培训数据维护数量" in text
    assert 'id="editor"' in text and "editor.js" in text


def test_live_scoring_follows_an_edit(org: Org, evaluation_a: Evaluation) -> None:
    data = editor_post(evaluation_a)
    data["i-0-actual"] = "=0"  # nothing done: the first indicator's score drops to 0
    response = org.client("filler_a").post(reverse("evaluation_live", args=[evaluation_a.pk]), data)
    payload = json.loads(response.content)
    assert payload["ok"] is True
    first = payload["form"]["indicators"][0]
    assert Decimal(first["computed_score"]) == 0
    assert Decimal(payload["form"]["computed_total"]) < Decimal("99.84")
    assert {"code", "message", "location"} <= set(payload["findings"][0])
    evaluation_a.refresh_from_db()
    assert evaluation_a.computed_total == Decimal("99.84")  # live preview does not save


def test_live_reports_bad_number(org: Org, evaluation_a: Evaluation) -> None:
    data = editor_post(evaluation_a) | {"i-1-weight": "十五"}
    payload = (
        org.client("filler_a").post(reverse("evaluation_live", args=[evaluation_a.pk]), data).json()
    )
    assert payload["ok"] is False
    assert "指标第2行「分值」" in payload["error"]


def test_save_records_changes(org: Org, evaluation_a: Evaluation) -> None:
    data = editor_post(evaluation_a)
    name = data["i-0-name"]
    data["i-0-actual"] = "=0"
    data["n-problems"] = "培训数据维护未完成。"
    client = org.client("filler_a")
    response = client.post(reverse("evaluation_edit", args=[evaluation_a.pk]), data)
    assert response.status_code == 302
    evaluation_a.refresh_from_db()
    assert evaluation_a.computed_total is not None
    assert evaluation_a.computed_total < Decimal("99.84")
    event = evaluation_a.events.first()
    assert event is not None and event.action == Event.Action.EDIT
    assert any(name in change and "实际完成值" in change for change in event.changes)
    assert "修改了文字「存在的问题及原因分析」" in event.changes


def test_hidden_fields_survive_an_edit(org: Org, evaluation_a: Evaluation) -> None:
    document = load(evaluation_a)
    indicator = document.forms[0].indicators[0].model_copy(update={"target_basis": "上年实际"})
    form = document.forms[0].model_copy(
        update={"indicators": [indicator, *document.forms[0].indicators[1:]]}
    )
    save_document(
        evaluation_a, document.model_copy(update={"forms": [form]}), user=None, action="edit"
    )
    data = editor_post(evaluation_a) | {"i-0-actual": "=13.2万条"}
    org.client("filler_a").post(reverse("evaluation_edit", args=[evaluation_a.pk]), data)
    evaluation_a.refresh_from_db()
    stored = load(evaluation_a).forms[0].indicators[0]
    assert stored.actual == "=13.2万条" and stored.target_basis == "上年实际"


def test_add_and_remove_rows(org: Org, evaluation_a: Evaluation) -> None:
    data = editor_post(evaluation_a)
    count = len(load(evaluation_a).forms[0].indicators)
    for key in [k for k in data if k.startswith("i-0-")]:
        del data[key]
    data |= {
        "i-900-level1": "产出指标",
        "i-900-name": "新指标",
        "i-900-weight": "5",
        "i-900-target": ">=10人",
        "i-900-actual": "12人",
        "i-900-orig": "",
    }
    org.client("filler_a").post(reverse("evaluation_edit", args=[evaluation_a.pk]), data)
    indicators = load(evaluation_a.__class__.objects.get(pk=evaluation_a.pk)).forms[0].indicators
    assert len(indicators) == count
    assert indicators[-1].name == "新指标"


def test_new_evaluation(org: Org) -> None:
    client = org.client("filler_a")
    response = client.post(
        reverse("evaluation_new"),
        {
            "unit": org.unit_a.pk,
            "form_type": "project_self_evaluation",
            "name": "新项目",
            "year": 2025,
            "province": "新疆",
        },
    )
    evaluation = Evaluation.objects.get(name="新项目")
    assert response.headers["Location"] == reverse("evaluation_edit", args=[evaluation.pk])
    assert evaluation.unit == org.unit_a and evaluation.pack_used == "xinjiang"


def test_new_evaluation_other_unit_refused(org: Org) -> None:
    response = org.client("filler_a").post(
        reverse("evaluation_new"),
        {
            "unit": org.unit_b.pk,
            "form_type": "project_self_evaluation",
            "name": "越权",
            "year": 2025,
        },
    )
    assert response.status_code == 200  # form error: unit not a choice
    assert not Evaluation.objects.filter(name="越权").exists()


def test_editor_of_imported_evaluation_without_user(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, seed_parts()[0], user=None)
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[evaluation.pk]))
    assert page.status_code == 200 and "系统" in page.content.decode()


def test_moving_a_department_moves_its_units(org: Org, evaluation_a: Evaluation) -> None:
    org.dept_a.parent = org.dept_b
    org.dept_a.save()
    org.unit_a.refresh_from_db()
    assert org.unit_a.path.startswith(org.dept_b.path)
    page = org.client("filler_b").get(reverse("evaluation_edit", args=[evaluation_a.pk]))
    assert page.status_code == 404  # a unit's own staff still see only their unit
