"""JX511 reports a blank target or actual only where the form's other rows fill that column,
and never on rows that are no indicator (a category heading, a value read as the name) or on
the row a cut-off table ends in."""

from __future__ import annotations

from decimal import Decimal

from auditing import audit

from jixiao.model.document import Document
from jixiao.model.evaluation import Indicator, ProjectSelfEvaluation, Uncertainty


def _document(*rows: tuple[str, str | None, str | None], cut_off: bool = False) -> Document:
    indicators = [
        Indicator(level1="产出指标", level2="数量指标", name=name, weight=Decimal(10),
                  target=target, actual=actual, claimed_score=Decimal(10))
        for name, target, actual in rows
    ]
    uncertain = [Uncertainty(aspect="table", reason="表格在末行中间截断")] if cut_off else []
    form = ProjectSelfEvaluation(name="示例项目", year=2024, indicators=indicators,
                                 uncertain=uncertain)
    return Document(province="广东", year=2024, forms=[form])


FILLED = ("培训人数", ">=100人", "120人")


def _blank(document: Document) -> list[tuple[str | None, str | None]]:
    return [(f.location.indicator_name, f.expected) for f in audit(document, "JX511")]


def test_blank_cells_beside_filled_rows_are_reported_by_column() -> None:
    document = _document(FILLED, ("考核合格率", ">=95%", None), ("发放及时率", None, None))
    assert _blank(document) == [("考核合格率", "实际完成值"), ("发放及时率", "指标值和实际完成值")]


def test_a_column_no_row_fills_is_not_reported_row_by_row() -> None:
    assert _blank(_document(("培训人数", ">=100人", None), ("合格率", ">=95%", None))) == []


def test_written_words_headings_values_and_a_cut_last_row_are_not_blanks() -> None:
    assert _blank(_document(FILLED, ("生态效益", "无", "/"))) == []
    assert _blank(_document(FILLED, ("质量指标", None, None), ("2023年", None, None))) == []
    assert _blank(_document(FILLED, ("公众满", None, None), cut_off=True)) == []
    assert _blank(_document(FILLED, ("公众满", None, None))) == [("公众满", "指标值和实际完成值")]
