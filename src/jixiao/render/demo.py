"""The demo: the bundled sample scored and rendered (``jixiao demo``, README's first step)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jixiao.assessment import assess
from jixiao.model.document import Document
from jixiao.model.io import parse_document_text
from jixiao.render.report import ReportOptions, ReportSummary, write_report
from jixiao.render.xlsx import FormsOptions, FormsSummary, write_forms

SAMPLES_PACKAGE = "jixiao.samples"
DEMO_SAMPLE = "demo.yaml"


def load_sample(name: str = DEMO_SAMPLE) -> Document:
    """A bundled sample document (package data of :mod:`jixiao.samples`)."""
    text = resources.files(SAMPLES_PACKAGE).joinpath(name).read_text("utf-8")
    return parse_document_text(text, file=f"jixiao/samples/{name}")


@dataclass(frozen=True)
class DemoResult:
    sample: str
    pack: str
    pack_reason: str
    forms: FormsSummary
    report: ReportSummary


def run_demo(out_dir: Path) -> DemoResult:
    """Score the sample and write ``form.xlsx`` and ``report.docx`` (with charts) into
    ``out_dir``."""
    assessment = assess(load_sample())
    forms = write_forms(assessment, out_dir / "form.xlsx", FormsOptions())
    report = write_report(assessment, out_dir / "report.docx", ReportOptions(with_findings=True))
    return DemoResult(DEMO_SAMPLE, assessment.pack.name, assessment.pack_reason, forms, report)
