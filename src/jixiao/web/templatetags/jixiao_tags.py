"""Template filters used across the pages (loaded as builtins)."""

from __future__ import annotations

from typing import Any

from django import template

from jixiao.web import scoping
from jixiao.web.tables import Table

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    """``{{ labels|get_item:row.status }}``: a dictionary value by key ("" when absent)."""
    if not mapping:
        return ""
    return mapping.get(key, "")


@register.filter
def mark(agrees: bool | None) -> str:
    """✓ / ✗ / nothing for an agreement flag."""
    return {True: "✓", False: "✗"}.get(agrees, "") if agrees is not None else ""


@register.filter
def level_label(level: str) -> str:
    """``unit`` → 单位审核 (a review level's name)."""
    return scoping.level_label(level)


@register.filter
def sort_link(table: Table[Any], key: str) -> str:
    """The link that sorts ``table`` by ``key`` (ascending first, then flipping)."""
    return table.sort_link(key)
