"""PDF and OCR reading: speed beside the library's own raw extraction, and OCR accuracy.

Run with ``uv run python benchmarks/bench_pdf.py [--forms N] [--ocr-docs K]``. Word forms
(the corpus's .docx when ../shared is there, else N synthetic forms) are printed to PDF by
LibreOffice; the script prints

- PDF pages/s and forms/s of ``jixiao.ingest`` beside two floors: pdfplumber's character
  extraction alone (what the reader starts from) and pypdfium2's plain text extraction;
- OCR pages/s on the same PDFs rasterised at 150 dpi by pdftoppm, the share of numeric cells
  read exactly (against the text layer, cell by cell), and the error-severity findings the
  OCR reading has that the text layer does not (a misread digit must never make one).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))

from forms import sample_project, write_docx

from jixiao.audit.framework import Severity, run_audit
from jixiao.ingest import ingest
from jixiao.ingest.readers.pdf import PageItems, _pages
from jixiao.ingest.readers.pdf_safety import check_pdf_bytes
from jixiao.ingest.readers.pdf_tables import Box, PageTable
from jixiao.rules.infer import resolve_pack

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")


def sources(directory: Path, count: int) -> list[Path]:
    if SHARED.is_dir() and sorted(SHARED.glob("*.docx")):
        return sorted(SHARED.glob("*.docx"))
    paths = []
    for i in range(count):
        path = directory / f"form{i:04d}.docx"
        write_docx(sample_project(i), path)
        paths.append(path)
    return paths


def to_pdf(docx: list[Path], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, docx)],
        capture_output=True, check=False, timeout=1800,
    )  # fmt: skip
    return sorted(out.glob("*.pdf"))


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


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _boxes(page: PageItems) -> list[Box]:
    return [box for item in page.items if isinstance(item, PageTable) for box in item.boxes]


def _read_at(boxes: list[Box], x: float, y: float) -> str | None:
    """The text OCR read in the cell that holds the point (x, y)."""
    for box in boxes:
        if box.x0 <= x <= box.x1 and box.top <= y <= box.bottom:
            return _norm(box.text())
    return None


def _errors(path: Path) -> set[tuple[str, str]]:
    document = ingest(path).document
    pack, reason = resolve_pack("auto", document)
    return {
        (f.code, f.message[:60])
        for f in run_audit(document, pack, pack_reason=reason)
        if f.severity is Severity.ERROR
    }


def bench_ocr(pdfs: list[Path], work: Path) -> None:
    import numpy as np
    from PIL import Image

    from jixiao.ingest.readers.ocr import read_page_image

    pages = exact = numeric = new_errors = 0
    seconds = 0.0
    misread: list[str] = []
    for pdf in pdfs:
        prefix = work / pdf.stem
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(prefix)], check=True)
        images = sorted(work.glob(f"{pdf.stem}-*.png"))
        data = pdf.read_bytes()
        check_pdf_bytes(data, str(pdf))
        layer = list(_pages(data, str(pdf)))
        for number, (image, truth) in enumerate(zip(images, layer, strict=True), 1):
            array = np.asarray(Image.open(image).convert("RGB"))
            started = time.perf_counter()
            read = read_page_image(array, number, str(image))
            seconds += time.perf_counter() - started
            pages += 1
            got = _boxes(read)
            for box in _boxes(truth):
                text = _norm(box.text())
                if not NUMBER.match(text):
                    continue
                numeric += 1
                seen = _read_at(got, (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2)
                if seen == text:
                    exact += 1
                else:
                    misread.append(f"{pdf.stem} p{number}: {text} → {seen}")
        tif = work / f"{pdf.stem}.tif"
        first, *rest = (Image.open(p).convert("RGB") for p in images)
        first.save(tif, save_all=True, append_images=rest, dpi=(150, 150))
        extra = _errors(tif) - _errors(pdf)
        new_errors += len(extra)
        for code, where in sorted(extra):
            print(f"   error only in OCR reading: {pdf.stem} {code} {where}")
    print(f"OCR (rapidocr, 150 dpi): {len(pdfs)} files, {pages} pages")
    rate("jixiao OCR page reading (lines + OCR + layout)", pages, "pages", seconds)
    share = 100 * exact / numeric if numeric else 0.0
    print(f"  numeric cells exact: {exact}/{numeric} = {share:.2f}%")
    print(f"  error findings only in the OCR reading: {new_errors}")
    for line in misread[:40]:
        print("   misread", line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=20)
    parser.add_argument("--ocr-docs", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pdfs = to_pdf(sources(work, args.forms), work / "pdf")
        bench_text_layer(pdfs)
        chosen = pdfs if args.ocr_docs is None else pdfs[: args.ocr_docs]
        (work / "png").mkdir()
        bench_ocr(chosen, work / "png")


if __name__ == "__main__":
    main()
