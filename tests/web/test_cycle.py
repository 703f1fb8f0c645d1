"""The budget cycle on the web: a bureau asks for declarations and monitoring forms as tasks
in the same review chain; a declaration is shown as the form it is; each form of a project
shows the project's other forms across the cycle and the findings between them."""

from __future__ import annotations

from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jixiao.model.io import load_document
from jixiao.web.models import Evaluation, Status, Task
from jixiao.web.services import split_document
from jixiao.web.workflow import create_evaluation, transition
from web.conftest import Org

CHECKS = Path(__file__).resolve().parents[1] / "fixtures" / "checks"


def _project(org: Org) -> tuple[Evaluation, Evaluation, Evaluation]:
    """A 2024 declaration and self-evaluation (one file: the target was lowered) and the
    monitoring form of the same project (another file), each a form to review in unit A."""
    declaration, evaluation = (
        create_evaluation(org.unit_a, part, user=org.users["filler_a"])
        for part in split_document(load_document(CHECKS / "JX831/fail.yaml"))
    )
    monitoring = load_document(CHECKS / "JX833/fail.yaml")
    watched = create_evaluation(org.unit_a, split_document(monitoring)[0],
                                user=org.users["filler_a"])  # fmt: skip
    return declaration, watched, evaluation


def test_a_declaration_task_runs_the_review_chain(org: Org) -> None:
    response = org.client("finance").post(reverse("task_list"), {
        "name": "2024年度项目绩效目标申报", "year": "2024", "form_type": "target_declaration",
        "deadline": "2030-01-31", "chain": ["unit", "department", "finance"], "note": "",
    })  # fmt: skip
    assert response.status_code == 302
    task = Task.objects.get()
    declaration, watched, evaluation = _project(org)
    assert declaration.form_type == "target_declaration" and declaration.task_id == task.pk
    assert evaluation.task_id is None and watched.task_id is None  # other kinds of form
    transition(declaration, user=org.users["filler_a"], action="submit")
    for reviewer in ("reviewer_a", "dept_a", "finance"):
        declaration.refresh_from_db()
        transition(declaration, user=org.users[reviewer], action="approve")
    declaration.refresh_from_db()
    assert declaration.status == Status.APPROVED
    page = org.client("finance").get(reverse("task_progress", args=[task.pk])).content.decode()
    assert "已通过" in page or "已报送" in page


def test_a_declaration_is_shown_as_its_form_without_an_editor(org: Org) -> None:
    declaration, _, _ = _project(org)
    page = org.client("filler_a").get(reverse("evaluation_edit", args=[declaration.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'id="cycle-form"' in text and "项目支出绩效目标申报表" in text
    assert "&gt;=120公里" in text and 'class="num">800.00<' in text
    assert 'id="editor"' not in text  # a declaration is corrected in its file, not here
    download = org.client("filler_a").get(
        reverse("evaluation_export", args=[declaration.pk, "docx"]))
    assert download.status_code == 200 and download.content.startswith(b"PK")


def test_each_form_shows_the_project_across_the_cycle(org: Org) -> None:
    declaration, watched, evaluation = _project(org)
    text = org.client("reviewer_a").get(
        reverse("evaluation_edit", args=[evaluation.pk])).content.decode()
    section = text.split('id="project-cycle"')[1].split("</section>")[0]
    assert "按项目编码“2024-JT-0107”关联" in section
    links = [reverse("evaluation_edit", args=[e.pk]) for e in (declaration, watched)]
    assert all(link in section for link in links)
    assert section.index("2024年绩效目标申报表") < section.index("2024年1-7月绩效运行监控表") < (
        section.index("2024年绩效自评表（本表）"))
    assert "JX831" in section and "&gt;=100公里" in section  # the lowered target
    other = org.client("reviewer_a").get(links[0]).content.decode()
    assert "JX831" in other.split('id="project-cycle"')[1]  # seen from the declaration too


def _cycle_section(org: Org, evaluation: Evaluation) -> str:
    text = org.client("reviewer_a").get(
        reverse("evaluation_edit", args=[evaluation.pk])).content.decode()
    return text.split('id="project-cycle"')[1].split("</section>")[0]


def test_the_section_reads_the_records_kept_at_save_not_the_documents(org: Org) -> None:
    """Each save keeps the form's records; the page relates those and reads no other form's
    document (a project of nine forms would otherwise parse nine documents a view)."""
    declaration, watched, evaluation = _project(org)
    assert all(e.cycle_records for e in (declaration, watched, evaluation))
    before = _cycle_section(org, evaluation)
    with CaptureQueriesContext(connection) as queries:
        _cycle_section(org, evaluation)
    documents = [q["sql"] for q in queries.captured_queries if '"document"' in q["sql"]]
    assert len(documents) == 1, documents  # the page's own form, for its editor
    # a form saved before records were kept is read from its document, with the same result
    Evaluation.objects.filter(pk=declaration.pk).update(cycle_records=None)
    assert _cycle_section(org, evaluation) == before


def test_another_units_forms_are_never_related(org: Org) -> None:
    declaration, evaluation = split_document(load_document(CHECKS / "JX831/fail.yaml"))
    create_evaluation(org.unit_b, declaration, user=org.users["filler_b"])
    mine = create_evaluation(org.unit_a, evaluation, user=org.users["filler_a"])
    text = org.client("filler_a").get(reverse("evaluation_edit", args=[mine.pk])).content.decode()
    assert 'id="project-cycle"' not in text


def test_the_editor_offers_the_indicator_library(org: Org, clean_a: Evaluation) -> None:
    text = org.client("filler_a").get(
        reverse("evaluation_edit", args=[clean_a.pk])).content.decode()
    library = text.split('<datalist id="indicator-library">')[1].split("</datalist>")[0]
    assert '<option value="预算执行率">' in library and "正向" in library
    assert 'list="indicator-library"' in text
    # the department's reviewer cannot edit the form: no completions to offer
    reviewer = org.client("dept_a").get(
        reverse("evaluation_edit", args=[clean_a.pk])).content.decode()
    assert "<datalist" not in reviewer


def test_the_demo_shows_a_project_across_the_cycle(db: None, tmp_path: Path) -> None:
    from django.test import Client

    from jixiao.web.demo import load_demo

    load_demo(tmp_path)  # no seed transcriptions: the bundled samples only
    forms = Evaluation.objects.filter(unit__name="示范县交通运输局")
    kinds = sorted(forms.values_list("form_type", flat=True))
    assert kinds == ["performance_monitoring", "project_self_evaluation", "target_declaration"]
    client = Client()
    assert client.login(username="caizheng", password="jixiao-demo-2024")
    evaluation = forms.get(form_type="project_self_evaluation")
    text = client.get(reverse("evaluation_edit", args=[evaluation.pk])).content.decode()
    section = text.split('id="project-cycle"')[1].split("</section>")[0]
    assert all(code in section for code in ("JX831", "JX832", "JX833"))
