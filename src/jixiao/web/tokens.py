"""API tokens: made on the 账户 page, shown once, stored only as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import User
from django.utils import timezone

from jixiao.web.models import ApiToken

PREFIX = "jx_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(user: User, name: str) -> str:
    """A new token for the user; the plain text is returned once and never stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:100] or "API", digest=_digest(token))
    return token


def user_for(token: str) -> User | None:
    """The active user an active token belongs to."""
    found = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token.strip()), is_active=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
    return found.user
