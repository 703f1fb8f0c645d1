"""Races between real concurrent clients (issue 14, defect 4): threads, each with its own
database connection and its own signed-in client, released together by a barrier. Run on
PostgreSQL by scripts/ci-postgres.sh (row locks).

- approve and return at the same moment: exactly one wins, the other is told it lost;
- a save racing an approval never reverts the approved form;
- two saves of the same version: one is stored, the other refused with what changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from jixiao.web.models import Evaluation, Event, Role, Status
from jixiao.web.workflow import create_evaluation, transition
from web.conftest import Org, clean_part, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # the in-memory SQLite test database cannot be shared by threads (table locks);
    # a SQLite file in production serialises writers with BEGIN IMMEDIATE instead
    pytest.mark.skipif(connection.vendor != "postgresql", reason="需要 PostgreSQL"),
]
ROUNDS = 4


def together(*jobs: Callable[[], Any]) -> list[Any]:
    """Run the jobs in threads released at the same instant; their results in order."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(n: int, job: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[n] = job()
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def clean(org: Org) -> Evaluation:
    return create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])


def signed_in(org: Org, username: str) -> Client:
    client = Client()
    client.force_login(org.users[username])
    return client


def decide(client: Client, evaluation: Evaluation, action: str) -> Callable[[], str]:
    url = f"/api/evaluations/{evaluation.pk}/transition"

    def job() -> str:
        response = client.post(
            url, {"action": action, "comment": "并发测试", "version": evaluation.version},
            content_type="application/json",
        )
        return f"{action}:{response.status_code}"

    return job


def test_approve_and_return_race(org: Org) -> None:
    org.users["reviewer_a2"] = make_user("reviewer_a2", org.unit_a, Role.UNIT_REVIEWER)
    first, second = signed_in(org, "reviewer_a"), signed_in(org, "reviewer_a2")
    for client in (first, second):
        client.get("/api/me")  # sessions ready before the race
    for _ in range(ROUNDS):
        evaluation = clean(org)
        transition(evaluation, user=org.users["filler_a"], action="submit")
        results = together(
            decide(first, evaluation, "approve"), decide(second, evaluation, "return")
        )
        won = [r for r in results if r.endswith(":200")]
        assert len(won) == 1, results
        assert all(r.endswith((":200", ":409")) for r in results), results
        evaluation.refresh_from_db()
        decisions = evaluation.events.filter(action__in=[Event.Action.APPROVE,
                                                         Event.Action.RETURN])
        assert decisions.count() == 1
        expected = (Status.SUBMITTED, 1) if won[0].startswith("approve") else (Status.RETURNED, 0)
        assert (evaluation.status, evaluation.stage) == expected


def test_save_racing_an_approval_keeps_it_approved(org: Org) -> None:
    """The filler saves a draft while a colleague submits it and the bureau approves it:
    the save is either stored before the submission or refused; never does it revert the
    approved form to a draft."""
    org.users["filler_a2"] = make_user("filler_a2", org.unit_a, Role.FILLER)
    editor = signed_in(org, "filler_a")
    for _ in range(ROUNDS):
        evaluation = clean(org)
        evaluation.chain = ["finance"]
        evaluation.save(update_fields=["chain"])

        def save(pk: int = evaluation.pk, version: int = evaluation.version) -> int:
            response = editor.post(
                reverse("evaluation_edit", args=[pk]), {"name": "迟到的修改", "version": version}
            )
            return response.status_code

        def submit_and_approve(target: Evaluation = evaluation) -> str:
            transition(target, user=org.users["filler_a2"], action="submit")
            transition(target, user=org.users["finance"], action="approve")
            return target.status

        results = together(save, submit_and_approve)
        evaluation.refresh_from_db()
        assert evaluation.status == Status.APPROVED, results
        actions = list(evaluation.events.order_by("id").values_list("action", flat=True))
        if results[0] == 302:
            assert evaluation.name == "迟到的修改"
            assert actions == ["create", "edit", "submit", "approve"]
        else:
            assert results[0] in (403, 409) and evaluation.name != "迟到的修改"
            assert actions == ["create", "submit", "approve"]


def test_two_saves_of_one_version(org: Org) -> None:
    org.users["filler_a2"] = make_user("filler_a2", org.unit_a, Role.FILLER)
    clients = signed_in(org, "filler_a"), signed_in(org, "filler_a2")
    for _ in range(ROUNDS):
        evaluation = clean(org)

        def save(client: Client, name: str, pk: int = evaluation.pk,
                 version: int = evaluation.version) -> tuple[str, int]:
            response = client.post(
                reverse("evaluation_edit", args=[pk]), {"name": name, "version": version}
            )
            return name, response.status_code

        results = together(
            lambda: save(clients[0], "甲的名称"), lambda: save(clients[1], "乙的名称")
        )
        codes = sorted(code for _, code in results)
        assert codes == [302, 409], results
        winner = next(name for name, code in results if code == 302)
        evaluation.refresh_from_db()
        assert evaluation.name == winner
        assert evaluation.version == 2 and evaluation.versions.count() == 2
