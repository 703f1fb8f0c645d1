"""Ingest: read the documents people actually have.

``load_any(path)`` gives a :class:`~jixiao.model.Document` from a canonical YAML/JSON file or
from a Word, Excel, text-export or saved web page; ``ingest(path)`` also reports what was
found in every table. Readers (:mod:`jixiao.ingest.readers`) know files; recognizers
(:mod:`jixiao.ingest.recognize`) know forms.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.errors import JixiaoError
from jixiao.ingest.formats import CANONICAL_SUFFIXES, DOCUMENT_SUFFIXES
from jixiao.ingest.grid import RawDocument
from jixiao.ingest.readers.docx import read_docx
from jixiao.ingest.readers.html import read_html
from jixiao.ingest.readers.legacy import read_legacy
from jixiao.ingest.readers.ocr import read_image
from jixiao.ingest.readers.pdf import read_pdf
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.readers.xlsx import read_xlsx
from jixiao.ingest.recognize import IngestResult, TableReport, recognize
from jixiao.ingest.safety import decode_text, read_input
from jixiao.model import Document
from jixiao.model.io import load_document

__all__ = [
    "DOCUMENT_SUFFIXES",
    "IngestResult",
    "TableReport",
    "ingest",
    "load_any",
    "read_raw",
]


def _text(data: bytes, file: str) -> RawDocument:
    return read_text(decode_text(data, file), file)


_READERS: dict[str, Callable[[bytes, str], RawDocument]] = {
    ".docx": read_docx,
    ".xlsx": read_xlsx,
    ".xlsm": read_xlsx,
    ".txt": _text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".doc": lambda data, file: read_legacy(data, file, ".doc"),
    ".wps": lambda data, file: read_legacy(data, file, ".wps"),
    ".xls": lambda data, file: read_legacy(data, file, ".xls"),
    ".et": lambda data, file: read_legacy(data, file, ".et"),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".tif", ".tiff"), read_image),
}


def read_raw(path: str | Path) -> RawDocument:
    """Read a document file into paragraphs and grids (no recognition)."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(CANONICAL_SUFFIXES + DOCUMENT_SUFFIXES)
        raise JixiaoError(
            "E402",
            f"不支持的文件类型 {path.suffix or '（无扩展名）'}（支持 {known}）",
            file=str(path),
        )
    return reader(read_input(path), str(path))


def ingest(path: str | Path) -> IngestResult:
    """Read and recognize a document file."""
    return recognize(read_raw(path))


def load_any(path: str | Path) -> Document:
    """A Document from any supported file: canonical YAML/JSON, or a document to recognize."""
    if Path(path).suffix.lower() in CANONICAL_SUFFIXES:
        return load_document(path)
    return ingest(path).document
