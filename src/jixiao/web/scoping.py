"""Who may see and do what: the one scoping helper every page and API route goes through.

A user's profile gives a unit and a role. 填报人 and 单位审核人 see their own unit; 主管部门审核人,
财政/评价人员 and 管理员 see their unit's whole subtree (the bureau at the root sees every unit);
a superuser without a profile sees everything; a user without a profile sees nothing.
An evaluation outside the scope is "not found" (404), never "forbidden", so ids do not leak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from jixiao.web.models import Evaluation, ImportBatch, Profile, Role, Status, Unit

EDIT_ROLES = frozenset({Role.FILLER, Role.UNIT_REVIEWER, Role.FINANCE, Role.ADMIN})
REVIEW_ROLES = frozenset({Role.UNIT_REVIEWER, Role.DEPT_REVIEWER, Role.FINANCE, Role.ADMIN})
SUBTREE_ROLES = frozenset({Role.DEPT_REVIEWER, Role.FINANCE, Role.ADMIN})
EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})

AnyUser = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Actor:
    """A signed-in user with a role and the unit subtree (``prefix``) they may see."""

    user_id: int
    role: Role
    unit: Unit | None  # None: a superuser without a profile, who sees every unit
    subtree: bool
    everything: bool = False  # the scope is every unit (no filter needed, none applied)

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def can_create(self) -> bool:
        return self.role in EDIT_ROLES

    @property
    def can_spotcheck(self) -> bool:
        """抽查 is for those who review across units."""
        return self.role in (Role.DEPT_REVIEWER, Role.FINANCE, Role.ADMIN)


def actor_for(user: AnyUser) -> Actor | None:
    """The user's role and scope, cached on the user object for the request."""
    if not user.is_authenticated:
        return None
    cached: Actor | None = vars(user).get("_jixiao_actor")
    if cached is not None:
        return cached
    profile = Profile.objects.select_related("unit").filter(user_id=user.pk).first()
    if profile is not None:
        role = Role(profile.role)
        subtree = role in SUBTREE_ROLES
        # the subtree of the only root is every unit: queries then skip the path filter
        # (a join of every form with its unit) that would select everything anyway
        everything = subtree and profile.unit.parent_id is None and not (
            Unit.objects.filter(parent=None).exclude(pk=profile.unit_id).exists()
        )
        actor = Actor(int(user.pk), role, profile.unit, subtree, everything)
    elif getattr(user, "is_superuser", False):
        actor = Actor(int(user.pk), Role.ADMIN, None, True, True)
    else:
        return None
    vars(user)["_jixiao_actor"] = actor
    return actor


def units_for(user: AnyUser) -> QuerySet[Unit]:
    """Every unit the user may see."""
    actor = actor_for(user)
    if actor is None:
        return Unit.objects.none()
    if actor.unit is None or actor.everything:
        return Unit.objects.all()
    if actor.subtree:
        return Unit.objects.filter(path__startswith=actor.unit.path)
    return Unit.objects.filter(pk=actor.unit.pk)


def subtree_roots(user: AnyUser) -> list[int] | None:
    """The units whose whole subtrees make up the user's scope (their aggregates give the
    scope's figures in one row each); None when the scope is the user's own unit alone."""
    actor = actor_for(user)
    if actor is None:
        return []
    if actor.unit is None:
        return list(Unit.objects.filter(parent=None).values_list("id", flat=True))
    return [actor.unit.pk] if actor.subtree else None


def writable_units(user: AnyUser) -> QuerySet[Unit]:
    """Units the user may create or import evaluations into."""
    actor = actor_for(user)
    if actor is None or not actor.can_create:
        return Unit.objects.none()
    return units_for(user)


def evaluations_for(user: AnyUser) -> QuerySet[Evaluation]:
    """Every evaluation the user may see."""
    actor = actor_for(user)
    if actor is None:
        return Evaluation.objects.none()
    active = Evaluation.objects.filter(is_active=True)
    if actor.unit is None or actor.everything:
        return active
    if actor.subtree:
        return active.filter(unit__path__startswith=actor.unit.path)
    return active.filter(unit_id=actor.unit.pk)


