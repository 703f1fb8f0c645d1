"""Dashboard aggregates kept by every write (issue 14): each subtree row is always the sum of
the own rows below it, as a full rebuild would compute it, after saves, transitions,
deactivation and units moved; the unit and 报送进度 tables sort, filter and page in the
database; concurrent writers in sibling units neither deadlock nor lose a change."""

from __future__ import annotations

import datetime
import json
import threading
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from jixiao.web import stats
from jixiao.web.models import Evaluation, Event, Task, Unit, UnitStats
from jixiao.web.workflow import create_evaluation, deactivate, save_document, transition
from web.conftest import Org, clean_part, seed_parts

FIELDS = ("unit_id", "year", "subtree", "total", "counted", "approved", "scored", "score_sum",
          "errors", "full_marks", "out_of_range", "lowest", "statuses", "score_bins",
          "execution_bins", "grades", "codes")


def snapshot() -> list[tuple[Any, ...]]:
    rows = UnitStats.objects.values_list(*FIELDS)
    return sorted((tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict) else v
                         for v in row) for row in rows),
                  key=lambda row: (row[0], row[1], row[2]))


def assert_as_rebuilt() -> None:
    kept = snapshot()
    stats.rebuild()
    assert kept == snapshot()


def test_subtree_rows_follow_every_change(org: Org) -> None:
    first = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    second = create_evaluation(org.unit_b, seed_parts()[1], user=org.users["filler_b"])
    assert_as_rebuilt()
    transition(first, user=org.users["filler_a"], action="submit")
    transition(second, user=org.users["filler_b"], action="submit")
    assert_as_rebuilt()
    bureau = UnitStats.objects.get(unit=org.bureau, subtree=True, year=first.year or 0)
    assert bureau.counted == 2 if first.year == second.year else bureau.counted == 1
    transition(first, user=org.users["reviewer_a"], action="approve")
    transition(first, user=org.users["dept_a"], action="return", comment="请补充")
    assert_as_rebuilt()
    deactivate(second, user=org.users["admin"], reason="重复填报")
    assert_as_rebuilt()
    dept_a = UnitStats.objects.get(unit=org.dept_a, subtree=True, year=first.year or 0)
    assert dept_a.total == 1 and dept_a.counted == 0 and dept_a.statuses == {"returned": 1}


