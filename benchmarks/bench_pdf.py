"""PDF and OCR reading: speed beside the library's own raw extraction, and OCR accuracy.

Run with ``uv run python benchmarks/bench_pdf.py [--forms N] [--ocr-docs K] [--jobs J]``.
Word forms (the corpus's .docx when ../shared is there, else N synthetic forms) are printed
to PDF by LibreOffice (cached, see :mod:`bench_ocr`); the script prints

- PDF pages/s and forms/s of ``jixiao.ingest`` beside two floors: pdfplumber's character
  extraction alone (what the reader starts from) and pypdfium2's plain text extraction;
- OCR pages/s on the same PDFs rasterised at 150 dpi by pdftoppm, the share of numeric cells
  read exactly (against the text layer, cell by cell), and the error-severity findings the
  OCR reading has that the .docx does not (a misread digit must never make one), as
  :func:`bench_ocr.report` prints them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_ocr

from jixiao.ingest import ingest


def rate(label: str, count: float, unit: str, seconds: float) -> None:
    print(f"  {label:<44} {count / seconds:10.1f} {unit}/s   ({count:g} in {seconds:.2f} s)")


def bench_text_layer(pdfs: list[Path]) -> None:
    import pdfplumber
    import pypdfium2 as pdfium

    pages = forms = 0
    started = time.perf_counter()
    for path in pdfs:
        result = ingest(path)
        forms += len(result.document.forms)
    ingest_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                _ = page.chars
                pages += 1
    plumber_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for path in pdfs:
        document = pdfium.PdfDocument(path)
        for page in document:
            page.get_textpage().get_text_range()
        document.close()
    pdfium_seconds = time.perf_counter() - started
    print(f"PDF text layer: {len(pdfs)} files, {pages} pages, {forms} forms")
    rate("jixiao ingest (read + recognize)", pages, "pages", ingest_seconds)
    rate("jixiao ingest (read + recognize)", forms, "forms", ingest_seconds)
    rate("floor: pdfplumber characters only", pages, "pages", plumber_seconds)
    rate("floor: pypdfium2 plain text only", pages, "pages", pdfium_seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=20)
    parser.add_argument("--ocr-docs", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    docx = bench_ocr.sources(args.forms)
    pdfs = bench_ocr.to_pdf(docx)
    bench_text_layer([pdfs[d.stem] for d in docx if d.stem in pdfs])
    bench_ocr.report(docx[: args.ocr_docs], pdfs, args.jobs, None, misreads=40)


if __name__ == "__main__":
    main()
