"""Hostile and broken input: only JixiaoError with E4xx codes, bounded time and memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.errors import JixiaoError
from jixiao.ingest import safety
from jixiao.ingest.readers.docx import read_docx
from jixiao.ingest.readers.html import read_html
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.readers.xlsx import read_xlsx
from jixiao.ingest.recognize import recognize

DOC = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _code(call: object) -> str:
    with pytest.raises(JixiaoError) as error:
        call()  # type: ignore[operator]
    return error.value.code


def test_zip_bomb_is_refused() -> None:
    bomb = _zip({"word/document.xml": b"<a>" + b" " * (30 * 1024 * 1024) + b"</a>"})
    assert len(bomb) < 200_000
    assert _code(lambda: read_docx(bomb, "bomb.docx")) == "E406"


def test_entities_are_refused() -> None:
    billion = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        + DOC
        + b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert _code(lambda: read_docx(_zip({"word/document.xml": billion}), "e.docx")) == "E407"


def test_external_entity_in_html_is_not_fetched() -> None:
    page = b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>'
    raw = read_html(page, "p.html")
    assert all("root:" not in p.text for p in raw.paragraphs)


def test_not_a_zip_and_old_formats() -> None:
    assert _code(lambda: read_docx(b"hello", "x.docx")) == "E405"
    assert _code(lambda: read_xlsx(b"\xd0\xcf\x11\xe0" + b"\0" * 100, "x.xlsx")) == "E402"


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 100, encoding="utf-8")
    assert _code(lambda: safety.read_input(path)) == "E403"


def test_too_many_cells() -> None:
    assert _code(lambda: read_text("\t" * (safety.MAX_CELLS + 1), "x.txt")) == "E408"


def test_bad_encoding() -> None:
    assert _code(lambda: safety.decode_text(b"\xff\xff\x81", "x.txt")) == "E404"


def test_huge_html_spans_are_bounded() -> None:
    page = b"<table>" + b'<tr><td rowspan="999999" colspan="999999">x</td></tr>' * 200 + b"</table>"
    try:
        read_html(page, "p.html")
    except JixiaoError as error:
        assert error.code == "E408"


FUZZ = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(
    st.text(
        alphabet=st.sampled_from("\t\n 项目名称一级指标分值得分总分（10分)9.6%<>-…"), max_size=400
    )
)
def test_fuzz_text_reader_and_recognizers(text: str) -> None:
    recognize(read_text(text, "f.txt"))


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_html_reader(data: bytes) -> None:
    try:
        recognize(read_html(data, "f.html"))
    except JixiaoError as error:
        assert error.code.startswith("E4")


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["word/document.xml", "xl/workbook.xml"]))
def test_fuzz_office_readers(data: bytes, member: str) -> None:
    archive = _zip({member: data, "xl/_rels/workbook.xml.rels": b"<Relationships/>"})
    for reader in (read_docx, read_xlsx):
        for blob in (data, archive):
            try:
                recognize(reader(blob, "f"))
            except JixiaoError as error:
                assert error.code.startswith("E4")


@FUZZ
@given(st.lists(st.lists(st.text(max_size=8), max_size=6), max_size=8))
def test_fuzz_docx_tables(rows: list[list[str]]) -> None:
    cells = "".join(
        "<w:tr>" + "".join(
            f'<w:tc><w:tcPr><w:vMerge w:val="{"restart" if i % 2 else "continue"}"/></w:tcPr>'
            f"<w:p><w:r><w:t>{_escape(text)}</w:t></w:r></w:p></w:tc>"
            for i, text in enumerate(row)
        ) + "</w:tr>"
        for row in rows
    )  # fmt: skip
    xml = DOC + f"<w:body><w:tbl>{cells}</w:tbl></w:body></w:document>".encode()
    try:
        recognize(read_docx(_zip({"word/document.xml": xml}), "f.docx"))
    except JixiaoError as error:
        assert error.code.startswith("E4")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .encode("utf-8", "ignore")
        .decode("utf-8")
    )
