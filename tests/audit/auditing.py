"""Helpers for the audit tests: run the auditor on a file, find a finding, compare values."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from jixiao.audit.framework import Finding, run_audit
from jixiao.model.document import Document
from jixiao.model.io import load_document
from jixiao.rules.infer import resolve_pack


def audit(source: Path | Document, *codes: str) -> list[Finding]:
    document = load_document(source) if isinstance(source, Path) else source
    pack, reason = resolve_pack("auto", document)
    return run_audit(document, pack, select=codes, pack_reason=reason)


def number(value: object) -> Decimal | None:
    if value is None:
        return None
    text = re.sub(r"[%万元人件次分\s<>=≥≤]", "", str(value))
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def same(mine: str | None, oracle: object) -> bool:
    """Equal as numbers when both are numbers (9.8 = 9.80, "100%" = 100), else as text."""
    if isinstance(oracle, list):
        return {number(v) for v in oracle} <= {number(p) for p in re.split("[、,]", mine or "")}
    left, right = number(mine), number(oracle)
    if left is not None and right is not None:
        return left == right
    return (mine or "") == ("" if oracle is None else str(oracle))


def pick(findings: list[Finding], code: str, **where: object) -> list[Finding]:
    """Findings of ``code`` whose location and values match ``where`` (form=, claimed=, …)."""
    found = []
    for finding in findings:
        if finding.code != code:
            continue
        if "form" in where and finding.location.form != where["form"]:
            continue
        if "indicator" in where and where["indicator"] not in (finding.location.indicator_name
                                                               or ""):
            continue
        if "claimed" in where and not same(finding.claimed, where["claimed"]):
            continue
        if "expected" in where and not same(finding.expected, where["expected"]):
            continue
        found.append(finding)
    return found
