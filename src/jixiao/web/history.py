"""What changed between two documents, in Chinese lines for the history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.model import Document
from jixiao.web.services import (
    FUNDING_FIELDS,
    HEADER_FIELDS,
    INDICATOR_FIELDS,
    NARRATIVE_SECTIONS,
    main_form_index,
)

MAX_CHANGES = 60


def _text(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _compare(prefix: str, labels: dict[str, str], old: Any, new: Any, out: list[str]) -> None:
    for field, label in labels.items():
        before, after = getattr(old, field, None), getattr(new, field, None)
        if before != after:
            out.append(f"{prefix}{label}：{_text(before)} → {_text(after)}")


def _compare_rows(kinds: tuple[str, str], fields: dict[str, str], old_rows: list[Any],
                  new_rows: list[Any], label: str, changes: list[str]) -> None:
    """Record added, removed and changed rows (funding lines or indicators), by position.
    ``kinds`` names a whole row (新增/删除…) and a changed row's prefix."""
    row, prefix = kinds
    for n in range(max(len(old_rows), len(new_rows))):
        if n >= len(old_rows):
            changes.append(f"新增{row}「{getattr(new_rows[n], label)}」")
        elif n >= len(new_rows):
            changes.append(f"删除{row}「{getattr(old_rows[n], label)}」")
        else:
            _compare(f"{prefix}「{getattr(new_rows[n], label)}」", fields, old_rows[n],
                     new_rows[n], changes)


def describe_changes(old: Document, new: Document) -> list[str]:
    """Chinese lines saying what changed in the main form, for the history."""
    changes: list[str] = []
    old_index, new_index = main_form_index(old), main_form_index(new)
    if old_index is None or new_index is None:
        return ["文件内容已替换"] if old != new else []
    before, after = old.forms[old_index], new.forms[new_index]
    _compare("", HEADER_FIELDS, before, after, changes)
    _compare_rows(("资金行", "资金"), FUNDING_FIELDS, getattr(before, "funding", []),
                  getattr(after, "funding", []), "source", changes)
    _compare_rows(("指标", "指标"), INDICATOR_FIELDS, getattr(before, "indicators", []),
                  getattr(after, "indicators", []), "name", changes)
    old_text = getattr(before, "narrative", {})
    new_text = getattr(after, "narrative", {})
    for key, label in NARRATIVE_SECTIONS.items():
        if old_text.get(key) != new_text.get(key):
            changes.append(f"修改了文字「{label}」")
    if len(changes) > MAX_CHANGES:
        changes = [*changes[:MAX_CHANGES], f"另有 {len(changes) - MAX_CHANGES} 处改动"]
    return changes
