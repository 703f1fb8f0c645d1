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


def test_content_security_policy_allows_only_this_server(org: Org) -> None:
    """Issue 14, defect 10: no CSP before. Only this server's scripts; no inline script."""
    policy = org.client("filler_a").get(reverse("evaluation_list")).headers[
        "Content-Security-Policy"
    ]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in policy


def test_users_change_their_own_password(org: Org) -> None:
    """Issue 14, defect 10: users could not change their password."""
    client = org.client("filler_a")
    new = "another-password-2025"
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": new, "new_password2": new,
    })
    assert response.status_code == 302 and response.headers["Location"] == reverse("account")
    fresh = Client()
    refused = fresh.post(reverse("login"), {"username": "filler_a", "password": PASSWORD})
    assert refused.status_code == 200  # the old password no longer signs in
    signed = fresh.post(reverse("login"), {"username": "filler_a", "password": new})
    assert signed.status_code == 302
    wrong = org.client("filler_b").post(reverse("password_change"), {
        "old_password": "not-it", "new_password1": new, "new_password2": new,
    })
    assert wrong.status_code == 200 and "密码" in wrong.content.decode()
