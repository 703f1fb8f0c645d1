"""The PDF reader on files written here: tables, pages, and hostile or broken files, each
refused with its code in bounded time."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfs import pdf_file, text_page

from jixiao.errors import JixiaoError
from jixiao.ingest import read_raw
from jixiao.ingest.formats import DOCUMENT_SUFFIXES
from jixiao.ingest.readers.pdf import read_pdf
from jixiao.ingest.readers.pdf_layout import Char, Line, join_wrapped
from jixiao.ingest.readers.pdf_safety import MAX_PDF_PAGES

GOOD = pdf_file([text_page(["Performance report 2024", "Second page follows."], table=True),
                 text_page(["Closing words on page two."])])


def _code(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(JixiaoError) as error:
        read_raw(path)
    assert time.monotonic() - started < 30
    assert error.value.message and not error.value.message.isascii()  # a Chinese message
    return error.value.code


def test_table_cells_and_pages(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(GOOD)
    raw = read_raw(path)
    (grid,) = raw.grids
    assert [[c.text for c in row] for row in grid.rows] == [
        ["Name", "Score"], ["alpha", "10"], ["beta", "9.5"]]
    assert {c.page for row in grid.rows for c in row} == {1}
    assert [(p.text, p.page) for p in raw.paragraphs] == [
        ("Performance report 2024", 1), ("Second page follows.", 1),
        ("Closing words on page two.", 2)]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_pages_read_upright(turn: int, tmp_path: Path) -> None:
    """A page shown turned (its text sideways or upside down) reads as the upright one."""
    import pypdfium2 as pdfium

    upright = tmp_path / "upright.pdf"
    upright.write_bytes(GOOD)
    document = pdfium.PdfDocument(str(upright))
    for page in document:
        page.set_rotation(turn)
    turned = tmp_path / f"turned{turn}.pdf"
    document.save(str(turned))
    document.close()
    want, got = read_raw(upright), read_raw(turned)
    assert [[c.text for c in r] for g in got.grids for r in g.rows] == [
        [c.text for c in r] for g in want.grids for r in g.rows
    ]
    assert [(p.text, p.page) for p in got.paragraphs] == [(p.text, p.page) for p in want.paragraphs]


def test_every_listed_suffix_has_a_reader() -> None:
    from jixiao.ingest import _READERS

    assert set(_READERS) == set(DOCUMENT_SUFFIXES)


def test_not_a_pdf(tmp_path: Path) -> None:
    assert _code(b"hello, not a pdf", tmp_path) == "E430"


def test_corrupt_pdf(tmp_path: Path) -> None:
    assert _code(b"%PDF-1.4\n" + bytes(range(256)) * 40, tmp_path) == "E432"
    assert _code(GOOD[: len(GOOD) // 3], tmp_path) in ("E432", "E440", "E443")


def test_encrypted_pdf(tmp_path: Path) -> None:
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <"
               + b"22" * 32 + b"> >>")
    data = pdf_file([text_page(["secret"])], extra_objects={9: encrypt},
                    trailer_extra=b"/Encrypt 9 0 R /ID [<0123456789abcdef> <0123456789abcdef>] ")
    assert _code(data, tmp_path) == "E431"


def test_ten_thousand_pages(tmp_path: Path) -> None:
    data = pdf_file([text_page(["page"])], kids_repeat=10_000)
    assert len(data) < 200_000 and MAX_PDF_PAGES < 10_000
    assert _code(data, tmp_path) == "E433"


def test_decompression_bomb(tmp_path: Path) -> None:
    content = b"BT /F1 11 Tf 72 720 Td (x) Tj ET\n" + b" " * (80 * 1024 * 1024)
    data = pdf_file([content], deflate=True)
    assert len(data) < 1_000_000
    assert _code(data, tmp_path) == "E434"


def test_javascript_is_never_run(tmp_path: Path) -> None:
    action = b"/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >> "
    path = tmp_path / "js.pdf"
    path.write_bytes(pdf_file([text_page(["Only text is read."])], extra_catalog=action))
    assert [p.text for p in read_raw(path).paragraphs] == ["Only text is read."]


def test_pdf_of_nothing(tmp_path: Path) -> None:
    """No text layer and nothing to read on the page: OCR finds nothing (or is absent)."""
    assert _code(pdf_file([b"0.5 w 72 72 m 80 80 l S"]), tmp_path) in ("E440", "E443")


def _mutations() -> st.SearchStrategy[bytes]:
    def apply(edits: list[tuple[int, int, int]]) -> bytes:
        data = bytearray(GOOD)
        for kind, position, value in edits:
            at = position % len(data)
            if kind == 0:
                data[at] = value
            elif kind == 1:
                del data[at : at + value]
            else:
                data[at:at] = bytes([value]) * 8
        return bytes(data)

    edit = st.tuples(st.integers(0, 2), st.integers(0, len(GOOD)), st.integers(0, 255))
    return st.lists(edit, min_size=1, max_size=6).map(apply)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_fuzz_mutated_pdf_gives_a_coded_error_or_a_document(data: bytes) -> None:
    try:
        raw = read_pdf(data, "fuzz.pdf")
    except JixiaoError as error:
        assert error.code.startswith("E4")
    else:
        assert raw.format in ("pdf", "pdf-ocr")


def test_bomb_check_is_bounded() -> None:
    """The pre-scan never holds more than one stream's ceiling in memory."""
    from jixiao.ingest.readers.pdf_safety import MAX_STREAM_BYTES, _inflated

    bomb = zlib.compress(b"\0" * (MAX_STREAM_BYTES + 10))
    assert _inflated(memoryview(bomb), MAX_STREAM_BYTES) == MAX_STREAM_BYTES + 1


