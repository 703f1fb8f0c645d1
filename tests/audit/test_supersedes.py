"""A slip is reported once: the final-accounts check supersedes the general prose check."""

from __future__ import annotations

from jixiao.audit import run_audit
from jixiao.model import Document, Paragraph
from jixiao.rules.pack import load_pack

SENTENCE = "2023年度财政拨款支出200万元，主要用于：一般公共服务（类）支出150万元，占0.75%。"


def codes(**options: object) -> list[str]:
    document = Document(paragraphs=[Paragraph(text=SENTENCE)])
    findings = run_audit(document, load_pack("national"), **options)  # type: ignore[arg-type]
    return [f.code for f in findings if f.expected and "75" in f.expected]


def test_share_slip_reported_once() -> None:
    assert codes() == ["JX603"]


def test_general_check_still_reports_alone() -> None:
    assert codes(select=["JX702"]) == ["JX702"]
