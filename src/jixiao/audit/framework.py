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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import ClassVar, TypeVar, cast

from pydantic import BaseModel, Field

from jixiao.audit.every_pack import wrong_under_every_pack
from jixiao.audit.uncertainty import downgrade_uncertain
from jixiao.errors import JixiaoError
from jixiao.model.common import SourceRef
from jixiao.model.document import Document
from jixiao.model.evaluation import EvaluationBase, Uncertainty
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
    # What this finding rests on, when it differs from its check's ``rests_on``: the
    # auditor's own, never written out. A field, not a private attribute, because those
    # cost more to make and to read than the rest of a finding.
    rests_on: frozenset[str] | None = Field(default=None, exclude=True, repr=False)


_T = TypeVar("_T")


@dataclass
class AuditContext:
    """What a check sees: the document, the pack and the engine's scores (computed once).
    ``rule_assumed`` is set when the pack was not stated but assumed (no province found)."""

    document: Document
    pack: Pack
    scores: DocumentResult
    rule_assumed: bool = False
    pack_reason: str = ""
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def shared(self, key: str, make: Callable[[], _T]) -> _T:
        """What several checks derive from the document (its passages, the figures the
        final-accounts reader judged), made on first use and kept for this audit."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(_T, self._memo[key])


# What a finding can rest on (``Check.rests_on``): the whole table read (``table``), the
# group it names read whole (``group``), a column's role (``column:<field>``), the printed
# worth of the execution row (``execution_weight``), a printed total row (``total_row``)
# and the rule pack (``rule``). See :func:`_apply_certainty`.
# A rule finding rests on the rule and on the columns whose figures the rule scores.
FAMILY_BASIS: dict[str, frozenset[str]] = {
    "rule_conformance": frozenset({
        "rule", "column:weight", "column:target", "column:actual", "column:completion",
        "column:claimed_score",
    }),
}  # fmt: skip


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
    # What the check's findings rest on; an uncertain basis turns an error into a warning,
    # and a finding on a cut-off table or group is left to JX111. None: the family's default.
    rests_on: ClassVar[frozenset[str] | None] = None
    # The tolerance a finding names when it does not give its own.
    tolerance: ClassVar[str | None] = None

    @classmethod
    def basis(cls) -> frozenset[str]:
        if cls.rests_on is not None:
            return cls.rests_on
        return FAMILY_BASIS.get(cls.family, frozenset())

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
        rests_on: Iterable[str] | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            title=self.title,
            message=message,
            location=location or Location(),
            claimed=_text(claimed),
            expected=_text(expected),
            tolerance=tolerance or self.tolerance,
            rests_on=None if rests_on is None else frozenset(rests_on),
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
    return list(_selected(tuple(select), tuple(ignore)))


@cache  # a batch audits thousands of documents with the same selection
def _selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[type[Check], ...]:
    checks = all_checks()
    for pattern in [*select, *ignore]:
        if not any(_matches(code, [pattern]) for code in checks):
            raise JixiaoError("E601", f"没有代码以 {pattern!r} 开头的审核规则")
    return tuple(
        cls
        for code, cls in checks.items()
        if (not select or _matches(code, select)) and not _matches(code, ignore)
    )


def run_audit(
    document: Document,
    pack: Pack,
    *,
    scores: DocumentResult | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    pack_reason: str = "",
    rule_assumed: bool = False,
) -> list[Finding]:
    """Run the selected checks on ``scores`` (the engine's scores of ``document`` under
    ``pack``; computed here when not given); findings sorted by form, severity, code."""
    context = AuditContext(
        document,
        pack,
        scores if scores is not None else score_document(document, pack, pack_reason=pack_reason),
        rule_assumed=rule_assumed,
        pack_reason=pack_reason,
    )
    findings: list[Finding] = []
    checks = selected_checks(select, ignore)
    for check_class in checks:
        basis = check_class.basis()
        for finding in check_class().run(context):
            finding.document = document.source_file
            if _apply_certainty(finding, basis, context):
                findings.append(finding)
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


def _touches(doubt: Uncertainty, basis: frozenset[str], finding: Finding, form: object) -> bool:
    if doubt.aspect == "group":
        if (
            not isinstance(form, EvaluationBase)
            or "group" not in basis
            or not (finding.location.field or "").startswith("groups.")
        ):
            return False
        number = finding.location.field.split(".")[1] if finding.location.field else ""
        return (
            number.isdigit()
            and int(number) < len(form.groups)
            and (form.groups[int(number)].name == doubt.subject)
        )
    if doubt.aspect == "column":
        return f"column:{doubt.subject}" in basis
    return doubt.aspect in basis


def _apply_certainty(finding: Finding, basis: frozenset[str], context: AuditContext) -> bool:
    """Error only when everything the finding rests on is certain: otherwise a warning that
    says what is uncertain. False (drop it) for a finding on a cut-off table or group, which
    JX111 reports once as information."""
    basis = finding.rests_on if finding.rests_on is not None else basis
    if not basis or finding.severity is Severity.INFO:
        return True
    reasons: list[str] = []
    index = finding.location.form
    forms = context.document.forms
    form = forms[index] if index is not None and 0 <= index < len(forms) else None
    doubts: list[Uncertainty] = getattr(form, "uncertain", [])  # every form that records any
    for doubt in doubts:
        if not _touches(doubt, basis, finding, form):
            continue
        if doubt.aspect in ("table", "group"):
            return False
        reasons.append(doubt.reason)
    if "rule" in basis and context.rule_assumed and not _rule_printed(finding, form):
        if finding.severity is Severity.ERROR and wrong_under_every_pack(
            context.document, index, finding.location.indicator, finding.location.field
        ):
            finding.message += "（未识别出省份，但按任何内置规则包的规则都得不到原文数值）"
        else:
            reasons.append(f"评分规则系假定（{context.pack_reason or '未指定规则包'}）")
    if reasons and finding.severity is Severity.ERROR:
        finding.severity = Severity.WARNING
        finding.message += "（无法确定：" + "；".join(dict.fromkeys(reasons)) + "）"
    return True


def _rule_printed(finding: Finding, form: object) -> bool:
    """Whether the indicator a finding points at prints its own scoring rule (then the rule
    is the document's, not the assumed pack's)."""
    number = finding.location.indicator
    if not isinstance(form, EvaluationBase) or number is None:
        return False
    return 0 <= number < len(form.indicators) and bool((form.indicators[number].rule or "").strip())
