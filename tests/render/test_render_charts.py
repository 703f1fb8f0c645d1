"""Charts: PNG bytes drawn with a CJK font (a missing glyph fails the test, see conftest)."""

from __future__ import annotations

import struct
import warnings

import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from jixiao.model.document import Document
from jixiao.model.evaluation import ProjectSelfEvaluation
from jixiao.render import charts
from jixiao.render.fonts import PROBE, cjk_font_family
from jixiao.render.view import FormView, form_views
from jixiao.rules.pack import Pack
from jixiao.scoring import score_document

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _views(seed: tuple[Document, Pack, str]) -> list[FormView]:
    document, pack, _ = seed
    return list(form_views(document, score_document(document, pack)))


def _size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def test_the_font_found_has_chinese_glyphs() -> None:
    family = cjk_font_family()
    path = font_manager.findfont(family, fallback_to_default=False)
    charmap = FT2Font(path).get_charmap()
    assert all(ord(ch) in charmap for ch in PROBE)


def test_three_charts_for_a_department(seed004: tuple[Document, Pack, str]) -> None:
    department = _views(seed004)[0]
    for png in (
        charts.level1_chart(department),
        charts.funding_chart(department),
        *charts.indicator_charts(department),
    ):
        assert png is not None
        width, height = _size(png)
        assert width > 600 and height > 300


def test_indicator_chart_grows_with_the_indicators(seed004: tuple[Document, Pack, str]) -> None:
    views = _views(seed004)
    small = min(views, key=lambda v: len(v.form.indicators))
    large = max(views, key=lambda v: len(v.form.indicators))
    [small_png], [large_png] = charts.indicator_charts(small), charts.indicator_charts(large)
    assert _size(large_png)[1] > _size(small_png)[1]


def test_a_long_form_is_split_across_charts_that_fit_the_page(
    seed004: tuple[Document, Pack, str],
) -> None:
    view = _views(seed004)[0]
    many = [
        view.form.indicators[n % len(view.form.indicators)].model_copy(
            update={"name": f"指标项{n}"}
        )
        for n in range(60)
    ]
    results = [view.result.indicators[n % len(view.result.indicators)] for n in range(60)]
    long_view = FormView(
        view.form.model_copy(update={"indicators": many}),
        view.result.model_copy(update={"indicators": results}),
        view.year,
    )
    pictures = charts.indicator_charts(long_view)
    assert len(pictures) == 3  # 20 bars each, at most charts.BARS_PER_CHART
    for png in pictures:
        width, height = _size(png)
        # drawn 6.4 in wide: at 15.6 cm on the page the chart stays under 21 cm tall
        assert height / width * 15.6 < 21


def test_no_funding_no_funding_chart(seed004: tuple[Document, Pack, str]) -> None:
    view = _views(seed004)[1]
    assert isinstance(view.form, ProjectSelfEvaluation)
    bare = FormView(view.form.model_copy(update={"funding": []}), view.result, view.year)
    assert charts.funding_chart(bare) is None


def test_a_missing_glyph_fails(seed004: tuple[Document, Pack, str]) -> None:
    """The safety net itself: a character no CJK font has (an emoji) must not pass silently."""
    view = _views(seed004)[1]
    odd = view.form.model_copy(
        update={
            "indicators": [
                view.form.indicators[0].model_copy(update={"name": "满意度\U0001f600"}),
                *view.form.indicators[1:],
            ]
        }
    )
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="Glyph.*missing", category=UserWarning)
        with pytest.raises(UserWarning, match="Glyph"):
            charts.indicator_charts(FormView(odd, view.result, view.year))
