"""The five seed documents, checked against hand-written expectations."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import IngestResult, ingest
from jixiao.model import (
    BasicDataTable,
    DepartmentSelfEvaluation,
    ProjectSelfEvaluation,
    Questionnaire,
    ScoredEvaluation,
)


@pytest.fixture(scope="module")
def results(seeds: dict[str, Path]) -> dict[str, IngestResult]:
    return {name: ingest(path) for name, path in seeds.items()}


def test_004_department_and_sixteen_projects(results: dict[str, IngestResult]) -> None:
    forms = results["004"].document.forms
    assert [f.type for f in forms] == ["department_self_evaluation"] + [
        "project_self_evaluation"
    ] * 16
    dept = forms[0]
    assert isinstance(dept, DepartmentSelfEvaluation)
    assert dept.name == "昌吉回族自治州人力资源和社会保障局" and dept.year == 2024
    assert len(dept.indicators) == 7
    total = dept.total_funding
    assert total is not None and total.adjusted_budget == Decimal("4329.46")
    assert total.executed == Decimal("4155.92")
    assert dept.claimed_execution_rate == "95.99%"
    assert dept.claimed_execution_score == Decimal("9.6")
    assert dept.sources["claimed_execution_score"].text == "9.6"
    counts = [len(f.indicators) for f in forms[1:] if isinstance(f, ProjectSelfEvaluation)]
    assert counts == [9, 11, 9, 10, 9, 10, 12, 13, 12, 8, 10, 9, 8, 10, 8, 8]
    assert all(f.claimed_total is not None and f.total_weight == 100 for f in forms[1:])  # type: ignore[union-attr]


def test_004_indicator_values_and_sources(results: dict[str, IngestResult]) -> None:
    forms = results["004"].document.forms
    by_name = {f.name: f for f in forms}
    jobs = by_name["2024年自治区就业补助资金"]
    assert isinstance(jobs, ProjectSelfEvaluation)
    firms = next(i for i in jobs.indicators if i.name == "参加招聘的企业数量")
    assert (firms.level1, firms.level2) == ("产出指标", "数量指标")
    assert firms.weight == 10 and firms.target == ">=150家" and firms.actual == "=153家"
    assert firms.completion == "102%" and firms.claimed_score == Decimal("9.8")
    assert firms.rule == "按照完成比例赋分" and firms.deviation_note
    assert firms.sources["claimed_score"].text == "9.8"
    # level1 is merged down: it points at the first row of the block
    assert firms.sources["level1"].row < firms.sources["name"].row
    arbitration = by_name["劳动人事争议调解仲裁工作经费"]
    rate = next(i for i in arbitration.indicators if i.name.startswith("当期结案率"))  # type: ignore[union-attr]
    assert rate.claimed_score == Decimal("8.95") and rate.weight == 9
    assert arbitration.claimed_total == Decimal("99.83")  # type: ignore[union-attr]
    assert str(arbitration.claimed_total) == "99.83"  # type: ignore[union-attr]


def test_001_department_projects_and_basic_data(results: dict[str, IngestResult]) -> None:
    forms = results["001"].document.forms
    kinds = [f.type for f in forms]
    assert kinds == ["basic_data", "department_self_evaluation"] + ["project_self_evaluation"] * 4
    basic, dept = forms[0], forms[1]
    assert isinstance(basic, BasicDataTable) and isinstance(dept, DepartmentSelfEvaluation)
    assert (basic.authorized_staff, basic.actual_staff) == (14, 12)
    assert basic.claimed_staff_control_rate == "100%"
    sangong = next(r for r in basic.rows if r.item == "三公经费")
    assert sangong.values["2022年决算数"] == Decimal("0.176")
    assert dept.name == "怀化市劳动监察支队"
    assert dept.claimed_execution_rate == "80&"  # malformed: kept as printed, no crash
    assert dept.execution_weight == 10 and dept.claimed_total == 97
    assert [g.weight for g in dept.groups] == [50, 30, 10]
    assert len(dept.indicators) == 12
    names = [f.name for f in forms[2:]]
    assert names == ["农民工维权", "劳动保障监察", "农民工工作领导小组", "绩效奖金"]
    first = forms[2]
    assert isinstance(first, ProjectSelfEvaluation)
    placeholders = [i for i in first.indicators if i.name == "……"]
    assert len(placeholders) == 5 and all(i.weight is None for i in placeholders)


def test_000_scoring_tables_and_indicator_systems(results: dict[str, IngestResult]) -> None:
    forms = results["000"].document.forms
    assert all(isinstance(f, ScoredEvaluation) for f in forms) and len(forms) == 4
    systems, scoring = forms[:2], forms[2:]
    assert all(f.name == "评价指标体系" for f in systems)
    assert systems[0].indicators[0].explanation  # type: ignore[union-attr]
    decision = scoring[0]
    assert isinstance(decision, ScoredEvaluation) and decision.claimed_total == 40
    first = decision.indicators[0]
    assert (first.level1, first.level2, first.name) == ("决策", "项目立项", "立项依据充分性")
    assert first.weight == 4 and first.rule and "<" not in first.rule  # markup stripped
    assert scoring[1].claimed_total == 60


def test_002_reference_scoring_tables(results: dict[str, IngestResult]) -> None:
    scored = [f for f in results["002"].document.forms if isinstance(f, ScoredEvaluation)]
    assert [f.name for f in scored] == [
        "部门整体支出绩效评价评分表(参考样表)",
        "项目支出绩效评价指标体系(参考样表)",
    ]
    dept = scored[0]
    assert dept.claimed_total == 97 and dept.total_weight == 100
    first = dept.indicators[0]
    assert (first.level1, first.level2, first.name) == ("投入", "预算配置", "财政供养人员控制率")
    assert "扣0.5分" in (first.rule or "")
    groups = {(g.level, g.name): g.weight for g in dept.groups}
    assert groups[(1, "投入")] == 15 and groups[(1, "过程")] == 40


def test_003_indicator_system_and_questionnaire(results: dict[str, IngestResult]) -> None:
    forms = results["003"].document.forms
    system = next(f for f in forms if isinstance(f, ScoredEvaluation))
    survey = next(f for f in forms if isinstance(f, Questionnaire))
    assert system.year == 2023 and system.claimed_total == 96 and system.total_weight == 100
    a11 = system.indicators[0]
    assert a11.code == "A11" and a11.name == "部门中长期规划目标的明确性与合理性"
    assert (a11.level1, a11.level2) == ("部门决策", "部门目标")
    group = {(g.level, g.name): g for g in system.groups}
    assert group[(1, "部门决策")].weight == 35 and group[(2, "部门目标")].parent == "部门决策"
    assert (survey.issued, survey.returned, survey.valid) == (50, 50, 49)
    assert len(survey.questions) == 10
    assert all(len(q.options) == 3 for q in survey.questions)
    assert survey.questions[0].options[0].count == 48
    assert survey.max_points == 100 and survey.claimed_total_points == 4880
    assert survey.claimed_score == Decimal("99.6")


def test_paragraphs_are_kept_with_locations(results: dict[str, IngestResult]) -> None:
    paragraphs = results["004"].document.paragraphs
    assert len(paragraphs) > 50
    assert paragraphs[0].source is not None and paragraphs[0].source.paragraph == 1
    assert any("4,329.46" in p.text for p in paragraphs)


def test_every_table_is_reported(results: dict[str, IngestResult]) -> None:
    for result in results.values():
        assert all(t.first_rows for t in result.tables)
    assert results["003"].unrecognized  # the signature table is reported, not dropped
