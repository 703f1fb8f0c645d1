"""An audit run over many files: per-document findings, files that could not be read, counts.

Counts are kept as the documents arrive, so a run over thousands of files can drop each
document's findings once they are printed (:meth:`AuditRun.add` with ``keep=False``) and
still report its totals."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr, SkipValidation

from jixiao.audit.framework import SEVERITY_ZH, Finding, Severity
from jixiao.audit.project_check import ProjectReport
from jixiao.audit.relate import Record


class DocumentReport(BaseModel):
    file: str
    pack: str
    pack_reason: str
    findings: list[Finding] = Field(default_factory=list)
    found: int = 0  # how many findings the document had (kept when they are dropped)
    # What the checks across files need of its forms; handed to the run, then dropped.
    records: SkipValidation[list[Record]] = Field(default_factory=list, exclude=True)


class LoadFailure(BaseModel):
    """A file that could not be read: the error code and its Chinese message."""

    file: str
    code: str
    message: str


class AuditRun(BaseModel):
    documents: list[DocumentReport] = Field(default_factory=list)
    failures: list[LoadFailure] = Field(default_factory=list)
    projects: list[ProjectReport] = Field(default_factory=list)  # related across files
    _severities: Counter[Severity] = PrivateAttr(default_factory=Counter)
    _codes: dict[str, Counter[str]] = PrivateAttr(default_factory=dict)
    _titles: dict[str, str] = PrivateAttr(default_factory=dict)

    def add(self, report: DocumentReport, *, keep: bool = True) -> None:
        """Count a document's findings; keep them only when ``keep`` (json/html need them)."""
        report.found = len(report.findings)
        self._count(report.findings)
        report.records = []
        if not keep:
            report.findings = []
        self.documents.append(report)

    def add_projects(self, projects: list[ProjectReport]) -> None:
        """The projects related across files, and the findings on them."""
        for project in projects:
            self._count(project.findings)
        self.projects.extend(projects)

    def _count(self, findings: list[Finding]) -> None:
        for finding in findings:
            self._severities[finding.severity] += 1
            self._codes.setdefault(finding.code, Counter())[finding.severity.value] += 1
            self._titles[finding.code] = finding.title

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings] + [
            f for p in self.projects for f in p.findings
        ]

    def count(self, severity: Severity) -> int:
        return self._severities[severity]

    def by_code(self) -> dict[str, Counter[str]]:
        """Per check code, the number of findings by severity."""
        return dict(sorted(self._codes.items()))

    def summary_text(self) -> str:
        parts = [f"{SEVERITY_ZH[s]} {self.count(s)}" for s in Severity]
        text = f"共审核 {len(self.documents)} 个文件：" + "，".join(parts)
        if self.projects:
            text += f"；{len(self.projects)} 个项目跨文件关联"
        if self.failures:
            text += f"；{len(self.failures)} 个文件无法读取"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": {
                "documents": len(self.documents),
                "unreadable": len(self.failures),
                **{s.value: self.count(s) for s in Severity},
                "by_code": {
                    code: {"title": self._titles[code], **dict(counts)}
                    for code, counts in self.by_code().items()
                },
            },
            "documents": [
                {"file": d.file, "pack": d.pack, "pack_reason": d.pack_reason,
                 "findings": d.found}
                for d in self.documents
            ],
            "failures": [f.model_dump() for f in self.failures],
            "projects": [
                {"name": p.name, "how": p.how, "near": p.near, "documents": p.documents,
                 "findings": len(p.findings)}
                for p in self.projects
            ],
            "findings": [f.model_dump(mode="json", exclude_none=True) for f in self.findings],
        }
