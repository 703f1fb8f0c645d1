"""Admin: units, people and roles; evaluations and their history read-only. Nothing with a
history is ever deleted: users, units and evaluations are deactivated (停用) instead."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest

from jixiao.web import workflow
from jixiao.web.models import Evaluation, Event, Profile, Task, Unit


class NoDelete:
    """Never deleted: deactivated instead, so no history is lost."""

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Unit)
class UnitAdmin(NoDelete, admin.ModelAdmin[Unit]):
    list_display = ("name", "kind", "parent", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)


@admin.register(Task)
class TaskAdmin(NoDelete, admin.ModelAdmin[Task]):
    list_display = ("name", "year", "issuer", "deadline", "is_active")
    list_filter = ("year", "is_active")
    filter_horizontal = ("units",)


class ProfileInline(admin.StackedInline[Profile, User]):
    model = Profile
    can_delete = False
    verbose_name_plural = "单位与角色"


admin.site.unregister(User)


@admin.register(User)
class JixiaoUserAdmin(NoDelete, UserAdmin[User]):
    """Users are deactivated (停用), never deleted: their names stay in the history."""

    inlines: ClassVar[list[Any]] = [ProfileInline]
    list_display = ("username", "first_name", "is_active", "is_staff")
    actions = ("deactivate",)

    @admin.action(description="停用所选用户（保留其操作记录）")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        queryset.update(is_active=False)


class ReadOnlyAdmin(NoDelete, admin.ModelAdmin[Any]):

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnlyAdmin):
    list_display = ("name", "unit", "year", "form_type", "computed_total", "grade", "status")
    list_filter = ("status", "form_type", "year")
    search_fields = ("name", "unit__name")
    exclude = ("document", "result")
    actions = ("deactivate",)

    @admin.action(description="停用所选评价表（保留全部历史）")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Evaluation]) -> None:
        user = request.user
        assert isinstance(user, User)
        for evaluation in queryset.filter(is_active=True):
            workflow.deactivate(evaluation, user=user, reason="管理员停用")


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "evaluation", "user", "action", "to_status", "comment")
    list_filter = ("action",)
