"""Scanned pages and images, read by OCR (to be filled in)."""

from __future__ import annotations

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import RawDocument


def read_scanned_pdf(data: bytes, file: str) -> RawDocument:
    raise JixiaoError(
        "E440", "PDF 没有文字层（可能是扫描件），未安装文字识别（OCR）组件", file=file
    )
