"""Web tests: pytest-django with jixiao's settings on a real database (SQLite by default;
PostgreSQL when ``JIXIAO_DB``/``JIXIAO_DATABASE_URL`` say so, see scripts/ci-postgres.sh)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

if "JIXIAO_DATA_DIR" not in os.environ:  # uploads and evidence of this run, removed at exit
    os.environ["JIXIAO_DATA_DIR"] = tempfile.mkdtemp(prefix="jixiao-web-test-")
    atexit.register(shutil.rmtree, os.environ["JIXIAO_DATA_DIR"], ignore_errors=True)
os.environ.setdefault("JIXIAO_SECRET_KEY", "test-secret-key-not-for-production-0123456789")
os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # playwright's sync API in tests

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.cache import cache as django_cache  # noqa: E402
from django.test import Client  # noqa: E402

from helpers import SEEDS  # noqa: E402
from jixiao.model import Document  # noqa: E402
from jixiao.model.io import load_document  # noqa: E402
from jixiao.web.models import Evaluation, Profile, Role, Unit  # noqa: E402
from jixiao.web.services import split_document  # noqa: E402
from jixiao.web.workflow import create_evaluation  # noqa: E402

PASSWORD = "a-long-test-password-42"


@cache
def seed_parts(name: str = "seed004_xinjiang.yaml") -> tuple[Document, ...]:
    """A seed transcription split into one document per evaluation form (parsed once)."""
    return tuple(split_document(load_document(SEEDS / name)))


@dataclass
class Org:
    bureau: Unit
    dept_a: Unit
    dept_b: Unit
    unit_a: Unit
    unit_b: Unit
    users: dict[str, User]

    def client(self, username: str) -> Client:
        client = Client()
        client.force_login(self.users[username])
        return client


@cache
def hashed_password() -> str:
    """PASSWORD hashed once with the default (slow, salted) hasher, shared by test users."""
    return make_password(PASSWORD)


def make_user(username: str, unit: Unit, role: Role) -> User:
    user = User.objects.create(
        username=username,
        first_name=username,
        password=hashed_password(),
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    Profile.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture(autouse=True)
def _fresh_cache(request: pytest.FixtureRequest) -> None:
    """Sign-in counters (in the database cache table, which a test's rollback does not
    reach after a flush) do not leak from one test into the next."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        django_cache.clear()


@pytest.fixture
def org(db: None) -> Org:
    bureau = Unit.objects.create(name="测试市财政局", kind=Unit.Kind.BUREAU)
    dept_a = Unit.objects.create(name="甲主管部门", kind=Unit.Kind.DEPARTMENT, parent=bureau)
    dept_b = Unit.objects.create(name="乙主管部门", kind=Unit.Kind.DEPARTMENT, parent=bureau)
    unit_a = Unit.objects.create(name="甲单位", parent=dept_a)
    unit_b = Unit.objects.create(name="乙单位", parent=dept_b)
    users = {
        "filler_a": make_user("filler_a", unit_a, Role.FILLER),
        "reviewer_a": make_user("reviewer_a", unit_a, Role.UNIT_REVIEWER),
        "dept_a": make_user("dept_a", dept_a, Role.DEPT_REVIEWER),
        "filler_b": make_user("filler_b", unit_b, Role.FILLER),
        "finance": make_user("finance", bureau, Role.FINANCE),
        "admin": make_user("admin", bureau, Role.ADMIN),
    }
    return Org(bureau, dept_a, dept_b, unit_a, unit_b, users)


@pytest.fixture
def evaluation_a(org: Org) -> Evaluation:
    """Seed 004's project form 就业工作经费 (two printed completion-rate errors) in unit A."""
    part = next(p for p in seed_parts() if p.forms[0].name == "就业工作经费")
    return create_evaluation(org.unit_a, part, user=org.users["filler_a"])


def clean_part() -> Document:
    """Seed 004's project form 援疆工作经费: no audit errors, so it can be approved."""
    return next(p for p in seed_parts() if p.forms[0].name == "援疆工作经费")


@pytest.fixture
def clean_a(org: Org) -> Evaluation:
    """A form with no audit errors, filled in unit A."""
    return create_evaluation(org.unit_a, clean_part(), user=org.users["filler_a"])


@pytest.fixture
def evaluation_b(org: Org) -> Evaluation:
    return create_evaluation(org.unit_b, seed_parts()[1], user=org.users["filler_b"])


@pytest.fixture
def seed_file() -> Path:
    return SEEDS / "seed004_xinjiang.yaml"
