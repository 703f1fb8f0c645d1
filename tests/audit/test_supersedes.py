"""A slip is read by one reader and reported once (no check hides another's finding)."""

from __future__ import annotations

from jixiao.audit import run_audit
from jixiao.model import Document, Paragraph
from jixiao.rules.pack import load_pack

SENTENCE = "2023年度财政拨款支出200万元，主要用于：一般公共服务（类）支出150万元，占0.75%。"


def codes(text: str = SENTENCE, **options: object) -> list[str]:
    document = Document(paragraphs=[Paragraph(text=text)])
    findings = run_audit(document, load_pack("national"), **options)  # type: ignore[arg-type]
    return [f.code for f in findings if f.expected and "75" in f.expected]


def test_share_slip_reported_once() -> None:
    assert codes() == ["JX603"]


def test_prose_check_leaves_the_accounts_figure_to_the_accounts_check() -> None:
    # The final-accounts reader reads this share and JX603 judges it: JX702 does not read
    # it a second time, even when it runs alone.
    assert codes(select=["JX702"]) == []


def test_prose_check_judges_what_the_accounts_reader_does_not() -> None:
    text = "本项目共投入资金200万元，其中：设备购置150万元，占0.75%。"
    assert codes(text) == ["JX702"]
