"""JX711's reader: a stated count against the list after it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.audit.prose import Passage
from jixiao.audit.prose_lists import chinese_count, enumeration_issues


def _issues(text: str) -> list[tuple[str, str, bool]]:
    found = enumeration_issues([Passage.read(text, paragraph=0)])
    return [(i.claimed, i.expected, i.certain) for i in found]


@pytest.mark.parametrize(("text", "value"), [("7", 7), ("两", 2), ("十", 10), ("十二", 12),
                                             ("二十", 20), ("三十五", 35), ("十十", None)])
def test_chinese_count(text: str, value: int | None) -> None:
    assert chinese_count(text) == value


def test_explicit_complete_list_is_certain() -> None:
    assert _issues("全县共设乡镇站所5个，即农技站、水利站、林业站、畜牧站。") == [
        ("5", "4", True)
    ]


def test_colon_list_is_only_a_warning() -> None:
    assert _issues("中心内设四个科室：综合科、业务科和督查科，各司其职。") == [("4", "3", False)]


def test_traditional_characters_are_read() -> None:
    assert _issues("下屬單位三個，分別是甲中心、乙中心。") == [("3", "2", True)]


@pytest.mark.parametrize(
    "text",
    [
        "下设3个股室：办公室、预算股和国库股。",
        "合作单位包括5家，分别是甲公司、乙公司等。",
        "重点抓好3个方面：一是强化管理、完善制度，二是加强督导。",
        "共支持4个项目，分别为12万元、8万元、5万元。",
        "完成任务1个：全面推进、统筹兼顾。",
    ],
)
def test_matching_partial_or_other_lists_are_quiet(text: str) -> None:
    assert _issues(text) == []


_ALPHABET = "个家分别是即为包括：:、，,。等和及一二三十0123456789甲乙丙中心单位"


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_reader_never_fails(text: str) -> None:
    for claimed, expected, _ in _issues(text):
        assert claimed != expected
