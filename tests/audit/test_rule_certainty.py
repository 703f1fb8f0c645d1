"""JX301/JX302 rest on the direction of a target: an unprinted direction that may be
less-is-better is an assumption, reported as a warning that says so."""

from __future__ import annotations

from decimal import Decimal

from auditing import audit, pick

from jixiao.audit.framework import Severity
from jixiao.model.document import Document
from jixiao.model.evaluation import DepartmentSelfEvaluation, Indicator


def _document(*rows: tuple[str, str, str]) -> Document:
    indicators = [
        Indicator(level1="产出指标", level2="质量指标", name=name, weight=Decimal(10),
                  target=target, actual=actual, claimed_score=Decimal(10))
        for name, target, actual in rows
    ]
    form = DepartmentSelfEvaluation(name="示例局", year=2024, indicators=indicators,
                                    claimed_total=Decimal(10 * len(rows)))
    return Document(province="广东", year=2024, forms=[form])


def test_unprinted_direction_of_a_less_is_better_rate_is_a_warning() -> None:
    findings = audit(_document(("森林火灾受害率", "0.9", "0")), "JX301")
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "未标明" in findings[0].message and findings[0].tolerance


def test_printed_direction_decides() -> None:
    assert audit(_document(("森林火灾受害率", "<=0.9%", "0%")), "JX301") == []
    shortfall = audit(_document(("森林火灾受害率", ">=0.9", "0")), "JX301")
    assert [f.severity for f in shortfall] == [Severity.ERROR]


def test_more_is_better_by_name_stays_an_error() -> None:
    findings = audit(_document(("公益林管护面积", "28万亩", "8万亩")), "JX301")
    assert [(f.severity, f.claimed, f.expected) for f in findings] == [
        (Severity.ERROR, "10", "2.86")]


def test_total_resting_on_an_assumed_direction_is_a_warning() -> None:
    document = _document(("森林火灾受害率", "0.9", "0"), ("培训人数", "100人", "100人"))
    totals = pick(audit(document, "JX302"), "JX302")
    assert totals and all(f.severity is Severity.WARNING for f in totals)


def test_a_stated_reason_for_deducting_from_a_met_target_is_a_warning() -> None:
    document = _document(("培训人数", ">=100人", "100人"))
    row = document.forms[0].indicators[0]  # type: ignore[union-attr]
    row.claimed_score = Decimal(8)
    assert [f.severity for f in audit(document, "JX301")] == [Severity.ERROR]
    row.deviation_note = "培训质量评估未达预期，酌情扣2分"
    findings = audit(document, "JX301")
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "酌情扣分" in findings[0].message


def test_a_whole_number_cut_from_a_fractional_score_is_a_warning_not_a_slip() -> None:
    """9 for the rule's 9.80 (the pack scores to two decimals) loses most of a point: not a
    truncated last digit (information) but a score to check (warning); 9.7 for 9.78 is the
    truncated digit."""
    document = _document(("政策知晓率", "=100%", "98%"))
    row = document.forms[0].indicators[0]  # type: ignore[union-attr]
    row.claimed_score = Decimal(9)
    [whole] = audit(document, "JX301")
    assert whole.severity is Severity.WARNING
    assert (whole.claimed, whole.expected) == ("9", "9.80") and "整数分" in whole.message
    assert "截尾而非四舍五入" not in whole.message
    row.actual, row.claimed_score = "97.8%", Decimal("9.7")
    [digit] = audit(document, "JX301")
    assert digit.severity is Severity.INFO and "截尾而非四舍五入" in digit.message
