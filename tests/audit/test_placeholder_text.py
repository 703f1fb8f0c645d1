"""Template placeholders: a prompt left alone is one, the template's numbering in front of a
real indicator is not."""

from __future__ import annotations

import pytest

from jixiao.audit.common import is_placeholder


@pytest.mark.parametrize("text", ["……", "指标1：", "指标 2:", "指标3：……", "XX", "请填写指标名称"])
def test_placeholders(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text", ["指标1：完成培训人次", "指标5:药品抽验批次", "满意度指标", None, ""]
)
def test_not_placeholders(text: str | None) -> None:
    assert not is_placeholder(text)
