"""``jixiao audit FOLDER`` end to end, as a bureau runs it: 1,000 Word forms by default.

    uv run python benchmarks/bench_batch.py [COUNT]

Prints files/second on one process and on every core, beside the floor of the same files
(unzip + lxml parse of the parts the reader uses, one core), the ratio to that floor
(goal: at least 0.25 of the floor on one core) and the peak resident memory of the audit
process, for COUNT and for a tenth of it: memory that stays flat as the folder grows is the
point of printing each document and dropping its findings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import generate as generate_forms
from bench_ingest import timed, unzip_and_parse

GOAL = 0.25  # of the floor, one core


def audit_folder(folder: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one ``jixiao audit`` process over ``folder``."""
    script = (
        "import resource, sys\n"
        "from jixiao.cli.main import main\n"
        "status = main(sys.argv[1:])\n"
        "peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(0 if status in (0, 1) else status)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, "audit", str(folder), "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small, large = root / "small", root / "large"
        for folder in (small, large):
            folder.mkdir()
        forms = generate_forms(large, count)["docx"]
        for path in root.joinpath("large").glob("*.xlsx"):
            path.unlink()
        for path in forms[: max(1, count // 10)]:
            (small / path.name).write_bytes(path.read_bytes())
        floor = count / timed(forms, unzip_and_parse)
        print(f"{count} 个 docx 自评表；下限（解压 + XML 解析，单核）{floor:,.0f} 文件/秒")
        print(f"{'进程':<6}{'文件/秒':>10}{'下限比':>8}{'目标':>8}{'峰值内存 MiB':>14}"
              f"{'（1/10 文件时）':>14}")
        for jobs in sorted({1, cores}):
            seconds, peak = audit_folder(large, jobs)
            _, small_peak = audit_folder(small, jobs)
            rate = count / seconds
            goal = f"≥{GOAL:.2f}" if jobs == 1 else ""
            print(f"{jobs:<6}{rate:>10,.0f}{rate / floor:>8.2f}{goal:>8}{peak:>14.0f}"
                  f"{small_peak:>14.0f}")


if __name__ == "__main__":
    main()
