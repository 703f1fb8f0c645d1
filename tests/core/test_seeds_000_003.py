"""Seeds 000–003: computed scores equal the printed ones where the document follows its own
rule, and each place where it does not is named with both values (see
tests/fixtures/seeds/seeds_000_003_expected.yaml, verified by hand)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from helpers import SEEDS
from jixiao.model.io import load_document
from jixiao.rules.infer import infer_pack
from jixiao.rules.pack import load_pack
from jixiao.scoring import DocumentResult, FormResult, SurveyResult, score_document
from jixiao.scoring.framework import framework_problems


def scored(name: str, pack: str | None = None) -> DocumentResult:
    document = load_document(SEEDS / name)
    chosen = load_pack(pack) if pack else infer_pack(document)[0]
    return score_document(document, chosen)


def form(result: DocumentResult, index: int) -> FormResult:
    """The result for the document's form number ``index`` (basic-data tables are not scored)."""
    found = next(f for f in result.forms if f.index == index)
    assert isinstance(found, FormResult)
    return found


def mismatches(result: FormResult) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {i.code or i.name: (i.claimed_score, i.computed_score)
            for i in result.indicators if i.agrees is False}


def test_seed003_yunnan_indicator_system() -> None:
    result = scored("seed003_yunnan.yaml")
    assert result.pack == "yunnan"
    system = form(result, 0)
    # B13 三公经费控制率: 2.79/20.50 = 13.61% ≤ 100% earns the full point, printed 0.
    assert mismatches(system) == {"B13": (Decimal(0), Decimal("1.00"))}
    assert (system.claimed_total, system.computed_total) == (Decimal(96), Decimal("97.00"))
    assert system.computed_grade == "优"


def test_seed003_questionnaire() -> None:
    survey = scored("seed003_yunnan.yaml").forms[1]
    assert isinstance(survey, SurveyResult)
    assert survey.claimed_total_points == Decimal(4880)
    assert survey.computed_total_points == Decimal(4890)  # Σ count × points
    assert (survey.claimed_score, survey.computed_score) == (Decimal("99.6"), Decimal("99.80"))
    q7 = next(q for q in survey.questions if q.number == "7")
    assert q7.responses == 50 and survey.valid == 49  # more answers than valid questionnaires


def test_seed001_hunan_department_form() -> None:
    department = form(scored("seed001_hunan.yaml"), 1)
    assert department.execution is not None
    assert department.execution.claimed_rate == "80&"
    assert department.execution.computed_rate == Decimal("100.00")  # 217.91 / 217.91
    assert department.execution.agrees is True  # the 10 points are right, the rate is not
    wrong = mismatches(department)
    assert len(wrong) == 2  # 生态效益 8 and 可持续影响 9 of 10 with every target met
    assert all(claimed is not None and claimed < Decimal(10) and computed == Decimal("10.00")
               for claimed, computed in wrong.values())
    assert (department.claimed_total, department.computed_total) == (Decimal(97),
                                                                     Decimal("100.00"))


def test_seed001_project_forms() -> None:
    result = scored("seed001_hunan.yaml")
    names = [form(result, n).name for n in range(1, 6)]
    assert names == ["怀化市劳动监察支队", "农民工维权", "劳动保障监察", "农民工工作领导小组",
                     "绩效奖金"]
    assert form(result, 2).computed_total == Decimal("100.00")
    for n in (3, 4):  # blank funding: no execution points, indicators sum to 90, printed 100
        assert form(result, n).claimed_total == Decimal(100)
        assert form(result, n).computed_total == Decimal("90.00")
    bonus = form(result, 5)  # misaligned rows: weights 110, scores 117, printed 100
    assert bonus.total_weight == Decimal(110)
    assert bonus.computed_total == Decimal("117.00") and bonus.computed_grade is None


def test_seed001_strict_hunan_framework_violations() -> None:
    document = load_document(SEEDS / "seed001_hunan.yaml")
    problems = framework_problems(document, load_pack("hunan"))
    assert {(p.form, p.claimed, p.expected) for p in problems} == {
        (5, Decimal(66), Decimal(50)), (5, Decimal(24), Decimal(30)),
        (5, Decimal(110), Decimal(100))}
    assert all(p.strict for p in problems)


def test_seed002_reference_tables_follow_their_rules() -> None:
    result = scored("seed002_hunan_reference.yaml", "hunan-reference")
    department, project = form(result, 0), form(result, 1)
    assert department.claimed_total == department.computed_total == Decimal(97)
    assert project.claimed_total == project.computed_total == Decimal(98)
    assert department.total_weight == Decimal(95)  # the merged 15 for three 效益 items
    blank = form(result, 2)
    assert blank.claimed_total is None and blank.computed_total is None


@pytest.mark.parametrize(("index", "claimed", "computed"), [(0, 40, 36), (1, 60, 60)])
def test_seed000_jilin_tables(index: int, claimed: int, computed: int) -> None:
    table = form(scored("seed000_jilin.yaml"), index)
    assert table.claimed_total == Decimal(claimed)
    assert table.computed_total == Decimal(computed)
    assert table.computed_grade is None  # partial tables are not graded on their own
