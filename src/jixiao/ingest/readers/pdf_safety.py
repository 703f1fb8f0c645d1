"""Limits for PDF files, checked before and while parsing (codes E430–E449).

pdfminer inflates a compressed stream in one piece, so a decompression bomb is found first
by inflating every Flate stream of the raw file with a ceiling; the page count is read from
the page tree before any page is parsed; a password-protected or broken file is reported as
such. JavaScript, forms and attachments inside a PDF are never run or opened: only the
text, lines and images of pages are read.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.model import limits

MAX_PDF_PAGES = limits.PDF_PAGES.value
MAX_PDF_SECONDS = limits.PDF_SECONDS.value
MAX_STREAM_BYTES = 64 * 1024 * 1024  # one inflated stream
MAX_INFLATED_BYTES = 256 * 1024 * 1024  # all inflated streams of a file
_STREAM = re.compile(rb"stream\r?\n")


def _inflated(raw: memoryview, limit: int) -> int:
    """Size of ``raw`` inflated, stopping at ``limit + 1``; 0 when it is not zlib data."""
    inflater = zlib.decompressobj()
    try:
        return len(inflater.decompress(raw, limit + 1))
    except zlib.error:
        return 0


def check_pdf_bytes(data: bytes, file: str) -> None:
    """Refuse what is not a PDF, and streams that would inflate past the limits."""
    if b"%PDF-" not in data[:1024]:
        raise JixiaoError("E430", "不是 PDF 文件（缺少 %PDF 文件头）", file=file)
    view = memoryview(data)
    total = 0
    position = 0
    while (match := _STREAM.search(data, position)) is not None:
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        size = _inflated(view[start:end], MAX_STREAM_BYTES)
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_INFLATED_BYTES:
            raise JixiaoError(
                "E434", "PDF 内压缩数据解压后过大，疑似压缩炸弹，已拒绝读取", file=file
            )
        position = end + 9


def _page_count(pdf: Any) -> int:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psexceptions import PSException

    try:
        pages = resolve1(pdf.doc.catalog.get("Pages"))
        return int(resolve1(pages.get("Count", 0)))
    except (AttributeError, TypeError, ValueError, PSException):  # a damaged page tree
        return 0


@contextmanager
def open_pdf(stream: BytesIO, file: str) -> Iterator[Any]:
    """pdfplumber's document, once it is known to open, to be unlocked and to be of a sane size."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(stream)
    except Exception as exc:  # pdfminer raises many kinds (wrapped by pdfplumber)
        cause = exc.__cause__ or exc.__context__ or exc
        if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError) or isinstance(
            cause, PDFPasswordIncorrect | PDFEncryptionError
        ):
            message = "PDF 已加密（需要密码），请提供未加密的文件"
            raise JixiaoError("E431", message, file=file) from None
        raise JixiaoError("E432", "PDF 文件已损坏或格式不对，无法打开", file=file) from None
    try:
        count = _page_count(pdf)
        if count > MAX_PDF_PAGES:
            raise JixiaoError(
                "E433", f"PDF 页数过多（{count} 页，上限 {MAX_PDF_PAGES} 页）", file=file
            )
        try:
            pages = pdf.pages
        except JixiaoError:
            raise
        except Exception:
            raise JixiaoError("E432", "PDF 页面目录已损坏，无法读取", file=file) from None
        if len(pages) > MAX_PDF_PAGES:
            raise JixiaoError(
                "E433", f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PDF_PAGES} 页）", file=file
            )
        if not pages:
            raise JixiaoError("E432", "PDF 没有任何页面", file=file)
        yield pdf
    finally:
        try:
            pdf.close()
        except Exception:  # close() walks the page tree again; a broken one raises anew
            stream.close()