def test_a_resave_moves_a_form_between_years(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    part = clean_part()
    forms = [form.model_copy(update={"year": 2031}) for form in part.forms]
    document = part.model_copy(update={"year": 2031, "forms": forms})
    save_document(evaluation, document, user=org.users["filler_a"], action=Event.Action.EDIT)
    assert_as_rebuilt()
    assert UnitStats.objects.get(unit=org.bureau, subtree=True, year=2031).total == 1


def test_moving_a_department_moves_its_figures(org: Org) -> None:
    evaluation = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    year = evaluation.year or 0
    org.dept_a.parent = org.dept_b
    org.dept_a.save()
    assert UnitStats.objects.get(unit=org.dept_b, subtree=True, year=year).total == 1
    assert_as_rebuilt()


def units_on_the_table(page: Any) -> list[str]:
    return [row["unit__name"] for row in page.context["table"].page]


def test_unit_table_sorts_filters_and_pages(org: Org) -> None:
    for n in range(55):
        Unit.objects.create(name=f"空单位{n:02d}", parent=org.dept_b)
    low = create_evaluation(org.unit_a, seed_parts()[1], user=org.users["filler_a"])
    high = create_evaluation(org.unit_b, clean_part(), user=org.users["filler_b"])
    for evaluation, filler in ((low, "filler_a"), (high, "filler_b")):
        transition(evaluation, user=org.users[filler], action="submit")
    client = org.client("finance")
    first = client.get(reverse("dashboard"))
    assert first.context["table"].page.paginator.count == 57
    assert len(first.context["table"].page) == 50
    second = client.get(reverse("dashboard") + "?page=2")
    assert len(second.context["table"].page) == 7
    ranked = units_on_the_table(client.get(reverse("dashboard") + "?sort=average&dir=desc"))
    order = sorted([(low.computed_total, "甲单位"), (high.computed_total, "乙单位")], reverse=True)
    assert ranked[:2] == [name for _, name in order]
    ascending = units_on_the_table(client.get(reverse("dashboard") + "?sort=average&dir=asc"))
    assert ascending[:2] == [name for _, name in reversed(order)]  # no average: last
    found = units_on_the_table(client.get(reverse("dashboard") + "?q=空单位0"))
    assert sorted(found) == [f"空单位{n:02d}" for n in range(10)]
    row = next(r for r in first.context["table"].page if r["unit__name"] == "乙单位")
    assert row["counted"] == 1 and row["average"] == high.computed_total.quantize(Decimal("0.01"))


def test_progress_table_states_in_the_database(org: Org) -> None:
    silent = Unit.objects.create(name="未动单位", parent=org.dept_b)
    task = Task.objects.create(name="年度自评", year=2024, deadline=datetime.date(2020, 1, 1),
                               issuer=org.bureau)
    task.units.set([org.unit_a, org.unit_b, silent])
    reported = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"], task=task)
    transition(reported, user=org.users["filler_a"], action="submit")
    client = org.client("finance")
    page = client.get(reverse("task_progress", args=[task.pk]))
    assert page.context["summary"] == {"units": 3, "reported": 1, "unreported": 2, "overdue": 2}
    names = [r.unit for r in client.get(
        reverse("task_progress", args=[task.pk]) + "?state=未填报").context["table"].page]
    assert names == ["乙单位", "未动单位"]
    overdue = client.get(reverse("task_progress", args=[task.pk]) + "?state=overdue")
    assert sorted(r.unit for r in overdue.context["table"].page) == ["乙单位", "未动单位"]
    by_forms = client.get(reverse("task_progress", args=[task.pk]) + "?sort=forms&dir=desc")
    assert next(r.unit for r in by_forms.context["table"].page) == "甲单位"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="需要 PostgreSQL（行锁）")
def test_concurrent_writers_in_sibling_units(org: Org) -> None:
    """Saves in two units under one bureau lock the shared subtree rows in one order:
    both finish, and the rows are those a rebuild gives."""
    forms = [create_evaluation(unit, clean_part(), user=org.users[user])
             for unit, user in ((org.unit_a, "filler_a"), (org.unit_b, "filler_b"))]
    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def write(evaluation: Evaluation, user: str) -> None:
        try:
            barrier.wait()
            for _ in range(4):
                fresh = Evaluation.objects.get(pk=evaluation.pk)
                save_document(fresh, clean_part(), user=org.users[user],
                              action=Event.Action.EDIT)
        except BaseException as error:  # reported below, in the test's thread
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(f, u))
               for f, u in zip(forms, ("filler_a", "filler_b"), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures
    assert_as_rebuilt()


def test_list_counts_from_the_aggregates_match_counting(org: Org) -> None:
    first = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    create_evaluation(org.unit_b, seed_parts()[1], user=org.users["filler_b"])
    transition(first, user=org.users["filler_a"], action="submit")
    for user, query in (("finance", ""), ("finance", "?status=submitted"),
                        ("finance", f"?year={first.year}"), ("finance", "?year=1990"),
                        ("dept_a", ""), ("filler_b", "?status=draft"), ("finance", "?q=经费")):
        page = org.client(user).get(reverse("evaluation_list") + query).context["page"]
        assert page.paginator.count == len(page.object_list), (user, query)


def test_list_filters_by_the_level_a_form_waits_at(org: Org) -> None:
    """The rest of 待办's review list: the list filtered by review level, kept in its form."""
    waiting = create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])
    create_evaluation(org.unit_b, seed_parts()[1], user=org.users["filler_b"])
    transition(waiting, user=org.users["filler_a"], action="submit")
    level = Evaluation.objects.get(pk=waiting.pk).waiting
    response = org.client("finance").get(reverse("evaluation_list") + f"?waiting={level}")
    assert [row["id"] for row in response.context["page"]] == [waiting.pk]
    assert f'<option value="{level}" selected>' in response.content.decode()
