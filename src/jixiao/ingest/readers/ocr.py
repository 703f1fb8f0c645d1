"""Scanned pages and images (.png/.jpg/.tif, and PDFs without a text layer) read by OCR.

RapidOCR (PP-OCR models in ONNX, shipped inside the ``rapidocr-onnxruntime`` wheel: nothing
is downloaded) finds and reads the text lines; the drawn ruling lines give the table cells
(:mod:`.ocr_lines`); then the page goes through the same layout as a PDF's text layer, so
grids, merges, pages and paragraphs come out alike. Every character keeps the confidence
of the line it was read in, and every cell the lowest of its characters
(:attr:`~jixiao.ingest.grid.Cell.confidence`): the auditor turns an error that rests on an
uncertain cell into a warning ("识别不确定").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from io import BytesIO
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import RawDocument
from jixiao.ingest.readers.pdf import PageItems, assemble, page_items
from jixiao.ingest.readers.pdf_layout import Char
from jixiao.model import limits

SCAN_DPI = 150
MAX_IMAGE_PIXELS = limits.IMAGE_PIXELS.value
MAX_OCR_PAGES = limits.OCR_PAGES.value


@lru_cache(maxsize=1)
def _engine() -> Any:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR(use_cls=False, text_score=0.3, print_verbose=False)


def engine_available() -> bool:
    return _engine() is not None


def _require_engine(file: str) -> Any:
    engine = _engine()
    if engine is None:
        raise JixiaoError(
            "E441",
            "未安装文字识别（OCR）组件 rapidocr-onnxruntime，无法读取扫描件或图片",
            file=file,
        )
    return engine


def _weight(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55


def ocr_chars(image: Any, scale: float, file: str) -> list[Char]:
    """Characters of the text lines OCR finds in ``image`` (an RGB array), in points.

    OCR gives a box per text line; characters are laid out across it by their width class
    (full-width or half-width), which is what the layout needs to tell cells and wraps.
    """
    result, _ = _require_engine(file)(image)
    chars: list[Char] = []
    for quad, text, score in result or []:
        text = str(text).strip()
        if not text:
            continue
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        weights = [_weight(c) for c in text]
        unit = (x1 - x0) / sum(weights)
        x = x0
        for char, weight in zip(text, weights, strict=True):
            width = weight * unit
            if char.strip():
                chars.append(
                    Char(char, x * scale, (x + width) * scale, top * scale, bottom * scale,
                         confidence=float(score))
                )
            x += width
    return chars


def read_page_image(image: Any, number: int, file: str) -> PageItems:
    """One page image (RGB array at SCAN_DPI) laid out like a PDF page."""
    from jixiao.ingest.readers.ocr_lines import table_cells

    scale = 72 / SCAN_DPI
    height, width = image.shape[:2]
    tables = [
        [(x0 * scale, top * scale, x1 * scale, bottom * scale) for x0, top, x1, bottom in cells]
        for cells in table_cells(image)
    ]
    chars = ocr_chars(image, scale, file)
    return page_items(number, width * scale, height * scale, chars, tables)


def _finish(pages: list[PageItems], file: str, fmt: str) -> RawDocument:
    if not any(p.items for p in pages):
        raise JixiaoError("E443", "图片或扫描页上没有识别出任何文字", file=file)
    return assemble(pages, file, fmt)


def read_image(data: bytes, file: str) -> RawDocument:
    """A .png/.jpg/.tif file: every frame of it a page."""
    import numpy as np
    from PIL import Image, ImageSequence, UnidentifiedImageError

    _require_engine(file)
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(BytesIO(data)) as picture:
            pages = []
            for number, frame in enumerate(ImageSequence.Iterator(picture), 1):
                if number > MAX_OCR_PAGES:
                    raise JixiaoError("E444", f"图片页数过多（上限 {MAX_OCR_PAGES} 页）", file=file)
                dpi = frame.info.get("dpi", (SCAN_DPI, SCAN_DPI))[0] or SCAN_DPI
                rgb = frame.convert("RGB")
                if abs(float(dpi) - SCAN_DPI) > 1:
                    factor = SCAN_DPI / float(dpi)
                    size = (max(1, round(rgb.width * factor)), max(1, round(rgb.height * factor)))
                    rgb = rgb.resize(size)
                pages.append(read_page_image(np.asarray(rgb), number, file))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise JixiaoError("E442", "图片像素过多，疑似解压炸弹，已拒绝读取", file=file) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise JixiaoError("E442", "不是有效的图片文件（已损坏或格式不对）", file=file) from None
    return _finish(pages, file, "image")


def read_scanned_pdf(data: bytes, file: str) -> RawDocument:
    """A PDF whose pages carry no text: each page rendered at SCAN_DPI and read by OCR."""
    import numpy as np
    import pypdfium2 as pdfium

    if not engine_available():
        raise JixiaoError(
            "E440", "PDF 没有文字层（可能是扫描件），且未安装文字识别（OCR）组件", file=file
        )
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise JixiaoError("E432", "PDF 文件已损坏或格式不对，无法打开", file=file) from None
    try:
        if len(document) > MAX_OCR_PAGES:
            raise JixiaoError(
                "E444", f"扫描件页数过多（{len(document)} 页，上限 {MAX_OCR_PAGES} 页）", file=file
            )
        pages = []
        for number in range(len(document)):
            try:
                page = document[number]
            except pdfium.PdfiumError:
                raise JixiaoError(
                    "E432", f"PDF 第{number + 1}页已损坏，无法打开", file=file
                ) from None
            width, height = page.get_size()
            if width * height * (SCAN_DPI / 72) ** 2 > MAX_IMAGE_PIXELS:
                raise JixiaoError("E442", f"扫描件第{number + 1}页尺寸过大，已拒绝读取", file=file)
            bitmap = page.render(scale=SCAN_DPI / 72)
            pages.append(read_page_image(np.asarray(bitmap.to_pil().convert("RGB")),
                                         number + 1, file))
    finally:
        document.close()
    return _finish(pages, file, "pdf-ocr")