def _line(text: str, x0: float, page: int = 1) -> Line:
    """A line of 10 pt characters (ideographs 10 pt wide, ASCII 5 pt) starting at ``x0``."""
    chars, x = [], x0
    for char in text:
        width = 10.0 if ord(char) > 0x2E80 else 5.0
        chars.append(Char(char, x, x + width, 0.0, 10.0))
        x += width
    return Line(chars, page)


def test_a_slash_glues_the_character_after_it() -> None:
    # "额" ends 12 pt short of the right edge: "*100%/" (30 pt) alone would have fitted, but a
    # line cannot break between "/" and "支", so "*100%/支" (40 pt) went to the next line.
    first = _line("结转结余资金总额", 0.0)
    second = _line("*100%/支出完成数", 0.0)
    right = first.x1 + 35.0
    assert second.lead_width() == 40.0
    assert join_wrapped([first, second], 0.0, right) == "结转结余资金总额*100%/支出完成数"
    # without the slash the piece is "*100%" (25 pt), which fitted: a writer's line break
    short = _line("*100%支出完成数", 0.0)
    assert join_wrapped([first, short], 0.0, right) == "结转结余资金总额\n*100%支出完成数"


def test_table_over_pages_with_repeated_header_is_one_grid(tmp_path: Path) -> None:
    """A 90-row table printed over several pages, its header repeated on each: one grid, the
    header once, every row in order (LibreOffice prints it)."""
    import docx
    from converted import convert_all
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("指标完成情况表")
    header = ["序号", "三级指标", "分值", "得分"]
    rows = [[str(n), f"第{n}项指标", "1", "1"] for n in range(1, 91)]
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("表后说明。")
    source = tmp_path / "long.docx"
    document.save(str(source))
    pdf = convert_all([source], "pdf", tmp_path / "pdf")["long"]
    import pdfplumber

    with pdfplumber.open(pdf) as printed:
        heads = [page.extract_text().count("三级指标") for page in printed.pages]
    assert len(heads) >= 2 and all(n == 1 for n in heads), "the header is printed on every page"
    raw = read_raw(pdf)
    (grid,) = raw.grids
    assert [[c.text for c in row] for row in grid.rows] == [header, *rows]
