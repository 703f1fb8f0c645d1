"""Django application config for the jixiao web app."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "jixiao.web"
    label = "jixiao"
    verbose_name = "预算绩效评价"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jixiao.web import stats  # noqa: F401  (connects the aggregates to unit moves)
