"""Corpus documents converted by LibreOffice (to PDF, .doc, .xls), once per test session,
and what jixiao makes of a document: its forms and its findings, ready to compare."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from jixiao.audit.framework import run_audit
from jixiao.ingest import load_any
from jixiao.ingest.readers.legacy import soffice
from jixiao.rules.infer import resolve_pack

_PAGE = re.compile(r"第\d+页")
_SPACE = re.compile(r"\s+")


_UNSEPARATED = re.compile(r"</w:tbl>(?=\s*<w:(?:tbl|sectPr)\b)")


def _as_word_saves(docx: Path, out: Path) -> Path:
    """``docx`` with the paragraph Word always writes after a table that ends the body or
    meets the next table.

    Generated documents may lack it; LibreOffice's .doc export then drops a final table and
    joins two adjacent ones (its own HTML export of the .doc shows the same), while a .doc
    saved by Word never lacks the paragraph. The copy has it, so the .doc made from it is a
    fair one."""
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        if not _UNSEPARATED.search(body):
            return docx
        copy = out / "sources" / docx.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as written:
            for item in archive.infolist():
                data = archive.read(item.filename)
                if item.filename == "word/document.xml":
                    data = _UNSEPARATED.sub("</w:tbl><w:p/>", body).encode("utf-8")
                written.writestr(item, data)
    return copy


def convert_all(sources: list[Path], target: str, out: Path) -> dict[str, Path]:
    """``sources`` converted to ``target`` in ``out`` by one LibreOffice run (own profile);
    for .doc, from copies that end as Word ends a document (:func:`_as_word_saves`)."""
    if not sources:  # soffice given no file waits forever as a listener
        pytest.skip("没有可转换的文件（未找到 ../shared/corpus）")
    if target == "doc":
        sources = [_as_word_saves(source, out) for source in sources]
    program = soffice()
    if program is None:
        pytest.skip("未安装 LibreOffice（soffice）")
    out.mkdir(parents=True, exist_ok=True)
    profile = (out / "profile").as_uri()
    subprocess.run(
        [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(out), *map(str, sources)],
        capture_output=True, timeout=900, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    made = {p.stem: p for p in out.glob(f"*.{target}")}
    if not made:
        pytest.skip(f"LibreOffice 未能转换出 .{target} 文件")
    return made


def _flat(data: Any) -> Any:
    """A model dump without sources (a PDF knows pages a .docx does not), every text with
    its whitespace squeezed out: a PDF cannot keep a space that fell at a line end, nor say
    where a wrapped line was broken."""
    if isinstance(data, dict):
        return {k: _flat(v) for k, v in data.items() if k not in ("sources", "source")}
    if isinstance(data, list):
        return [_flat(v) for v in data]
    if isinstance(data, str):
        return _SPACE.sub("", data)
    return data


def outcome(path: Path) -> tuple[Any, list[tuple[Any, ...]]]:
    """The forms read from ``path`` and the findings the auditor reports on them."""
    document = load_any(path)
    pack, reason = resolve_pack("auto", document)
    findings = run_audit(document, pack, pack_reason=reason)
    forms = _flat(document.model_dump(mode="json", exclude={"source_file", "paragraphs"}))
    # A message may cite a printed cell, and a PDF's citation names its page ("第1页表1").
    keys = sorted(
        (
            f.code,
            f.severity.value,
            _PAGE.sub("", _flat(f.message)),
            _flat(f.claimed),
            _flat(f.expected),
        )
        for f in findings
    )
    return forms, keys
