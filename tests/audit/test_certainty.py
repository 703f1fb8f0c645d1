"""The certainty model: errors only on what was read with certainty.

Forms are built as tab-separated text exports (one line a row) and read by the real
recognizer, so the doubts are the recognizer's own.
"""

from __future__ import annotations

from auditing import audit
from checkdocs import FIXTURES, generated_codes

from jixiao.audit.framework import Severity, run_audit
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.recognize import recognize
from jixiao.model import Document
from jixiao.rules.pack import load_pack

HEADER = "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分"
ROWS = [
    "产出指标(50分)\t数量指标\t培训人数\t30\t≥100人\t100人\t30",
    "\t质量指标\t合格率\t20\t≥95%\t96%\t20",
    "效益指标(30分)\t社会效益指标\t就业人数\t30\t≥20人\t20人\t30",
    "满意度指标(10分)\t满意度指标\t学员满意度\t10\t≥90%\t95%\t10",
]
FUNDING = [
    "资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t50\t50\t50\t10\t100%\t10",
]


def read(lines: list[str]) -> Document:
    text = "项目支出绩效自评表\n\n" + "\n".join(lines) + "\n"
    return recognize(read_text(text, "form.txt")).document


def findings(document: Document, *codes: str) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in audit(document, *codes)]


def test_complete_form_has_no_doubts() -> None:
    form = read([*FUNDING, HEADER, *ROWS, "总分\t\t\t100\t\t\t100"]).forms[0]
    assert form.uncertain == []  # type: ignore[union-attr]


def test_table_ending_inside_a_group_is_cut_off() -> None:
    document = read([*FUNDING, HEADER, *ROWS[:1]])  # 产出指标(50分) with 30 points read
    form = document.forms[0]
    assert form.cut_off  # type: ignore[union-attr]
    found = findings(document)
    assert ("JX111", Severity.INFO) in found
    assert not [f for f in found if f[0] in ("JX101", "JX103", "JX201", "JX501")]
    assert all(severity is not Severity.ERROR for _, severity in found)


def test_table_starting_inside_a_group_is_cut_off() -> None:
    rows = ["\t质量指标\t合格率\t20\t≥95%\t96%\t20", *ROWS[2:], "总分\t\t\t\t\t\t99"]
    document = read([*FUNDING, HEADER, *rows])
    assert document.forms[0].uncertain[0].subject == "top"  # type: ignore[union-attr]
    found = findings(document)
    assert ("JX111", Severity.INFO) in found and "JX201" not in {c for c, _ in found}


def test_group_short_in_the_middle_is_still_an_error() -> None:
    rows = [ROWS[0], *ROWS[2:], "总分\t\t\t70\t\t\t70"]  # 产出 (50) has 30: table is whole
    document = read([*FUNDING, HEADER, *rows])
    assert not document.forms[0].cut_off  # type: ignore[union-attr]
    assert ("JX101", Severity.ERROR) in findings(document, "JX101")


def test_whole_table_without_total_row_makes_blank_total_a_warning() -> None:
    document = read([*FUNDING, HEADER, *ROWS])
    form = document.forms[0]
    assert [u.aspect for u in form.uncertain] == ["total_row"]  # type: ignore[union-attr]
    assert findings(document, "JX501") == [("JX501", Severity.WARNING)]
    assert "未见总分" in audit(document, "JX501")[0].message


def test_assumed_execution_worth_makes_points_a_warning() -> None:
    funding = [
        "资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率\t得分",
        "年度资金总额\t50\t50\t40\t80%\t10",
    ]
    document = read([*funding, HEADER, *ROWS, "总分\t\t\t\t\t\t100"])
    found = audit(document, "JX204")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "未印执行率分值" in found[0].message


def test_assumed_rule_pack_keeps_an_error_no_pack_allows() -> None:
    # Met target, 7 of 10: every built-in pack gives full marks (see test_every_pack.py
    # for a printed score some pack allows, which becomes a warning).
    wrong = "满意度指标(10分)\t满意度指标\t学员满意度\t10\t≥90%\t95%\t7"
    document = read([*FUNDING, HEADER, *ROWS[:3], wrong, "总分\t\t\t100\t\t\t97"])
    pack = load_pack("national")
    stated = run_audit(document, pack, select=["JX301"])
    assumed = run_audit(document, pack, select=["JX301"], rule_assumed=True)
    assert [f.severity for f in stated] == [Severity.ERROR]
    assert [f.severity for f in assumed] == [Severity.ERROR]
    assert "未识别出省份" in assumed[0].message


def test_every_structure_arithmetic_and_completeness_finding_names_its_tolerance() -> None:
    for code in generated_codes():
        if code[:3] in ("JX1", "JX2", "JX5"):
            for finding in audit(FIXTURES / code / "fail.yaml", code):
                assert finding.tolerance, f"{code}: {finding.message}"


def test_a_findings_own_basis_decides_and_is_never_written_out() -> None:
    """A finding's own ``rests_on`` (here a guessed column) overrides its check's, and stays
    the auditor's: neither the JSON of a finding nor its dump carries it."""
    from jixiao.audit.framework import AuditContext, Check, Location, _apply_certainty
    from jixiao.model.evaluation import Uncertainty
    from jixiao.scoring import score_document

    document = read([*FUNDING, HEADER, *ROWS, "总分\t\t\t100\t\t\t100"])
    form = document.forms[0]
    form.uncertain.append(  # type: ignore[union-attr]
        Uncertainty(aspect="column", subject="actual", reason="实际完成值列系推定")
    )
    pack = load_pack("national")
    context = AuditContext(document, pack, score_document(document, pack))

    class Probe(Check):
        code, title, family = "JX999", "探针", "structure"

    probe = Probe()
    own = probe.finding("错", location=Location(form=0), rests_on={"column:actual"})
    plain = probe.finding("错", location=Location(form=0))
    assert _apply_certainty(own, frozenset(), context)
    assert _apply_certainty(plain, frozenset(), context)
    assert own.severity is Severity.WARNING and "实际完成值列系推定" in own.message
    assert plain.severity is Severity.ERROR
    assert "rests_on" not in own.model_dump() and "rests_on" not in own.model_dump_json()
