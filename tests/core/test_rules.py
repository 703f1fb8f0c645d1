"""Each rule kind on the worked examples of rules.md and the seeds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.decimals import round_half_up
from jixiao.model.quantity import parse_quantity
from jixiao.rules.kinds.execution import execution_points
from jixiao.rules.registry import RuleInput, Status, all_rules, get_rule


def run(kind: str, weight: str, target: str | None, actual: str | None,
        claimed: str | None = None, rule_text: str = "", **params: Any) -> tuple[Status, Any]:
    data = RuleInput(Decimal(weight), parse_quantity(target), parse_quantity(actual),
                     Decimal(claimed) if claimed else None, params, rule_text)
    result = get_rule(kind).function(data)
    score = round_half_up(result.score) if result.score is not None else None
    return result.status, score


@pytest.mark.parametrize(
    ("target", "actual", "weight", "expected"),
    [  # Xinjiang, seed 004: all verified cells
        (">=150家", "=153家", "10", "9.80"), (">=13万人次", "=13.41万人次", "10", "9.68"),
        (">=5200人", "=5687人", "10", "9.06"), (">=99%", "=99.56%", "9", "8.95"),
        (">=60%", "=60.27%", "5", "4.98"), (">=49%", "=49.48%", "10", "9.90"),
        (">=13.20万条", "=13.3万条", "15", "14.89"), (">=6万条", "=6.03万条", "10", "9.95"),
        (">=95%", "=100%", "10", "9.47"), (">=95%", "=100%", "5", "4.74"),
        (">=97%", "=100%", "5", "4.85"),
    ],
)
def test_ratio_penalises_over_achievement(target: str, actual: str, weight: str,
                                          expected: str) -> None:
    assert run("ratio", weight, target, actual, over="penalize") == (Status.COMPUTED,
                                                                     Decimal(expected))


def test_ratio_national_caps_and_scales() -> None:
    assert run("ratio", "10", "≥100人次", "95人次")[1] == Decimal("9.50")
    assert run("ratio", "10", "≥100人次", "120人次")[1] == Decimal("10.00")


def test_ratio_reverse_variants() -> None:  # rules.md R1.5: ≤90万元, actual 99
    assert run("ratio", "10", "≤90万元", "99万元")[1] == Decimal("9.09")
    assert run("ratio", "10", "≤90万元", "99万元", reverse="linear")[1] == Decimal("9.00")
    assert run("ratio", "10", "≤90万元", "180万元", reverse="linear")[1] == Decimal("0.00")
    assert run("ratio", "10", "≤90万元", "80万元", over="penalize")[1] == Decimal("10.00")


def test_ratio_equality_zero_target() -> None:
    assert run("ratio", "10", "=0起", "1起")[1] == Decimal("0.00")
    assert run("ratio", "10", "=0起", "0起")[1] == Decimal("10.00")


def test_ratio_not_comparable() -> None:
    assert run("ratio", "10", "效果明显", "效果明显")[0] is Status.NOT_COMPUTABLE
    assert run("ratio", "10", ">=5人", "5次")[0] is Status.NOT_COMPUTABLE


def test_satisfaction_and_graded_never_penalise() -> None:
    assert run("satisfaction", "10", ">=90%", "=100%")[1] == Decimal("10.00")
    assert run("satisfaction", "10", ">=90%", "=81%")[1] == Decimal("9.00")
    assert run("graded", "5", ">=98%", "=100%")[1] == Decimal("5.00")


def test_qualitative_bands() -> None:  # rules.md R1.6: w 8, 部分达成 band [4.8, 6.4)
    assert run("qualitative_band", "8", "有效促进", "部分达成", "6") == (Status.JUDGEMENT,
                                                                   Decimal("6.00"))
    assert run("qualitative_band", "8", "有效促进", "部分达成", "6.4")[1] == Decimal("4.80")
    assert run("qualitative_band", "20", "长期", "达到预期指标", "20")[1] == Decimal("20.00")
    assert run("qualitative_band", "8", "效果明显", "效果明显")[1] == Decimal("8.00")


def test_direct() -> None:
    assert run("direct", "5", "2024年12月10日", "=2024年12月9日")[1] == Decimal("5.00")
    assert run("direct", "5", "2024年12月10日前", "2024年12月20日")[1] == Decimal("0.00")
    assert run("direct", "5", "<=12月", "=12月")[1] == Decimal("5.00")


def test_tiered_from_rule_text() -> None:
    text = "95%(含)以上计5分； 85%(含)-95%,计3分 75%(含)-85%,计1分； 低于75%计0分"
    assert run("tiered", "5", None, "90%", rule_text=text)[1] == Decimal("3.00")
    assert run("tiered", "5", None, "95%", rule_text=text)[1] == Decimal("5.00")
    assert run("tiered", "5", None, "70%", rule_text=text)[1] == Decimal("0.00")


def test_deduction() -> None:  # S-whole-2: 三公 w 8 change 98.31% → 0; 在职 95.10% → full
    assert run("deduction", "8", None, "98.31%", threshold=0, per_point="0.8")[1] == \
        Decimal("0.00")
    assert run("deduction", "5", None, "95.10%", per_point="0.5")[1] == Decimal("5.00")
    assert run("deduction", "5", None, "103%", per_point="0.5")[1] == Decimal("3.50")
    assert run("deduction", "3", None, "45%", direction="under", threshold=50,
               per_point="0.2")[1] == Decimal("2.00")
    assert run("deduction", "8", None, "88%", direction="under", per_point=2, step_size=5,
               step="whole")[1] == Decimal("4.00")


def test_linear_band() -> None:  # seed 003 B13: 2.79 / 20.50 = 13.61% → full
    assert run("linear_band", "1", None, "13.61%", full_at=100, zero_at=120)[1] == \
        Decimal("1.00")
    assert run("linear_band", "1", None, "110%", full_at=100, zero_at=120)[1] == \
        Decimal("0.50")


def test_checklist() -> None:
    text = "①设有目标(1分) ②目标明确(1分) ③目标细化(1分) ④目标量化(1分)"
    assert run("checklist", "4", None, None, "3", rule_text=text)[0] is Status.JUDGEMENT
    assert run("checklist", "4", None, None, "3.5", rule_text=text) == (Status.COMPUTED,
                                                                       Decimal("3.00"))
    assert run("checklist", "3", None, None, items=[1, 1, 1], met=[True, False, True])[1] == \
        Decimal("2.00")


def test_execution_points() -> None:  # seed 004 department: 4155.92 / 4329.46 → 9.60
    result = execution_points(Decimal("4155.92"), Decimal("4329.46"), Decimal(10))
    assert result.score is not None and round_half_up(result.score) == Decimal("9.60")
    assert execution_points(Decimal("5"), Decimal("4"), Decimal(10)).score == Decimal(10)
    assert execution_points(Decimal("0"), Decimal("0"), Decimal(10)).status is \
        Status.NOT_COMPUTABLE
    haidian = execution_points(Decimal("154.74"), Decimal("310.2"), Decimal(10),
                               round_rate_to_percent=True)
    assert haidian.score == Decimal("5.0")


def test_every_rule_is_documented() -> None:
    for kind in all_rules().values():
        assert kind.title and "Example" in kind.doc, kind.name
