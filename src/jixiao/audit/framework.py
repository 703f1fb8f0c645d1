"""Check framework, in the manner of a linter.

A check is a subclass of :class:`Check` in its own module under :mod:`jixiao.audit.checks`,
named by its code (``jx101_weights_sum.py``). Class attributes give the stable code, the
family, the severity and the Chinese title; the class docstring explains the anti-pattern
and the fix (the docs page under ``docs/checks/`` carries a failing and a passing example).
``run`` yields findings; the framework fills in the document and the defaults. Adding a
check is adding a file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import ClassVar

from pydantic import BaseModel, Field

from jixiao.audit.uncertainty import downgrade_uncertain
from jixiao.errors import JixiaoError
from jixiao.model.common import SourceRef
from jixiao.model.document import Document
from jixiao.rules.pack import Pack
from jixiao.scoring import DocumentResult, score_document


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


class Location(BaseModel):
    """Where a finding points: form and indicator (by index and name), the field, and the
    source cell or sentence (``source``: table/row/col or paragraph with offsets)."""

    form: int | None = None
    form_name: str | None = None
    indicator: int | None = None
    indicator_name: str | None = None
    field: str | None = None
    source: SourceRef | None = None

    def describe(self) -> str:
        parts = []
        if self.form_name:
            parts.append(f"《{self.form_name}》")
        if self.indicator_name:
            parts.append(f"指标「{self.indicator_name}」")
        if self.field:
            parts.append(f"字段 {self.field}")
        if self.source is not None:
            parts.append(self.source.describe())
        return " ".join(parts) or "（整个文件）"


class Finding(BaseModel):
    document: str | None = None
    code: str
    severity: Severity
    title: str
    message: str
    location: Location = Field(default_factory=Location)
    claimed: str | None = None
    expected: str | None = None
    tolerance: str | None = None


@dataclass
class AuditContext:
    """What a check sees: the document, the pack and the engine's scores (computed once)."""

    document: Document
    pack: Pack
    scores: DocumentResult


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class Check:
    code: ClassVar[str]
    title: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    # Codes of more general checks that report the same slip less precisely: their finding
    # is dropped when this check reports the same figure in the same paragraph.
    supersedes: ClassVar[tuple[str, ...]] = ()

    def run(self, context: AuditContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        *,
        location: Location | None = None,
        claimed: object = None,
        expected: object = None,
        severity: Severity | None = None,
        tolerance: str | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            title=self.title,
            message=message,
            location=location or Location(),
            claimed=_text(claimed),
            expected=_text(expected),
            tolerance=tolerance,
        )


@cache
def all_checks() -> dict[str, type[Check]]:
    """Every check class by code, discovered from the modules of :mod:`jixiao.audit.checks`."""
    from jixiao.audit import checks

    found: dict[str, type[Check]] = {}
    for info in pkgutil.iter_modules(checks.__path__):
        module = importlib.import_module(f"{checks.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Check)
                and value is not Check
                and value.__module__ == module.__name__
            ):
                if value.code in found:
                    raise RuntimeError(f"check code {value.code} defined twice")
                found[value.code] = value
    return dict(sorted(found.items()))


def _matches(code: str, patterns: Iterable[str]) -> bool:
    # "JX1" selects the family JX1xx, "JX101" one check.
    return any(code.upper().startswith(p.strip().upper()) for p in patterns if p.strip())


def selected_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[type[Check]]:
    select, ignore = list(select), list(ignore)
    checks = all_checks()
    for pattern in [*select, *ignore]:
        if not any(_matches(code, [pattern]) for code in checks):
            raise JixiaoError("E601", f"没有代码以 {pattern!r} 开头的审核规则")
    return [
        cls
        for code, cls in checks.items()
        if (not select or _matches(code, select)) and not _matches(code, ignore)
    ]


def run_audit(
    document: Document,
    pack: Pack,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    pack_reason: str = "",
) -> list[Finding]:
    """Run the selected checks; findings sorted by form, then severity, then code."""
    context = AuditContext(document, pack, score_document(document, pack, pack_reason=pack_reason))
    findings: list[Finding] = []
    checks = selected_checks(select, ignore)
    for check_class in checks:
        for finding in check_class().run(context):
            finding.document = document.source_file
            findings.append(finding)
    findings = _without_superseded(findings, {c.code: c.supersedes for c in checks})
    findings = downgrade_uncertain(findings, document)  # OCR: uncertain figures never err
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    findings.sort(
        key=lambda f: (
            f.location.form if f.location.form is not None else -1,
            order[f.severity],
            f.code,
            f.location.indicator if f.location.indicator is not None else -1,
        )
    )
    return findings


def _figure(text: str | None) -> Decimal | None:
    """The magnitude of a claimed/expected figure (``"-14.35"``, ``"14.35%"`` → 14.35)."""
    if text is None:
        return None
    try:
        return abs(Decimal(text.strip().rstrip("%")))
    except ArithmeticError:
        return None


def _without_superseded(findings: list[Finding], supersedes: dict[str, tuple[str, ...]]
                        ) -> list[Finding]:
    def key(finding: Finding) -> tuple[int | None, Decimal | None] | None:
        source = finding.location.source
        if source is None or source.paragraph is None:
            return None
        return source.paragraph, _figure(finding.expected)

    covered: dict[str, set[tuple[int | None, Decimal | None]]] = {}
    for finding in findings:
        spot = key(finding)
        for general in supersedes.get(finding.code, ()):
            if spot is not None:
                covered.setdefault(general, set()).add(spot)
    return [f for f in findings if key(f) is None or key(f) not in covered.get(f.code, set())]
