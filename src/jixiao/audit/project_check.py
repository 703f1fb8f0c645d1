"""Checks across the documents of one project (JX83x): the base class and the run over files.

A :class:`ProjectCheck` compares records of one :class:`~jixiao.audit.relate.Project`. Run
as a check of one document it relates that document's own forms; :func:`audit_projects`
relates the records of many files and runs the checks on the pairs that span two files
(the pairs inside one file were checked with that file). A finding is an error only when
the projects were matched by code or name, the years are known and the columns it rests on
were read as such; otherwise a warning that says what is uncertain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, Field

from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity, selected_checks
from jixiao.audit.relate import PROJECT_FORMS, Entry, Project, Record, records_of, relate
from jixiao.model.quantity import parse_quantity


def numbers_alike(first: str | None, second: str | None) -> tuple[Decimal, Decimal] | None:
    """The values of two printed quantities that are both numbers in the same unit (scales
    such as 万 applied), else None: only those can be compared."""
    one, two = parse_quantity(first), parse_quantity(second)
    if not (one.is_numeric and two.is_numeric) or one.unit != two.unit:
        return None
    if one.value is None or two.value is None:
        return None
    return one.value, two.value


class ProjectCheck(Check):
    family = "cycle"
    rests_on: ClassVar[frozenset[str] | None] = frozenset()  # certainty is settled here

    def check_project(self, project: Project) -> Iterator[Finding]:
        raise NotImplementedError

    def run(self, context: AuditContext) -> Iterator[Finding]:
        forms = context.document.forms
        if sum(isinstance(form, PROJECT_FORMS) for form in forms) < 2:
            return  # nothing in this document to relate
        for project in context.shared("projects", lambda: relate(records_of(context.document))):
            yield from self.check_project(project)

    def at(self, record: Record, entry: Entry, field: str) -> Location:
        """The cell of ``entry`` that a finding points at, in ``record``."""
        prefix = "indicators" if record.kind == "self_evaluation" else "indicator_rows"
        return Location(
            form=record.form, form_name=record.name, indicator=entry.number,
            indicator_name="／".join(p for p in (entry.level2, entry.name) if p) or entry.name,
            field=f"{prefix}.{entry.number}.{field}",
            source=entry.sources.get(field) or entry.sources.get("name"),
        )  # fmt: skip

    def related(
        self,
        message: str,
        *,
        project: Project,
        record: Record,
        location: Location,
        year_sure: bool = True,
        rests_on: Iterable[tuple[Record, str]] = (),
        claimed: object = None,
        expected: object = None,
        severity: Severity | None = None,
        tolerance: str | None = None,
    ) -> Finding:
        """A finding on ``record`` whose error holds only if the match, the years and the
        columns in ``rests_on`` (record, field) are certain; else a warning saying why not."""
        found = self.finding(message, location=location, claimed=claimed, expected=expected,
                             severity=severity, tolerance=tolerance)
        found.document = record.file
        reasons = [project.how] if project.near else []
        if not year_sure:
            reasons.append("有一份文件未印明年度")
        reasons += [doubt for other, name in rests_on if (doubt := other.doubts.get(name))]
        if reasons and found.severity is Severity.ERROR:
            found.severity = Severity.WARNING
            found.message += "（无法确定：" + "；".join(dict.fromkeys(reasons)) + "）"
        return found


class ProjectReport(BaseModel):
    """One project related across files: how it was matched, its documents, the findings."""

    name: str
    how: str
    near: bool = False  # matched by a near name only: a guess
    documents: list[str]
    findings: list[Finding] = Field(default_factory=list)


def audit_projects(
    records: Iterable[Record], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[ProjectReport]:
    """Relate the records of many files; for each project that spans two files or more, its
    match and the findings of the selected project checks on pairs of different files."""
    spanning = (project for project in relate(records) if len(project.files) >= 2)
    return report_projects(spanning, select, ignore)


def report_projects(
    projects: Iterable[Project], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[ProjectReport]:
    """The match and the findings of the selected project checks for each project (each
    spanning files: only pairs of different files are compared)."""
    checks = [c for c in selected_checks(select, ignore) if issubclass(c, ProjectCheck)]
    reports: list[ProjectReport] = []
    for project in projects:
        project.across_files = True
        findings = [f for check in checks for f in check().check_project(project)]
        reports.append(ProjectReport(
            name=project.name, how=project.how, near=project.near,
            documents=[record.describe() for record in project.records], findings=findings,
        ))  # fmt: skip
    return reports
