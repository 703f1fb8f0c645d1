"""Column widths for Word tables: figures keep one line, tables keep to the type area."""

from __future__ import annotations

import pytest

from jixiao.render.column_widths import FIGURE, figure_width_cm, fit_figures


@pytest.mark.parametrize("text", ["101.32%", "≥95%", "1,234.56万元", "10分", "≥2场", "-3.5"])
def test_figures(text: str) -> None:
    assert FIGURE.match(text)


@pytest.mark.parametrize("text", ["提高", "按时完成", "2024年12月31日前", "95% 以上完成"])
def test_not_figures(text: str) -> None:
    assert not FIGURE.match(text)


def test_a_narrow_column_takes_room_from_the_text() -> None:
    rows = [["很长的一段指标名称", "101.32%"], ["短", "99.84%"]]
    widths = fit_figures(rows, [5.0, 1.2], 10.5, 15.6)
    assert widths[1] >= figure_width_cm("101.32%", 10.5) > 1.2
    assert sum(widths) == pytest.approx(6.2)


def test_wide_table_scaled_to_the_type_area() -> None:
    widths = fit_figures([["文字", "文字"]], [10.0, 10.0], 10.5, 15.6)
    assert sum(widths) == pytest.approx(15.6)


def test_no_room_keeps_the_proportions() -> None:
    widths = fit_figures([["1,234,567.89万元", "9,876,543.21万元"]], [1.0, 1.0], 10.5, 15.6)
    assert widths == [1.0, 1.0]


def test_text_columns_keep_two_characters() -> None:
    widths = fit_figures([["文字说明", "12,345,678.90"]], [1.5, 1.0], 10.5, 15.6)
    assert widths[0] == pytest.approx(1.0)
