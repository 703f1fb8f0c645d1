"""Findings that rest on figures OCR read uncertainly are warnings, never errors.

A scanned form's cells carry the OCR confidence in their sources
(:attr:`~jixiao.model.common.SourceRef.confidence`). Precision first: an error on a form
any of whose cells was read uncertainly becomes a warning that names the uncertain cells,
since a misread digit anywhere in a sum or a score can make a correct form look wrong.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel

from jixiao.model.common import SourceRef
from jixiao.model.document import Document

if TYPE_CHECKING:  # the framework calls this module
    from jixiao.audit.framework import Finding

SHOWN = 3  # uncertain cells named in a message


def _holds_models(annotation: object) -> bool:
    """Whether a field so annotated can hold a model (a SourceRef among them)."""
    if annotation is Any:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


@cache
def _model_fields(model_class: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model_class`` worth walking: text and number fields are most of a
    form and never hold a source."""
    return tuple(
        name for name, info in model_class.model_fields.items() if _holds_models(info.annotation)
    )


def uncertain_sources(model: object) -> list[SourceRef]:
    """Every uncertain source under ``model`` (a form, an indicator, a list of them), in
    document order. An explicit stack: this walks every error's form, and nested
    generators cost more than the walk itself."""
    found: list[SourceRef] = []
    stack: list[object] = [model]
    while stack:
        item = stack.pop()
        if isinstance(item, SourceRef):
            if item.uncertain:
                found.append(item)
        elif isinstance(item, BaseModel):
            values = item.__dict__  # the fields' values
            stack.extend(values[name] for name in reversed(_model_fields(type(item))))
        elif isinstance(item, list | tuple):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed(item.values()))
    return found


def downgrade_uncertain(findings: list[Finding], document: Document) -> list[Finding]:
    """Errors on forms with uncertain cells turned into "识别不确定" warnings."""
    cache: dict[int | None, list[SourceRef]] = {}
    for finding in findings:
        if finding.severity != "error":
            continue
        form = finding.location.form
        if form not in cache:
            scope = (
                document.forms
                if form is None or form >= len(document.forms)
                else [document.forms[form]]
            )
            cache[form] = uncertain_sources(scope)
        refs = cache[form]
        own = finding.location.source
        if own is not None and own.uncertain and own not in refs:
            refs = [own, *refs]
        if not refs:
            continue
        cells = "、".join(
            f"{ref.describe()}「{ref.text or ''}」（置信度 {ref.confidence:.2f}）"
            for ref in refs[:SHOWN]
            if ref.confidence is not None
        )
        more = f"等 {len(refs)} 处" if len(refs) > SHOWN else ""
        finding.severity = type(finding.severity)("warning")
        finding.message = (
            f"识别不确定：{finding.message}（依据的数字由文字识别读出，"
            f"{cells}{more}把握不足，请核对原件）"
        )
    return findings
