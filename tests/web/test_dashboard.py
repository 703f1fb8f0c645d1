"""Dashboard across units (charts as inline SVG), drill-down, findings page and exports."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from jixiao.web.models import Evaluation
from jixiao.web.workflow import create_evaluation, transition
from web.conftest import Org, seed_parts


def submit(org: Org, *evaluations: Evaluation) -> None:
    for evaluation in evaluations:
        filler = "filler_a" if evaluation.unit_id == org.unit_a.pk else "filler_b"
        transition(evaluation, user=org.users[filler], action="submit")


def test_dashboard_renders_charts(
    org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    submit(org, evaluation_a, evaluation_b)
    page = org.client("finance").get(reverse("dashboard")).content.decode()
    assert page.count("<svg") == 3
    assert "应得总分分布" in page and "预算执行率分布" in page and "审核问题按代码" in page
    assert "甲单位" in page and "乙单位" in page
    assert "JX208" in page


def test_full_mark_units(org: Org, evaluation_b: Evaluation) -> None:
    full = next(p for p in seed_parts() if p.forms[0].name == "援疆工作经费")
    submit(org, create_evaluation(org.unit_a, full, user=None), evaluation_b)
    page = org.client("finance").get(reverse("dashboard"))
    units = [u["unit__name"] for u in page.context["full_marks"]]
    assert evaluation_b.all_full_marks == (evaluation_b.unit.name in units)


def test_dashboard_is_scoped(org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation) -> None:
    page = org.client("filler_a").get(reverse("dashboard")).content.decode()
    assert "甲单位" in page and "乙单位" not in page


def test_unit_rows_escape_names_link_the_drill_down_and_mark_the_unreported(
    org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    """The units table's rows are built in Python: a unit's name stays text, each row links
    its drill-down (with the year chosen), units with nothing submitted are marked."""
    submit(org, evaluation_a)
    type(org.unit_b).objects.filter(pk=org.unit_b.pk).update(name="乙<b>单位</b>")
    page = org.client("finance").get(reverse("dashboard"), {"year": "2024"}).content.decode()
    assert "乙<b>" not in page and "乙&lt;b&gt;单位&lt;/b&gt;" in page
    link = reverse("dashboard_unit", args=[org.unit_a.pk]) + "?year=2024"
    assert f'<a href="{link}">甲单位</a>' in page
    row_b = page.split("乙&lt;b&gt;")[0].rsplit("<tr", 1)[1]
    assert 'class="unreported"' in row_b


def test_unit_drill_down(org: Org, evaluation_a: Evaluation) -> None:
    page = org.client("finance").get(reverse("dashboard_unit", args=[org.unit_a.pk]))
    assert page.status_code == 200 and evaluation_a.name in page.content.decode()


def test_findings_page(org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation) -> None:
    page = org.client("filler_a").get(reverse("findings") + "?code=JX208").content.decode()
    assert "100.50%" in page
    assert evaluation_b.name not in page


def test_summary_workbook(org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation) -> None:
    response = org.client("finance").get(reverse("summary_export"))
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["评价表", "按单位", "审核问题"]
    names = {row[4] for row in workbook["评价表"].iter_rows(min_row=2, values_only=True)}
    assert names == {evaluation_a.name, evaluation_b.name}
    own = load_workbook(io.BytesIO(org.client("filler_a").get(reverse("summary_export")).content))
    assert {row[4] for row in own["评价表"].iter_rows(min_row=2, values_only=True)} == {
        evaluation_a.name
    }


def test_form_and_report_exports(org: Org, evaluation_a: Evaluation) -> None:
    client = org.client("filler_a")
    for fmt, magic in (
        ("xlsx", b"PK"),
        ("docx", b"PK"),
        ("json", b"{"),
        ("yaml", b"format_version"),
    ):
        response = client.get(reverse("evaluation_export", args=[evaluation_a.pk, fmt]))
        assert response.status_code == 200, fmt
        assert response.content.startswith(magic), fmt


def test_dashboard_follows_changes(org: Org, evaluation_a: Evaluation) -> None:
    client = org.client("finance")
    assert client.get(reverse("dashboard")).context["data"].count == 1
    create_evaluation(org.unit_b, seed_parts()[2], user=None)
    assert client.get(reverse("dashboard")).context["data"].count == 2
    assert client.get("/api/dashboard").json()["count"] == 2
