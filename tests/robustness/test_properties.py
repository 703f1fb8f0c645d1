"""Property tests for the parsers: whatever the input, a value or a coded error."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.decimals import round_half_up
from jixiao.errors import JixiaoError
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.readers.xlsx import format_number
from jixiao.model.io import parse_document_text
from jixiao.model.limits import number_in_bounds, read_decimal
from jixiao.model.quantity import parse_quantity

QUICK = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NUMBERISH = st.text(alphabet="0123456789.eE+-,%万亿≥≤<>= 年月日", max_size=80)
FORMATS = st.sampled_from(
    ["0", "0.00", "0.00%", "#,##0.00", "yyyy-mm-dd", "General", '0.0"万元"', "0." + "0" * 40]
)


@QUICK
@given(st.one_of(NUMBERISH, st.text(max_size=60)))
def test_parse_quantity_never_raises_and_is_bounded(text: str) -> None:
    quantity = parse_quantity(text)
    if quantity.number is not None:
        assert number_in_bounds(quantity.number)


@QUICK
@given(st.one_of(NUMBERISH, st.sampled_from(["1e999999", "9" * 400, "-1e-999", "NaN"])),
       FORMATS)
def test_format_number_never_raises(raw: str, code: str) -> None:
    assert isinstance(format_number(raw, code), str)


@QUICK
@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(0, 6))
def test_rounding_of_bounded_numbers_never_raises(value: Decimal, places: int) -> None:
    if number_in_bounds(value):
        assert round_half_up(value, places).as_tuple().exponent == -places


@QUICK
@given(st.text(max_size=80))
def test_read_decimal_is_none_or_bounded(text: str) -> None:
    value = read_decimal(text)
    assert value is None or number_in_bounds(value)


YAMLISH = st.text(alphabet="abc: -[]{}&*!'\"\n#0123456789.e+forms", max_size=200)


@QUICK
@given(YAMLISH, st.booleans())
def test_canonical_parser_gives_documents_or_coded_errors(text: str, as_json: bool) -> None:
    try:
        parse_document_text(text, file="f", json_format=as_json)
    except JixiaoError as error:
        assert error.code[:2] in ("E1", "E2")


@QUICK
@given(st.text(alphabet="\t\n \r项目分值得分1.5%<>", max_size=300))
def test_text_reader_gives_grids_or_coded_errors(text: str) -> None:
    try:
        read_text(text, "f.txt")
    except JixiaoError as error:
        assert error.code.startswith("E4")
