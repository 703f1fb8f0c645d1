"""自评任务, 报送进度 and 待办: the bureau issues a task with a deadline, sees who has not
reported (overdue in red), forms join the task they answer, each role sees its own to-dos."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jixiao.web.models import Evaluation, Task
from jixiao.web.workflow import create_evaluation, transition
from web.conftest import Org, clean_part


def issue(org: Org, deadline: str) -> Task:
    response = org.client("finance").post(reverse("task_list"), {
        "name": "2024年度项目支出自评", "year": "2024", "form_type": "", "deadline": deadline,
        "chain": ["unit", "department", "finance"], "note": "",
    })
    assert response.status_code == 302
    return Task.objects.get()


def row_of(page: str, unit_id: int) -> str:
    match = re.search(rf'<tr class="([^"]*)" data-unit="{unit_id}">(.*?)</tr>', page, re.S)
    assert match is not None
    return match.group(1) + " " + match.group(2)


def test_task_progress_and_todo(org: Org) -> None:
    task = issue(org, "2020-01-31")  # long past: whoever has not reported is overdue
    assert set(task.units.all()) == {org.unit_a, org.unit_b}
    part = clean_part()
    year = part.year or part.forms[0].year
    assert year is not None
    Task.objects.filter(pk=task.pk).update(year=year)
    progress = reverse("task_progress", args=[task.pk])

    page = org.client("finance").get(progress).content.decode()
    assert "未填报" in row_of(page, org.unit_b.pk) and "overdue" in row_of(page, org.unit_a.pk)
    assert "待报送的自评任务" in org.client("filler_a").get(reverse("todo")).content.decode()

    # a form made in unit A answers the task without anyone naming it
    evaluation = create_evaluation(org.unit_a, part, user=org.users["filler_a"])
    assert evaluation.task_id == task.pk
    assert "填报中" in row_of(org.client("finance").get(progress).content.decode(), org.unit_a.pk)
    transition(evaluation, user=org.users["filler_a"], action="submit")
    page = org.client("finance").get(progress).content.decode()
    assert "已报送" in row_of(page, org.unit_a.pk) and "overdue" not in row_of(page, org.unit_a.pk)
    assert 'id="overdue-count">1<' in page  # unit B only
    overdue = org.client("finance").get(progress, {"state": "overdue"}).content.decode()
    assert f'data-unit="{org.unit_b.pk}"' in overdue
    assert f'data-unit="{org.unit_a.pk}"' not in overdue

    todo = org.client("reviewer_a").get(reverse("todo")).content.decode()
    review = todo.split('id="todo-review"')[1].split("</section>")[0]
    assert evaluation.name in review and "待我审核（1" in review
    assert "待报送的自评任务" not in org.client("filler_a").get(reverse("todo")).content.decode()
    # the department's reviewer waits for unit review; the filler has nothing to review
    assert "待我审核（0" in org.client("dept_a").get(reverse("todo")).content.decode()
    assert "待我审核（0" in org.client("filler_a").get(reverse("todo")).content.decode()


def test_progress_counts_the_task_units_once_and_filters_recount(org: Org) -> None:
    """The summary's count of the task's units also pages the table (one COUNT, not two); a
    name filter or a state counts what it leaves."""
    task = issue(org, "2020-01-31")
    progress = reverse("task_progress", args=[task.pk])
    client = org.client("finance")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(progress).content.decode()
    counts = [q["sql"] for q in queries.captured_queries
              if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "jixiao_unit"')]
    assert len(counts) == 1, counts
    assert f'data-unit="{org.unit_a.pk}"' in page and f'data-unit="{org.unit_b.pk}"' in page
    named = client.get(progress, {"q": org.unit_a.name}).content.decode()
    assert f'data-unit="{org.unit_a.pk}"' in named and f'data-unit="{org.unit_b.pk}"' not in named


def test_progress_rows_keep_unit_names_as_text(org: Org) -> None:
    """报送进度's rows are built in Python: a unit's name stays text; an empty filter says so."""
    task = issue(org, "2020-01-31")
    type(org.unit_b).objects.filter(pk=org.unit_b.pk).update(name="乙<i>单位</i>")
    progress = reverse("task_progress", args=[task.pk])
    page = org.client("finance").get(progress).content.decode()
    assert "乙<i>" not in page and "乙&lt;i&gt;单位&lt;/i&gt;" in row_of(page, org.unit_b.pk)
    assert "overdue" in row_of(page, org.unit_b.pk) and "（逾期）" in row_of(page, org.unit_b.pk)
    empty = org.client("finance").get(progress, {"q": "没有这个单位"}).content.decode()
    assert "没有符合条件的单位。" in empty


def test_bureau_todo_lists_only_its_own_drafts(org: Org) -> None:
    """A bureau evaluator sees every unit, but is not asked to fill every unit's drafts."""
    create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    own = create_evaluation(org.bureau, clean_part(), user=org.users["finance"])
    Evaluation.objects.filter(pk=own.pk).update(name="财政局自己的表")
    fill = org.client("finance").get(reverse("todo")).content.decode().split('id="todo-fill"')[1]
    assert "财政局自己的表" in fill and "待填报或修改（1" in fill


def test_reviewer_bulk_actions(org: Org) -> None:
    forms = [create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
             for _ in range(2)]
    own = create_evaluation(org.unit_a, clean_part(), user=org.users["reviewer_a"])
    for evaluation, user in ((forms[0], "filler_a"), (forms[1], "filler_a"), (own, "reviewer_a")):
        transition(evaluation, user=org.users[user], action="submit")
    ids = [str(e.pk) for e in (*forms, own)]
    reviewer = org.client("reviewer_a")
    page = reviewer.get(reverse("todo")).content.decode()
    assert 'id="bulk-review"' in page and page.count('name="evaluation"') == 2  # not his own

    refused = reviewer.post(reverse("todo_bulk"), {"action": "return", "evaluation": ids},
                            follow=True).content.decode()
    assert "须填写退回意见" in refused
    assert org.client("filler_b").post(reverse("todo_bulk"), {
        "action": "approve", "evaluation": ids}).status_code == 302
    assert set(Evaluation.objects.values_list("stage", flat=True)) == {0}  # nothing moved

    done = reviewer.post(reverse("todo_bulk"), {"action": "approve", "evaluation": ids},
                         follow=True).content.decode()
    assert "已通过 2 份评价表" in done and "未能通过" in done  # his own form is refused
    stages = dict(Evaluation.objects.values_list("pk", "waiting"))
    assert [stages[e.pk] for e in (*forms, own)] == ["department", "department", "unit"]
