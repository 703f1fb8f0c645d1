"""Legacy Office files through LibreOffice: bounded, in a temporary copy, coded errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from forms import sample_project, write_docx

from jixiao.errors import JixiaoError
from jixiao.ingest import ingest, read_raw
from jixiao.ingest.readers.legacy import convert, soffice

needs_soffice = pytest.mark.skipif(soffice() is None, reason="未安装 LibreOffice")


@needs_soffice
def test_doc_is_read_and_left_untouched(tmp_path: Path) -> None:
    docx = tmp_path / "form.docx"
    write_docx(sample_project(3), docx)
    doc = tmp_path / "form.doc"
    doc.write_bytes(convert(docx.read_bytes(), ".docx", "doc", str(docx)))
    before = hashlib.sha256(doc.read_bytes()).hexdigest(), doc.stat().st_mtime_ns
    forms = ingest(doc).document.forms
    assert [f.name for f in forms] == [f.name for f in ingest(docx).document.forms]
    assert (hashlib.sha256(doc.read_bytes()).hexdigest(), doc.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.doc", "form.docx"]


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".xls", ".wps", ".et"])
def test_corrupt_legacy_file(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 20)
    with pytest.raises(JixiaoError) as error:
        read_raw(path)
    assert error.value.code in ("E446", "E447")


@needs_soffice
def test_conversion_time_limit(tmp_path: Path) -> None:
    with pytest.raises(JixiaoError) as error:
        convert(b"\xd0\xcf\x11\xe0" + b"\0" * 1024, ".doc", "docx", "x.doc", timeout=0.01)
    assert error.value.code == "E446"
