"""The evaluation editor's form: rows of the page ↔ the canonical document.

Field names on the page: header fields by name (``name``, ``claimed_total`` …), funding rows
``f-<n>-<field>``, indicator rows ``i-<n>-<field>``, narrative sections ``n-<section>``; the
tables are replaced only when their marker (``funding-rows``, ``indicator-rows``) is posted. Each
row carries ``orig``, its index in the stored document, so fields the page does not show
(sources, rule parameters, evidence notes …) survive an edit. Validation is the model's own
(:func:`jixiao.model.io.document_from_data`), so a bad number gives the usual Chinese error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.http import QueryDict

from jixiao.errors import JixiaoError
from jixiao.model import Document
from jixiao.model.io import document_from_data
from jixiao.rules.library import builtin_library
from jixiao.web.services import (
    EVALUATION_TYPES,
    FUNDING_FIELDS,
    HEADER_FIELDS,
    INDICATOR_FIELDS,
    NARRATIVE_SECTIONS,
    document_data,
    main_form_index,
)

SELF_EVALUATION_ONLY = {
    "money_unit",
    "execution_weight",
    "claimed_execution_rate",
    "claimed_execution_score",
    "goal_expected",
    "goal_actual",
}
ROWS_SENT = {"funding": "funding-rows", "indicators": "indicator-rows"}
LIST_LABELS = {"funding": ("资金", FUNDING_FIELDS), "indicators": ("指标", INDICATOR_FIELDS)}


@dataclass
class EditorForm:
    """What the editor page shows: header values, funding rows and indicator rows."""

    form_type: str
    header: list[tuple[str, str, str]]  # field, label, value
    funding: list[dict[str, Any]] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    narrative: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def has_funding(self) -> bool:
        return self.form_type != "scored_evaluation"

    @property
    def editable(self) -> bool:
        return self.form_type in EVALUATION_TYPES


@lru_cache(maxsize=1)
def library_options() -> tuple[tuple[str, str], ...]:
    """The indicator library as completions for the indicator name: (name, what it is)."""
    options: dict[str, str] = {}
    for entry in builtin_library():
        item = entry.indicator
        where = "／".join(p for p in (item.level1, item.level2) if p)
        unit = f" · {item.unit}" if item.unit else ""
        hint = f"{where} · {item.direction}{unit}" + (f" · {item.typical}" if item.typical else "")
        for name in (item.name, *item.aliases):
            options.setdefault(name, hint)
    return tuple(sorted(options.items()))


def _value(value: object) -> str:
    return "" if value is None else str(value)


def header_fields(form_type: str) -> dict[str, str]:
    if form_type == "scored_evaluation":
        return {k: v for k, v in HEADER_FIELDS.items() if k not in SELF_EVALUATION_ONLY}
    return dict(HEADER_FIELDS)


def editor_form(document: Document) -> EditorForm:
    """The page's view of the document's main form."""
    index = main_form_index(document)
    if index is None:
        return EditorForm(form_type="", header=[])
    form = document_data(document)["forms"][index]
    form_type = str(form["type"])
    header = [(k, label, _value(form.get(k))) for k, label in header_fields(form_type).items()]
    funding = [
        {"orig": n, "is_total": bool(line.get("is_total"))}
        | {k: _value(line.get(k)) for k in FUNDING_FIELDS}
        for n, line in enumerate(form.get("funding", []))
    ]
    indicators = [
        {"orig": n} | {k: _value(item.get(k)) for k in INDICATOR_FIELDS}
        for n, item in enumerate(form.get("indicators", []))
    ]
    narrative = [
        (key, label, _value(form.get("narrative", {}).get(key)))
        for key, label in NARRATIVE_SECTIONS.items()
    ]
    return EditorForm(form_type, header, funding, indicators, narrative)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _rows(
    post: QueryDict, prefix: str, fields: dict[str, str], stored: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    pattern = re.compile(rf"{prefix}-(\d+)-")
    keys = sorted({int(m.group(1)) for name in post if (m := pattern.match(name))})
    rows = []
    for key in keys:
        values = {name: _clean(post.get(f"{prefix}-{key}-{name}")) for name in fields}
        if all(value is None for value in values.values()):
            continue  # an empty new row
        orig = post.get(f"{prefix}-{key}-orig", "")
        row = dict(stored[int(orig)]) if orig.isdigit() and int(orig) < len(stored) else {}
        for name, value in values.items():
            if value is None:
                row.pop(name, None)
            else:
                row[name] = value
        if prefix == "f":
            row["is_total"] = post.get(f"f-{key}-is_total") == "on"
        rows.append(row)
    return rows


def document_from_post(base: Document, post: QueryDict) -> Document:
    """The base document with the main form replaced by what the page posted."""
    data = document_data(base)
    index = main_form_index(base)
    if index is None or base.forms[index].type not in EVALUATION_TYPES:
        raise JixiaoError("E202", "文件中没有可在网页上编辑的自评表或评分表")
    form: dict[str, Any] = data["forms"][index]
    for name in header_fields(str(form["type"])):
        if name in post:
            value = _clean(post.get(name))
            if value is None:
                form.pop(name, None)
            else:
                form[name] = value
    # A table is replaced only when the page sent it (its row marker): a partial post that
    # names only the header never deletes funding lines or indicators.
    if form["type"] != "scored_evaluation" and ROWS_SENT["funding"] in post:
        form["funding"] = _rows(post, "f", FUNDING_FIELDS, form.get("funding", []))
    if ROWS_SENT["indicators"] in post:
        form["indicators"] = _rows(post, "i", INDICATOR_FIELDS, form.get("indicators", []))
    narrative = dict(form.get("narrative", {}))
    for key in NARRATIVE_SECTIONS:
        if f"n-{key}" in post:
            value = _clean(post.get(f"n-{key}"))
            if value is None:
                narrative.pop(key, None)
            else:
                narrative[key] = value
    form["narrative"] = narrative
    try:
        return document_from_data(data)
    except JixiaoError as error:
        raise JixiaoError(error.code, error.message, field=describe_field(error.field)) from None


def describe_field(path: str | None) -> str | None:
    """``forms.0.indicators.2.weight`` → ``指标第3行「分值」``."""
    if not path:
        return path
    match = re.match(r"forms\.\d+\.(?:[a-z_]+\.)?(funding|indicators)\.(\d+)\.(\w+)", path)
    if match:
        what, labels = LIST_LABELS[match.group(1)]
        label = labels.get(match.group(3), match.group(3))
        return f"{what}第{int(match.group(2)) + 1}行「{label}」"
    match = re.match(r"forms\.\d+\.(?:[a-z_]+_evaluation\.)?(\w+)$", path)
    if match and match.group(1) in HEADER_FIELDS:
        return f"「{HEADER_FIELDS[match.group(1)]}」"
    return path
