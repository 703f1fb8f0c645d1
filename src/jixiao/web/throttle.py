"""Login throttling: after too many failed sign-ins for one user name from one address,
further attempts are refused for a while (cache-based; the counter expires by itself)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _key(username: str, request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{username.strip().lower()}|{address}".encode()).hexdigest()
    return f"jixiao-login:{digest}"


def locked(username: str, request: HttpRequest) -> bool:
    count: int = cache.get(_key(username, request), 0)
    return count >= settings.LOGIN_FAILURE_LIMIT


def failed(username: str, request: HttpRequest) -> None:
    key = _key(username, request)
    cache.add(key, 0, timeout=settings.LOGIN_LOCKOUT_SECONDS)
    cache.incr(key)


def succeeded(username: str, request: HttpRequest) -> None:
    cache.delete(_key(username, request))


LOCKED_MESSAGE = "登录失败次数过多，请 15 分钟后再试。"
