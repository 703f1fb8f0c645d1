"""Ingest throughput: 1,000 Word and 1,000 Excel project forms, read and recognized.

Run with ``uv run python benchmarks/bench_ingest.py [N]``. Prints forms/second per format
and the peak resident memory of a fresh process that only ingests, beside the floor: the
time to merely unzip the same files and parse, with lxml, the XML parts the reader uses.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))

from forms import sample_project, write_docx, write_xlsx

from jixiao.ingest import ingest


def generate(directory: Path, count: int) -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = {"docx": [], "xlsx": []}
    for i in range(count):
        form = sample_project(i)
        for suffix, writer in (("docx", write_docx), ("xlsx", write_xlsx)):
            path = directory / f"form{i:04d}.{suffix}"
            writer(form, path)
            files[suffix].append(path)
    return files


def _used_part(name: str) -> bool:
    return (
        name == "word/document.xml"
        or name
        in (
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
        )
        or name.startswith("xl/worksheets/sheet")
    )


def unzip_and_parse(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if _used_part(name):
                etree.fromstring(archive.read(name))


def read_and_recognize(path: Path) -> None:
    if len(ingest(path).document.forms) != 1:
        raise SystemExit(f"{path} 未识别出表单")


def timed(paths: list[Path], work: Callable[[Path], None]) -> float:
    start = time.perf_counter()
    for path in paths:
        work(path)
    return time.perf_counter() - start


def measure(paths: list[Path]) -> dict[str, float]:
    """Run in a fresh process so that peak memory is the ingest's own."""
    floor = timed(paths, unzip_and_parse)
    seconds = timed(paths, read_and_recognize)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"floor": floor, "seconds": seconds, "peak_mb": peak_kib / 1024}


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sorted(Path(sys.argv[3]).glob(f"*.{sys.argv[2]}")))))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        files = generate(Path(tmp), count)
        print(f"生成 {count} 个 docx + {count} 个 xlsx：{time.perf_counter() - start:.1f} s")
        header = ("格式", "表单/秒", "解压+XML 下限 文件/秒", "耗时比", "峰值内存 MB")
        print(f"{header[0]:<6}{header[1]:>10}{header[2]:>24}{header[3]:>8}{header[4]:>14}")
        for suffix in files:
            run = [sys.executable, __file__, "--measure", suffix, tmp]
            found = json.loads(subprocess.run(run, check=True, capture_output=True).stdout)
            floor, seconds, memory = found["floor"], found["seconds"], found["peak_mb"]
            print(
                f"{suffix:<6}{count / seconds:>10.0f}{count / floor:>24.0f}"
                f"{seconds / floor:>8.1f}{memory:>14.1f}"
            )


if __name__ == "__main__":
    main()
