"""Demo data for ``jixiao serve --demo``: a small bureau with departments and units, one
user per role, and evaluations from the project's seed transcriptions (when run from a
checkout, ``tests/fixtures/seeds``), the bundled sample and a bundled project across the budget
cycle (declaration, monitoring form, self-evaluation) in a unit of its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from jixiao.model.io import load_document
from jixiao.render.demo import load_sample
from jixiao.web.models import Evaluation, Event, Profile, Role, Unit
from jixiao.web.services import split_document
from jixiao.web.workflow import create_evaluation, transition

DEMO_PASSWORD = "jixiao-demo-2024"
CYCLE_SAMPLE = "cycle.yaml"  # one project's declaration, monitoring form and self-evaluation
SEED_FOLDER = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "seeds"
BUREAU = "示范市财政局"
DEPARTMENT = "示范市人力资源和社会保障局"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    unit: str


def seed_files(folder: Path = SEED_FOLDER) -> list[Path]:
    """The seed transcriptions (not the expected-value oracles)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("seed*.yaml") if "expected" not in p.name)


def _user(username: str, name: str, unit: Unit, role: Role) -> DemoLogin:
    user = User.objects.filter(username=username).first() or User(username=username)
    user.first_name = name
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    user.set_password(DEMO_PASSWORD)
    user.save()
    Profile.objects.update_or_create(user=user, defaults={"unit": unit, "role": role})
    return DemoLogin(username, DEMO_PASSWORD, role.label, unit.name)


@transaction.atomic
def load_demo(folder: Path = SEED_FOLDER) -> list[DemoLogin]:
    """Create (or refresh) the demo organisation, users and evaluations; idempotent."""
    bureau, _ = Unit.objects.get_or_create(name=BUREAU, kind=Unit.Kind.BUREAU, parent=None)
    department, _ = Unit.objects.get_or_create(
        name=DEPARTMENT, kind=Unit.Kind.DEPARTMENT, parent=bureau
    )
    documents = [load_document(path) for path in seed_files(folder)]
    documents += [load_sample(), load_sample(CYCLE_SAMPLE)]
    units: list[Unit] = []
    created_evaluations: list[Evaluation] = []
    for document in documents:
        name = document.unit or document.title or "示范单位"
        unit, created = Unit.objects.get_or_create(name=name, parent=department)
        units.append(unit)
        if not created and Evaluation.objects.filter(unit=unit).exists():
            continue
        created_evaluations += [
            create_evaluation(unit, part, user=None, action=Event.Action.IMPORT)
            for part in split_document(document)
        ]
    main = max(units, key=lambda u: u.evaluations.count())
    logins = [
        _user("tianbao", "填报人（演示）", main, Role.FILLER),
        _user("shenhe", "单位审核人（演示）", main, Role.UNIT_REVIEWER),
        _user("zhuguan", "主管部门审核人（演示）", department, Role.DEPT_REVIEWER),
        _user("caizheng", "财政评价人员（演示）", bureau, Role.FINANCE),
        _user("admin", "管理员（演示）", bureau, Role.ADMIN),
    ]
    filler, reviewer = User.objects.get(username="tianbao"), User.objects.get(username="shenhe")
    for n, evaluation in enumerate(created_evaluations):
        if n % 3 == 0 or evaluation.unit_id != main.pk:
            continue
        transition(evaluation, user=filler, action="submit")
        if n % 3 == 2:
            if evaluation.error_count:
                transition(evaluation, user=reviewer, action="return",
                           comment="演示：请改正审核错误后重新提交")
            else:
                transition(evaluation, user=reviewer, action="approve", comment="演示：审核通过")
    return logins
