"""The unit hierarchy, people with their role in a unit, and their API tokens."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.dispatch import Signal

# sent when a unit gets another parent: the subtree aggregates above it change
unit_moved = Signal()


class Unit(models.Model):
    """A unit in the hierarchy 财政局 → 主管部门 → 预算单位.

    ``path`` lists the ids from the root (``/1/5/23/``) so a subtree is one prefix query.
    """

    class Kind(models.TextChoices):
        BUREAU = "bureau", "财政局"
        DEPARTMENT = "department", "主管部门"
        UNIT = "unit", "预算单位"

    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.UNIT)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    is_active = models.BooleanField("启用", default=True)

    objects: ClassVar[models.Manager[Unit]]

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering: ClassVar[list[str]] = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        parent_path = self.parent.path if self.parent is not None else "/"
        path = f"{parent_path}{self.pk}/"
        if path != self.path:
            old, self.path = self.path, path
            Unit.objects.filter(pk=self.pk).update(path=path)
            if old:  # moved: carry the subtree along
                moved = list(Unit.objects.filter(path__startswith=old).exclude(pk=self.pk))
                for unit in moved:
                    unit.path = path + unit.path[len(old) :]
                Unit.objects.bulk_update(moved, ["path"])
                unit_moved.send(sender=Unit, unit=self)


class Role(models.TextChoices):
    FILLER = "filler", "填报人"
    UNIT_REVIEWER = "unit_reviewer", "单位审核人"
    DEPT_REVIEWER = "dept_reviewer", "主管部门审核人"
    FINANCE = "finance", "财政/评价人员"
    ADMIN = "admin", "管理员"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jixiao_profile"
    )
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT)
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.FILLER)

    objects: ClassVar[models.Manager[Profile]]

    class Meta:
        verbose_name = "用户角色"
        verbose_name_plural = "用户角色"

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()}（{self.unit}）"


class ApiToken(models.Model):
    """A token for API clients (``Authorization: Bearer …``); only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("用途", max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    is_active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[ApiToken]]

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"
