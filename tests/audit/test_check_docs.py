"""Every check is documented: its docs page is generated from its docstring and fixtures."""

from __future__ import annotations

import re

import pytest
from checkdocs import DOCS, generated_codes, render_index, render_page

from jixiao.audit.framework import Severity, all_checks


@pytest.mark.parametrize("code", generated_codes())
def test_docs_page_is_current(code: str) -> None:
    page = DOCS / f"{code}.md"
    assert page.is_file(), f"缺少 {page}（运行 uv run python tests/audit/checkdocs.py）"
    assert page.read_text("utf-8") == render_page(code), f"{page} 已过期，请重新生成"


def test_index_lists_every_check() -> None:
    assert (DOCS / "index.md").read_text("utf-8") == render_index()


@pytest.mark.parametrize("code", list(all_checks()))
def test_check_metadata(code: str) -> None:
    check = all_checks()[code]
    assert re.fullmatch(r"JX[1-8]\d\d", code)
    assert check.__module__.rsplit(".", 1)[-1].startswith(code.lower())
    assert isinstance(check.severity, Severity) and check.title and check.family
    if not code.startswith("JX6"):
        assert "反例" in (check.__doc__ or "") and "正例" in (check.__doc__ or "")
