"""Layouts of other provinces read by meaning: weights stated in labels and headers, totals
stated in the label of the total row, rates printed as ratios, the form type by framework."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.framework import Severity, run_audit
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.recognize import recognize
from jixiao.model import Document, ProjectSelfEvaluation, ScoredEvaluation
from jixiao.rules.pack import load_pack

INDICATORS = [
    "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分",
    "产出指标(40分)\t数量指标\t培训人数\t40\t≥100人\t100人\t40",
    "效益指标(30分)\t社会效益指标\t就业人数\t30\t≥20人\t20人\t30",
    "满意度指标(10分)\t满意度指标\t学员满意度\t10\t≥90%\t95%\t10",
]


def read(*lines: str) -> Document:
    text = "项目支出绩效自评表\n\n" + "\n".join(lines) + "\n"
    return recognize(read_text(text, "f.txt")).document


def codes(document: Document, severity: Severity | None = None) -> set[str]:
    return {
        f.code
        for f in run_audit(document, load_pack("national"))
        if severity is None or f.severity is severity
    }


def test_execution_worth_stated_in_the_block_label_and_the_score_header() -> None:
    for label, score in (("预算执行情况(20分)", "得分"), ("项目资金", "得分(20分*执行率)")):
        document = read(
            f"{label}\t资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率\t{score}",
            "\t年度资金总额\t50\t50\t40\t80%\t16",
            *INDICATORS,
            "总分(100分)\t96",
        )
        form = document.forms[0]
        assert isinstance(form, ProjectSelfEvaluation)
        assert form.execution_weight == Decimal(20)
        assert (form.claimed_total, form.total_weight) == (Decimal(96), Decimal(100))
        assert not codes(document, Severity.ERROR)
        assert not codes(document, Severity.WARNING) & {"JX103", "JX201", "JX204"}


def test_execution_rate_printed_as_a_ratio() -> None:
    funding = "资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分"
    for spent, printed, wrong in (("50", "1", False), ("40", "0.8", False), ("40", "0.98", True)):
        document = read(funding, f"年度资金总额\t50\t50\t{spent}\t20\t{printed}\t16",
                        *INDICATORS, "总分\t\t\t100\t\t\t96")
        assert ("JX203" in codes(document)) is wrong, printed


def test_decision_and_process_tables_are_scoring_tables() -> None:
    document = read(
        "一级指标\t二级指标\t三级指标\t分值\t评分标准\t得分",
        "决策(20分)\t项目立项\t立项依据充分性\t20\t依据充分得20分\t20",
        "过程(80分)\t资金管理\t资金到位率\t80\t到位率×分值\t80",
        "总分\t\t\t100\t\t100",
    )
    form = document.forms[0]
    assert isinstance(form, ScoredEvaluation)
    assert "JX103" not in codes(document)  # no assumed 10-point execution row


def test_a_score_beside_each_level() -> None:
    document = read(
        "一级指标\t得分\t二级指标\t得分\t三级指标\t分值\t得分",
        "产出指标(50分)\t48\t数量指标(30分)\t30\t培训人数\t30\t30",
        "\t\t质量指标(20分)\t18\t合格率\t20\t18",
        "效益指标(50分)\t49\t社会效益指标(50分)\t49\t就业人数\t50\t49",
        "总分\t97",
    )
    form = document.forms[0]
    assert [i.claimed_score for i in form.indicators] == [30, 18, 49]  # type: ignore[union-attr]
    groups = {(g.level, g.name): g.claimed_score for g in form.groups}  # type: ignore[union-attr]
    assert groups[(1, "产出指标")] == 48 and groups[(2, "质量指标")] == 18
    assert "JX202" not in codes(document)


def test_weights_stated_only_in_level_labels() -> None:
    document = read(
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分",
        "产出指标(50分)\t数量指标(30分)\t培训人数\t≥100人\t100人\t30",
        "\t质量指标(20分)\t合格率\t≥95%\t96%\t20",
        "效益指标(50分)\t社会效益指标(50分)\t就业人数\t≥20人\t20人\t50",
        "总分\t100",
    )
    form = document.forms[0]
    assert [i.weight for i in form.indicators] == [30, 20, 50]  # type: ignore[union-attr]
    assert not codes(document) & {"JX101", "JX103", "JX507"}


def test_template_rows_do_not_count_as_indicators() -> None:
    document = read(
        *INDICATORS[:3],
        "\t\t指标2: ……\t\t\t\t",
        INDICATORS[3],
        "总分\t\t\t80\t\t\t80",
    )
    form = document.forms[0]
    assert not form.cut_off  # type: ignore[union-attr]
    found = codes(document)
    assert "JX505" in found and "JX101" not in found


def test_criteria_with_several_bracketed_points_are_summed() -> None:
    from jixiao.audit.checks.jx108_rule_points import rule_maximum

    assert rule_maximum("制度健全(1分)，执行有效(1分)，有记录(1分)", Decimal(3)) == 3
    assert rule_maximum("全部完成(5分)，部分完成(3分)，未完成(0分)", Decimal(5)) == 5
