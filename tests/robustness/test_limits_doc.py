"""docs/limits.md is the one place the limits are documented, and it stays true."""

from __future__ import annotations

from helpers import ROOT
from jixiao.model import limits


def test_limits_page_matches_constants() -> None:
    page = (ROOT / "docs" / "limits.md").read_text("utf-8")
    stale = "docs/limits.md 过期：运行 python -m jixiao.model.limits 重新生成表格"
    assert limits.markdown_table() in page, stale


def test_every_limit_is_a_named_module_constant_with_a_code() -> None:
    for item in limits.LIMITS:
        assert getattr(limits, item.name) is item
        assert item.code[0] == "E" and item.code[1:].isdigit()
        assert "{limit}" in item.message
    assert len({item.name for item in limits.LIMITS}) == len(limits.LIMITS)


def test_new_codes_stay_out_of_other_ranges() -> None:
    """Codes E430–E449 belong to the PDF/OCR readers: only their limits use them."""
    pdf_limits = {"PDF_PAGES", "PDF_SECONDS", "OCR_PAGES", "IMAGE_PIXELS"}
    in_range = {item.name for item in limits.LIMITS if "E430" <= item.code <= "E449"}
    assert in_range == pdf_limits
