from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.model.quantity import (
    Comparator,
    Outcome,
    Quantity,
    QuantityKind,
    format_quantity,
    parse_quantity,
    qualitative_outcome,
)


@pytest.mark.parametrize(
    ("text", "comparator", "number", "scale", "unit"),
    [
        ("≥95%", Comparator.GE, "95", "", "%"),
        (">=13万人次", Comparator.GE, "13", "万", "人次"),
        ("<=1.50万元", Comparator.LE, "1.50", "万", "元"),
        ("=1次", Comparator.EQ, "1", "", "次"),
        ("90件以上", Comparator.GE, "90", "", "件"),
        ("不低于98%", Comparator.GE, "98", "", "%"),
        ("不少于 40 课时", Comparator.GE, "40", "", "课时"),
        ("不超过3万元", Comparator.LE, "3", "万", "元"),
        ("200万元以内", Comparator.LE, "200", "万", "元"),
        ("约 5 亿元", Comparator.APPROX, "5", "亿", "元"),
        ("１３．４１万人次", None, "13.41", "万", "人次"),
        ("13,000人", None, "13000", "", "人"),
        ("＞＝９０％", Comparator.GE, "90", "", "%"),
        ("10000余次", Comparator.APPROX, "10000", "", "次"),
        ("每年1次", None, "1", "", "次"),
        ("<=60日", Comparator.LE, "60", "", "日"),
        ("达到 100%", Comparator.GE, "100", "", "%"),
    ],
)
def test_numbers(text: str, comparator: Comparator | None, number: str, scale: str,
                 unit: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.kind is QuantityKind.NUMBER
    assert quantity.comparator is comparator
    assert quantity.number == Decimal(number)
    assert str(quantity.number) == number  # printed precision kept
    assert (quantity.scale, quantity.unit) == (scale, unit)


def test_scale_applies_to_value() -> None:
    assert parse_quantity("13.41万人次").value == Decimal("134100")
    assert parse_quantity("2亿元").value == Decimal("200000000")


@pytest.mark.parametrize(
    ("text", "comparator", "date"),
    [
        ("2024年12月10日前", Comparator.LE, (2024, 12, 10)),
        ("<=12月", Comparator.LE, (None, 12, None)),
        ("=2024年12月9日", Comparator.EQ, (2024, 12, 9)),
        ("2023年12月31日", None, (2023, 12, 31)),
        ("2024年", None, (2024, None, None)),
    ],
)
def test_dates(text: str, comparator: Comparator | None, date: tuple[int | None, ...]) -> None:
    quantity = parse_quantity(text)
    assert quantity.kind is QuantityKind.DATE
    assert quantity.comparator is comparator
    assert quantity.date == date


@pytest.mark.parametrize("text", ["效果明显", "达到预期指标", "有效促进", "保障", "长期", "好",
                                  "按实际情况确定", "80&"])
def test_qualitative(text: str) -> None:
    assert parse_quantity(text).kind is QuantityKind.QUALITATIVE


@pytest.mark.parametrize("text", [None, "", "  ", "—", "……", "/"])
def test_empty(text: str | None) -> None:
    assert parse_quantity(text).kind is QuantityKind.EMPTY


@pytest.mark.parametrize(
    ("text", "outcome"),
    [("达到预期指标", Outcome.MET), ("效果明显", Outcome.MET), ("未达到预期", Outcome.NOT_MET),
     ("部分完成", Outcome.PARTLY), ("基本达到", Outcome.PARTLY), ("无", Outcome.NOT_APPLICABLE),
     ("", None), ("天气晴", None)],
)
def test_qualitative_outcomes(text: str, outcome: Outcome | None) -> None:
    assert qualitative_outcome(text) is outcome


@given(st.text(max_size=60))
def test_parse_never_raises(text: str) -> None:
    quantity = parse_quantity(text)
    assert isinstance(quantity, Quantity)
    format_quantity(quantity)  # formatting any parsed quantity never raises either


UNITS = ["", "%", "人", "人次", "件", "次", "个", "项", "篇", "条", "家", "户", "场", "天", "日",
         "课时", "元"]
numbers = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


@given(st.sampled_from([None, *Comparator]), numbers, st.sampled_from(["", "万", "亿"]),
       st.sampled_from(UNITS))
def test_number_round_trip(comparator: Comparator | None, number: Decimal, scale: str,
                           unit: str) -> None:
    quantity = Quantity(raw="", kind=QuantityKind.NUMBER, comparator=comparator, number=number,
                        scale=scale, unit=unit)
    text = format_quantity(quantity)
    assert parse_quantity(text).same_measure() == quantity.same_measure()


@given(st.sampled_from([None, Comparator.LE, Comparator.EQ, Comparator.GE]),
       st.one_of(st.none(), st.integers(2000, 2099)), st.integers(1, 12),
       st.one_of(st.none(), st.integers(1, 28)))
def test_date_round_trip(comparator: Comparator | None, year: int | None, month: int,
                         day: int | None) -> None:
    quantity = Quantity(raw="", kind=QuantityKind.DATE, comparator=comparator,
                        date=(year, month, day))
    assert parse_quantity(format_quantity(quantity)).same_measure() == quantity.same_measure()
