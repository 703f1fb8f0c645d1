"""Edge cases of the table-side checks JX310–JX312, JX420, JX421 and JX510 beyond their
docs fixtures: what they must leave alone as much as what they must report."""

from __future__ import annotations

from decimal import Decimal

from auditing import audit

from jixiao.model.document import Document, Paragraph
from jixiao.model.evaluation import FundingLine, Indicator, ProjectSelfEvaluation


def _form(*indicators: Indicator, **fields: object) -> ProjectSelfEvaluation:
    return ProjectSelfEvaluation(name="示例项目", year=2024, indicators=list(indicators),
                                 **fields)  # type: ignore[arg-type]


def _row(name: str, target: str, actual: str, score: str, weight: str = "10") -> Indicator:
    return Indicator(level1="产出指标", level2="数量指标", name=name, weight=Decimal(weight),
                     target=target, actual=actual, claimed_score=Decimal(score))


def _text(*paragraphs: str, title: str | None = None, **form: object) -> Document:
    return Document(title=title, forms=[_form(**form)] if form else [],
                    paragraphs=[Paragraph(text=t) for t in paragraphs])


def test_amounts_in_traditional_units_and_document_majority() -> None:
    findings = audit(_text("補助471.23萬元，其中中央189.63萬元。", "完成補助471.23元。"), "JX420")
    assert [(f.claimed, f.expected) for f in findings] == [("471.23元", "471.23万元")]


def test_prices_and_short_numbers_are_not_amounts_to_tie() -> None:
    assert audit(_text("补助标准每人250.5元/人，合计250.5万元。", "门票5元，奖励5万元。"),
                 "JX420") == []


def test_funds_block_decides_the_unit() -> None:
    funding = [FundingLine(source="年度资金总额", is_total=True,
                           adjusted_budget=Decimal("387664.62"), executed=Decimal("387664.62"))]
    document = _text("全年预算387664.62万元。", money_unit="元", funding=funding)
    findings = audit(document, "JX420")
    assert [(f.claimed, f.expected) for f in findings] == [("387664.62万元", "387664.62元")]


def test_year_span_in_the_title_is_no_evaluation_year() -> None:
    document = _text("2018年度学前教育专项资金绩效评价报告",
                     title="2015—2018年度专项资金绩效评价报告")
    assert audit(document, "JX421") == []


def test_heading_of_another_year_is_reported() -> None:
    document = _text("2022年度部门整体支出绩效自评报告",
                     title="2023年度部门整体支出绩效自评报告")
    findings = audit(document, "JX421")
    assert [(f.claimed, f.expected) for f in findings] == [("2022年度", "2023年度")]


def test_prompts_versus_field_labels() -> None:
    document = _text("（一）项目概况（200字以内）", "评价组组长（签字）：", "（单位：万元）",
                     "（说明：数据来源于财务系统）")
    assert [f.claimed for f in audit(document, "JX510")] == ["（200字以内）"]


def test_rule_scored_rows_are_left_to_jx301() -> None:
    document = Document(year=2024, forms=[_form(_row("培训人数", ">=100人", "80人", "10"),
                                                _row("资金到位率", ">=100%", "70%", "10"))])
    assert audit(document, "JX311", "JX312") == []
    assert {f.claimed for f in audit(document, "JX301")} == {"10"}
