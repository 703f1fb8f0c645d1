"""Sign-in throttling, CSRF, password hashing, upload limits."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from jixiao.web.models import Evaluation
from web.conftest import PASSWORD, Org


def test_login_is_throttled(org: Org) -> None:
    cache.clear()
    client = Client()
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "filler_a", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "filler_a", "password": PASSWORD})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    cache.clear()
    response = client.post(reverse("login"), {"username": "filler_a", "password": PASSWORD})
    assert response.status_code == 302


def test_csrf_is_enforced(org: Org, evaluation_a: Evaluation) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.users["filler_a"])
    response = client.post(
        reverse("evaluation_review", args=[evaluation_a.pk]), {"action": "submit"}
    )
    assert response.status_code == 403
    evaluation_a.refresh_from_db()
    assert evaluation_a.status == "draft"


def test_passwords_are_hashed(org: Org) -> None:
    user = User.objects.get(username="filler_a")
    assert user.password.startswith(("pbkdf2_", "argon2", "bcrypt", "scrypt"))
    assert PASSWORD not in user.password


def test_security_headers(org: Org) -> None:
    response = org.client("filler_a").get(reverse("evaluation_list"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_served_locally(org: Org) -> None:
    response = Client().get("/static/jixiao/editor.js")
    assert response.status_code == 200
