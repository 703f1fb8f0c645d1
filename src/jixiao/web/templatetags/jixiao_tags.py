"""Template filters used across the pages, and the tags that build the long tables' rows
(list, editor, dashboard, 报送进度) in Python: as template nodes they were a large part of
each page's time (loaded as builtins)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from jixiao.web import scoping
from jixiao.web.tables import Table, link_prefix

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


@register.simple_tag
def evaluation_rows(
    rows: list[dict[str, Any]],
    type_labels: dict[str, str],
    status_labels: dict[str, str],
) -> SafeString:
    """The evaluation list's rows (50 a page) built here, not as template nodes: the nodes
    of 50 rows were half of the page's time. Values are escaped as the template would."""
    if not rows:
        return mark_safe('<tr><td colspan="9" class="empty">没有评价表。</td></tr>')
    edit_base = link_prefix("evaluation_edit")
    html = []
    for row in rows:
        errors = row["error_count"]
        total = row["computed_total"]
        html.append(format_html(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}{}/\">{}</a></td>"
            '<td class="num">{}</td><td>{}</td>'
            '<td><span class="status {}">{}</span></td><td class="num">{} / {}</td>'
            "<td>{}</td></tr>\n",
            row["unit__name"], row["year"] or "", type_labels.get(row["form_type"], ""),
            edit_base, row["id"], row["name"],
            "—" if total is None else localize(total), row["grade"],
            row["status"], status_labels.get(row["status"], ""),
            format_html('<span class="sev error">{}</span>', errors) if errors else "0",
            row["warning_count"], localtime(row["updated_at"]).strftime("%Y-%m-%d %H:%M"),
        ))
    return mark_safe("".join(html))  # every piece escaped by format_html


_DECIMAL = mark_safe(' inputmode="decimal"')
_SHORT = mark_safe(' class="short"')
_NONE = mark_safe("")
# the editor's columns after level1, in order: field, attributes before its name, after its value
_INDICATOR_INPUTS = (
    ("level2", _NONE, _NONE), ("name", _NONE, mark_safe(' class="wide" list="indicator-library"')),
    ("weight", _DECIMAL, _SHORT), ("target", _NONE, _NONE), ("actual", _NONE, _NONE),
    ("completion", _NONE, _SHORT), ("rule", _NONE, _NONE), ("claimed_score", _DECIMAL, _SHORT),
    ("deviation_note", _NONE, _NONE),
)
_REMOVE = '<td><button type="button" class="remove" title="删除此行">×</button></td>'


def _shown(value: Any) -> Any:
    return "" if value is None else value


@register.simple_tag
def indicator_rows(rows: list[dict[str, Any]], can_edit: bool) -> SafeString:
    """The editor's indicator rows, built here rather than as some 500 template nodes a
    form (a fifth of the page's time). Every value is escaped by format_html."""
    html = []
    for n, row in enumerate(rows):
        cells: list[str] = [format_html(
            '<td><input type="hidden" name="i-{}-orig" value="{}"><input type="text" '
            'name="i-{}-level1" value="{}"></td>', n, row["orig"], n, _shown(row["level1"]),
        )]
        for field, before, after in _INDICATOR_INPUTS:
            cells.append(format_html(
                '<td><input type="text"{} name="i-{}-{}" value="{}"{}></td>',
                before, n, field, _shown(row[field]), after,
            ))
        result = row.get("result") or {}
        cells.append(format_html(
            '<td class="computed c-completion">{}</td><td class="computed c-score" '
            'title="{}：{}">{}</td><td class="computed c-agrees agree">{}</td>',
            _shown(result.get("computed_completion")), _shown(result.get("rule_title")),
            _shown(result.get("explanation")), _shown(result.get("computed_score")),
            mark(result.get("agrees")),
        ))
        if can_edit:
            cells.append(_REMOVE)
        html.append('<tr class="ind-row">' + "".join(cells) + "</tr>\n")
    return mark_safe("".join(html))  # every value escaped by format_html


def _figure(value: Any) -> Any:
    return "—" if value is None else localize(value)


@register.simple_tag
def unit_figure_rows(rows: list[dict[str, Any]], unit_base: str, year: str) -> SafeString:
    """The dashboard's unit rows (50 a page) built here rather than as some 700 template
    nodes. Every value is escaped by format_html."""
    if not rows:
        return mark_safe('<tr><td colspan="8" class="empty">暂无数据。</td></tr>')
    query = format_html("?year={}", year) if year else ""
    html = [
        format_html(
            '<tr{}><td>{}</td><td><a href="{}{}/{}">{}</a></td><td class="num">{}</td>'
            '<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>'
            '<td class="num">{}</td><td class="num">{}</td></tr>\n',
            mark_safe("" if row["counted"] else ' class="unreported"'),
            row["unit__parent__name"] or "", unit_base, row["unit_id"], query,
            row["unit__name"], localize(row["count"]), localize(row["counted"]),
            _figure(row["average"]), _figure(row["lowest"]), localize(row["errors"]),
            localize(row["approved"]),
        )
        for row in rows
    ]
    return mark_safe("".join(html))  # every value escaped by format_html


@register.simple_tag
def progress_rows(rows: list[Any], overdue_ids: set[int]) -> SafeString:
    """报送进度's unit rows (50 a page) built here rather than as template nodes; overdue
    units marked. Every value is escaped by format_html."""
    if not rows:
        return mark_safe('<tr><td colspan="8" class="empty">没有符合条件的单位。</td></tr>')
    html = []
    for row in rows:
        late = row.unit_id in overdue_ids
        html.append(format_html(
            '<tr class="{}" data-unit="{}"><td>{}</td><td>{}</td><td>{}{}</td>'
            '<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>'
            '<td class="num">{}</td><td class="num">{}</td></tr>\n',
            "overdue" if late else "", row.unit_id, row.parent, row.unit, row.state,
            "（逾期）" if late else "", row.forms, row.drafts, row.returned, row.submitted,
            row.approved,
        ))
    return mark_safe("".join(html))  # every value escaped by format_html
