"""A header whose characters came out of order is read by its characters, as a guess."""

from __future__ import annotations

from jixiao.ingest.recognize.headers import vocabulary


def test_scrambled_header_names_its_field_as_a_guess() -> None:
    match = vocabulary().indicator.match("成完际值实")
    assert match is not None and match.field == "actual" and match.scrambled == "实际完成值"


def test_unrelated_or_ambiguous_headers_are_not_guessed() -> None:
    table = vocabulary().indicator
    assert table.match("是否核心指标") is None
    assert table.match("联系电话号码") is None
