"""OCR accuracy and speed on the corpus, document by document.

Run with ``uv run python benchmarks/bench_ocr.py [--docs N] [--pages P] [--jobs J]``. Every
.docx of ../shared/corpus (else N synthetic forms) is printed to PDF by LibreOffice headless,
rasterised at 150 dpi by pdftoppm (both cached in a temporary folder that survives runs, so a
second run only reads), then read back through jixiao's OCR route page by page. It prints,
per document and overall:

- the share of numeric cells read exactly, cell by cell against the PDF's text layer (goal
  >= 98%), and the share of numeric values of the recognised forms equal to the .docx's;
- seconds per OCR page (line detection + OCR + layout);
- every error-severity finding of the OCR reading that the .docx does not also have as an
  error: a misread digit must never make one (goal 0).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))

from forms import sample_project, write_docx

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
CACHE = Path(tempfile.gettempdir()) / "jixiao-bench-ocr"
NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")
GOAL = 98.0


def sources(count: int) -> list[Path]:
    found = sorted(SHARED.glob("*.docx")) if SHARED.is_dir() else []
    if found:
        return found
    folder = CACHE / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"form{i:04d}.docx"
        if not path.exists():
            write_docx(sample_project(i), path)
        paths.append(path)
    return paths


def to_pdf(docx: list[Path]) -> dict[str, Path]:
    out = CACHE / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    missing = [p for p in docx if not (out / f"{p.stem}.pdf").exists()]
    if missing:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(CACHE / 'profile').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, missing)],
            capture_output=True, check=False, timeout=1800, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    return {p.stem: out / f"{p.stem}.pdf" for p in docx if (out / f"{p.stem}.pdf").exists()}


def to_png(pdf: Path) -> list[Path]:
    folder = CACHE / "png" / pdf.stem
    if not (folder / "done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(folder / "p")], check=True)
        (folder / "done").touch()
    return sorted(folder.glob("p-*.png"))


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _boxes(page: Any) -> list[Any]:
    from jixiao.ingest.readers.pdf_tables import PageTable

    return [box for item in page.items if isinstance(item, PageTable) for box in item.boxes]


def _read_at(boxes: list[Any], x: float, y: float) -> str | None:
    for box in boxes:
        if box.x0 <= x <= box.x1 and box.top <= y <= box.bottom:
            return _norm(box.text())
    return None


def _leaves(data: Any, path: str = "") -> dict[str, str]:
    """Numeric leaves of a model dump, by path."""
    if isinstance(data, dict):
        return {
            k: v for key, item in data.items() for k, v in _leaves(item, f"{path}.{key}").items()
        }
    if isinstance(data, list):
        return {
            k: v for i, item in enumerate(data) for k, v in _leaves(item, f"{path}[{i}]").items()
        }
    if (
        (isinstance(data, (int, float))
        and not isinstance(data, bool))
        or (isinstance(data, str) and NUMBER.match(data))
    ):
        return {path: str(data)}
    return {}


_FIGURE = re.compile(r"-?\d+(?:\.\d+)?")
Figures = tuple[tuple[str, ...], tuple[str, ...]]


def _figures(finding: Any) -> Figures:
    """The figures a finding prints and expects: an OCR reading's error is caused by a
    misread digit only if no error of the .docx names the same figures (the same error may
    come from another check, or cite "减" where the .docx has "減")."""
    return (
        tuple(_FIGURE.findall(_norm(finding.claimed or ""))),
        tuple(_FIGURE.findall(_norm(finding.expected or ""))),
    )


def _judged(document: Any) -> tuple[dict[str, str], dict[Figures, str]]:
    """Numeric form values and error findings (by their figures) of a Document."""
    from jixiao.audit.framework import Severity, run_audit
    from jixiao.rules.infer import resolve_pack

    pack, reason = resolve_pack("auto", document)
    errors = {
        _figures(f): f"{f.code} {f.message}"
        for f in run_audit(document, pack, pack_reason=reason)
        if f.severity is Severity.ERROR
    }
    forms = document.model_dump(mode="json", exclude={"source_file", "paragraphs", "sources"})
    values = {k: v for k, v in _leaves(forms).items() if "source" not in k}
    return values, errors


@dataclass
class Result:
    name: str
    pages: int = 0
    seconds: float = 0.0
    cells: int = 0
    exact: int = 0
    values: int = 0
    same_values: int = 0
    misread: list[str] = field(default_factory=list)
    false_errors: list[str] = field(default_factory=list)
    failure: str = ""


def measure(docx: Path, pdf: Path, max_pages: int | None) -> Result:
    import numpy as np
    from PIL import Image

    from jixiao.errors import JixiaoError
    from jixiao.ingest import load_any
    from jixiao.ingest.readers.ocr import read_page_image
    from jixiao.ingest.readers.pdf import _pages, assemble
    from jixiao.ingest.recognize import recognize

    result = Result(docx.stem)
    images = to_png(pdf)[:max_pages]
    layer = list(_pages(pdf.read_bytes(), str(pdf)))
    read = []
    for number, (image, truth) in enumerate(zip(images, layer, strict=False), 1):
        array = np.asarray(Image.open(image).convert("RGB"))
        started = time.perf_counter()
        page = read_page_image(array, number, str(image))
        result.seconds += time.perf_counter() - started
        result.pages += 1
        read.append(page)
        got = _boxes(page)
        for box in _boxes(truth):
            text = _norm(box.text())
            if not NUMBER.match(text):
                continue
            result.cells += 1
            seen = _read_at(got, (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2)
            if seen == text:
                result.exact += 1
            else:
                result.misread.append(f"p{number} {text} → {seen}")
    try:
        ocr_doc = recognize(assemble(read, f"{docx.stem}.tif", "image")).document
    except JixiaoError as exc:
        result.failure = exc.message
        return result
    truth_values, truth_errors = _judged(load_any(docx))
    values, errors = _judged(ocr_doc)
    if max_pages is None:  # a partial reading cannot hold every value of the document
        result.values = len(truth_values)
        result.same_values = sum(values.get(k) == v for k, v in truth_values.items())
    for key, message in sorted(errors.items()):
        if key not in truth_errors:
            result.false_errors.append(message[:90])
    return result


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.2f}%" if whole else "     -"


def report(docx: list[Path], pdfs: dict[str, Path], jobs: int, pages: int | None,
           misreads: int) -> None:  # fmt: skip
    """Measure every document in ``jobs`` processes and print the table and the totals."""
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        futures = [pool.submit(measure, d, pdfs[d.stem], pages) for d in docx if d.stem in pdfs]
        results = [f.result() for f in futures]
    wall = time.perf_counter() - started
    print(f"OCR (rapidocr, 150 dpi) on {len(results)} documents, {jobs} processes")
    print(f"  {'document':<28} {'pages':>5} {'s/page':>7} {'cells exact':>18} {'form values':>18}")
    total = Result("all")
    for r in results:
        print(f"  {r.name:<28} {r.pages:5d} {r.seconds / max(r.pages, 1):7.2f} "
              f"{r.exact:5d}/{r.cells:<5d}{_share(r.exact, r.cells)} "
              f"{r.same_values:5d}/{r.values:<5d}{_share(r.same_values, r.values)}"
              f"{'  ' + r.failure if r.failure else ''}")  # fmt: skip
        for name in ("pages", "seconds", "cells", "exact", "values", "same_values"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
    print(
        f"  {'overall':<28} {total.pages:5d} {total.seconds / max(total.pages, 1):7.2f} "
        f"{total.exact:5d}/{total.cells:<5d}{_share(total.exact, total.cells)} "
        f"{total.same_values:5d}/{total.values:<5d}{_share(total.same_values, total.values)}"
    )
    print(f"  numeric cells exact: {_share(total.exact, total.cells).strip()} (goal >= {GOAL}%)")
    print(
        f"  OCR pages/s (one process): {total.pages / max(total.seconds, 1e-9):.2f};"
        f" wall {wall:.1f} s"
    )
    false_errors = [f"{r.name} {e}" for r in results for e in r.false_errors]
    print(
        f"  error findings of the OCR reading the .docx does not have: {len(false_errors)} (goal 0)"
    )
    for line in false_errors:
        print("   false error", line)
    misread = [f"{r.name} {m}" for r in results for m in r.misread]
    for line in misread[:misreads]:
        print("   misread", line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=None, help="only the first N documents")
    parser.add_argument("--pages", type=int, default=None, help="only the first P pages of each")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--synthetic", type=int, default=20)
    parser.add_argument("--misreads", type=int, default=60, help="misread cells to list")
    args = parser.parse_args()
    docx = sources(args.synthetic)[: args.docs]
    report(docx, to_pdf(docx), args.jobs, args.pages, args.misreads)


if __name__ == "__main__":
    main()
