"""Admin: units, people and roles; evaluations and their history read-only."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.http import HttpRequest

from jixiao.web.models import Evaluation, Event, Profile, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name",)


class ProfileInline(admin.StackedInline[Profile, User]):
    model = Profile
    can_delete = False
    verbose_name_plural = "单位与角色"


admin.site.unregister(User)


@admin.register(User)
class JixiaoUserAdmin(UserAdmin[User]):
    inlines: ClassVar[list[Any]] = [ProfileInline]
    list_display = ("username", "first_name", "is_active", "is_staff")


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
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


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "evaluation", "user", "action", "to_status", "comment")
    list_filter = ("action",)
