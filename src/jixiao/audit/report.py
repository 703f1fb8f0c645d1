"""An audit run over many files: per-document findings, files that could not be read, counts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, Field

from jixiao.audit.framework import SEVERITY_ZH, Finding, Severity


class DocumentReport(BaseModel):
    file: str
    pack: str
    pack_reason: str
    findings: list[Finding] = Field(default_factory=list)


class LoadFailure(BaseModel):
    """A file that could not be read: the error code and its Chinese message."""

    file: str
    code: str
    message: str


class AuditRun(BaseModel):
    documents: list[DocumentReport] = Field(default_factory=list)
    failures: list[LoadFailure] = Field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def by_code(self) -> dict[str, Counter[str]]:
        """Per check code, the number of findings by severity."""
        table: dict[str, Counter[str]] = {}
        for finding in self.findings:
            table.setdefault(finding.code, Counter())[finding.severity.value] += 1
        return dict(sorted(table.items()))

    def summary_text(self) -> str:
        parts = [f"{SEVERITY_ZH[s]} {self.count(s)}" for s in Severity]
        text = f"共审核 {len(self.documents)} 个文件：" + "，".join(parts)
        if self.failures:
            text += f"；{len(self.failures)} 个文件无法读取"
        return text

    def to_json(self) -> dict[str, Any]:
        titles = {f.code: f.title for f in self.findings}
        return {
            "summary": {
                "documents": len(self.documents),
                "unreadable": len(self.failures),
                **{s.value: self.count(s) for s in Severity},
                "by_code": {
                    code: {"title": titles[code], **dict(counts)}
                    for code, counts in self.by_code().items()
                },
            },
            "documents": [
                {"file": d.file, "pack": d.pack, "pack_reason": d.pack_reason,
                 "findings": len(d.findings)}
                for d in self.documents
            ],
            "failures": [f.model_dump() for f in self.failures],
            "findings": [f.model_dump(mode="json", exclude_none=True) for f in self.findings],
        }
