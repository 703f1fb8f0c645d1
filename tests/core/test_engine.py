"""Engine behaviours beyond single rules: N/A policies, caps, penalties, surveys."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.model import (
    Document,
    FundingLine,
    Indicator,
    ProjectSelfEvaluation,
    Questionnaire,
    SurveyOption,
    SurveyQuestion,
)
from jixiao.rules.pack import Pack, load_pack
from jixiao.scoring import FormResult, SurveyResult, score_form

D = Decimal


def project(*indicators: Indicator, executed: str = "100", budget: str = "100"
            ) -> ProjectSelfEvaluation:
    return ProjectSelfEvaluation(
        name="测试项目", execution_weight=D(10),
        funding=[FundingLine(source="年度资金总额", is_total=True, adjusted_budget=D(budget),
                             executed=D(executed))],
        indicators=list(indicators))


def met(level1: str, weight: int, **extra: object) -> Indicator:
    return Indicator(level1=level1, name=f"{level1}{weight}", weight=D(weight), target=">=10人",
                     actual="10人", **extra)  # type: ignore[arg-type]


def custom_pack(tmp_path: Path, body: str) -> Pack:
    path = tmp_path / "p.yaml"
    path.write_text(f"name: p\ntitle: 测试\nextends: national\nsources: [测试]\n{body}", "utf-8")
    return load_pack(str(path))


def scored(form: ProjectSelfEvaluation, pack: Pack) -> FormResult:
    result = score_form(form, pack)
    assert isinstance(result, FormResult)
    return result


def full_form() -> ProjectSelfEvaluation:
    half = Indicator(level1="效益指标", name="半", weight=D(10), target=">=10人", actual="5人")
    return project(met("产出指标", 25), met("产出指标", 25, applicable=False),
                   met("效益指标", 20), half, met("满意度指标", 10))


@pytest.mark.parametrize(("policy", "total"), [
    ("full_marks", "95.00"),      # 10 + 25 + 25 + 20 + 5 + 10
    ("redistribute", "95.00"),    # the other 产出 indicator scored 100%: its 25 follow it
    ("rescale", "93.33"),         # 70 of 75 applicable → ×100/75
])
def test_not_applicable_policies(tmp_path: Path, policy: str, total: str) -> None:
    pack = custom_pack(tmp_path, f"not_applicable: {policy}\n")
    assert scored(full_form(), pack).computed_total == D(total)


def test_total_capped_by_execution_rate(tmp_path: Path) -> None:
    pack = custom_pack(tmp_path, "total_caps:\n  - {below: 80, cap: 89}\n"
                                 "  - {below: 60, cap: 69}\n")
    form = project(met("产出指标", 50), met("效益指标", 30), met("满意度指标", 10),
                   executed="75", budget="100")
    result = scored(form, pack)
    assert result.computed_total == D("89.00")  # 7.5 + 90 = 97.5, capped
    assert any("封顶" in note for note in result.notes)


def test_over_achievement_penalty(tmp_path: Path) -> None:
    pack = custom_pack(tmp_path, "over_achievement_penalty: {threshold: 0.3, points: 2}\n")
    big = Indicator(level1="产出指标", name="超", weight=D(10), target=">=10人", actual="13人")
    small = Indicator(level1="产出指标", name="未超", weight=D(10), target=">=10人",
                      actual="12.9人")
    result = scored(project(big, small), pack)
    assert [i.computed_score for i in result.indicators] == [D("8.00"), D("10.00")]


def test_execution_over_budget_is_capped_and_zero_budget_not_divided() -> None:
    national = load_pack("national")
    over = scored(project(met("产出指标", 90), executed="120"), national)
    assert over.execution is not None and over.execution.computed_score == D("10.00")
    zero = scored(project(met("产出指标", 90), executed="0", budget="0"), national)
    assert zero.execution is not None and zero.execution.computed_score is None


def survey(method: str) -> Questionnaire:
    # rules.md §6: 200 valid answers 很满意 120, 满意 60, 一般 15, 不太满意 3, 不满意 2
    points = [(100, 120), (80, 60), (60, 15), (30, 3), (0, 2)]
    return Questionnaire(
        name="满意度调查", valid=200, method=method,  # type: ignore[arg-type]
        questions=[SurveyQuestion(number="1", text="总体满意度", options=[
            SurveyOption(label=str(p), points=D(p), count=c) for p, c in points])])


@pytest.mark.parametrize(("method", "score"), [("top2", "90.00"), ("weighted", "88.95"),
                                               ("points_average", "88.95")])
def test_questionnaire_methods(method: str, score: str) -> None:
    result = score_form(survey(method), load_pack("national"))
    assert isinstance(result, SurveyResult)
    assert result.computed_score == D(score)
    assert result.computed_total_points == D(17790)


def test_questionnaire_without_valid_count() -> None:
    form = survey("top2").model_copy(update={"valid": 0})
    result = score_form(form, load_pack("national"))
    assert isinstance(result, SurveyResult) and result.computed_score is None
    assert result.notes


def test_document_round_trip_through_yaml_and_json(tmp_path: Path) -> None:
    from jixiao.model.io import dump_json, dump_yaml, parse_document_text

    document = Document(province="湖南", forms=[full_form(), survey("top2")])
    assert parse_document_text(dump_yaml(document)) == document
    assert parse_document_text(dump_json(document), json_format=True) == document