def get_evaluation(user: AnyUser, pk: int) -> Evaluation:
    """The evaluation if the user may see it; 404 otherwise (also for ids that exist)."""
    evaluation = evaluations_for(user).select_related("unit").filter(pk=pk).first()
    if evaluation is None:
        raise Http404("评价表不存在或无权查看")
    return evaluation


def get_batch(user: User, pk: int) -> ImportBatch:
    """An import batch the user made, into a unit they may still write to; 404 otherwise."""
    batch = (
        ImportBatch.objects.select_related("unit")
        .filter(pk=pk, user_id=user.pk, unit__in=writable_units(user))
        .first()
    )
    if batch is None:
        raise Http404("导入记录不存在")
    return batch


LEVELS: dict[str, tuple[str, frozenset[Role]]] = {
    "unit": ("单位审核", frozenset({Role.UNIT_REVIEWER})),
    "department": ("主管部门审核", frozenset({Role.DEPT_REVIEWER})),
    "finance": ("财政审核", frozenset({Role.FINANCE, Role.ADMIN})),
}
REOPEN_ROLES = frozenset({Role.FINANCE, Role.ADMIN})


def level_label(level: str) -> str:
    return LEVELS.get(level, (level, frozenset()))[0]


def current_level(evaluation: Evaluation) -> str | None:
    """The review level a submitted evaluation waits at (单位审核, 主管部门审核, 财政审核)."""
    if evaluation.status != Status.SUBMITTED or evaluation.stage >= len(evaluation.chain):
        return None
    return str(evaluation.chain[evaluation.stage])


def _may_review(actor: Actor, evaluation: Evaluation) -> bool:
    """The current level's role, and not someone who wrote, submitted or already passed it
    this round (segregation of duties at every level)."""
    level = current_level(evaluation)
    if level is None or actor.role not in LEVELS[level][1]:
        return False
    involved = {evaluation.submitted_by_id, evaluation.edited_by_id, *evaluation.approvers}
    return actor.user_id not in involved


def allowed_actions(user: AnyUser, evaluation: Evaluation) -> frozenset[str]:
    """What the user may do with a visible evaluation now: edit, submit, withdraw (before
    any review), return and approve (at the current level), reopen (approved; top level)."""
    actor = actor_for(user)
    if actor is None or not evaluation.is_active:
        return frozenset()
    actions: set[str] = set()
    if actor.role in EDIT_ROLES and evaluation.status in EDITABLE:
        actions |= {"edit", "submit", "restore"}
    if evaluation.status == Status.SUBMITTED:
        if evaluation.stage == 0 and not evaluation.approvers and actor.role in EDIT_ROLES and (
            actor.user_id == evaluation.submitted_by_id or actor.role == Role.FILLER
        ):
            actions.add("withdraw")
        if _may_review(actor, evaluation):
            actions |= {"return", "approve"}
    if evaluation.status == Status.APPROVED and actor.role in REOPEN_ROLES:
        actions.add("reopen")
    return frozenset(actions)


def require(user: AnyUser, evaluation: Evaluation, action: str) -> None:
    if action not in allowed_actions(user, evaluation):
        raise PermissionDenied("当前状态或角色不允许此操作")


def require_unit(user: AnyUser, unit_id: int) -> Unit:
    """A unit the user may write to, or PermissionDenied."""
    unit = writable_units(user).filter(pk=unit_id).first()
    if unit is None:
        raise PermissionDenied("无权向该单位填报")
    return unit


def signed_in(request: HttpRequest) -> User:
    """The signed-in user of a page or API route (behind login)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied("请先登录")
    return user


def actor_context(request: HttpRequest) -> dict[str, Any]:
    """Template context: the signed-in user's role and unit."""
    return {"actor": actor_for(request.user)}
