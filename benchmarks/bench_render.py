"""Render benchmark: N docx reports (with charts) and N xlsx workbooks from the bundled sample.

Run: ``uv run python benchmarks/bench_render.py [--count 1000] [--no-charts] [--jobs N]``.
Each iteration changes the executed amount so that every report is scored and drawn anew.
Prints reports/second on one process and on ``--jobs`` processes (0: every core; the
workers are forked with the assessments, as ``jixiao audit`` forks its workers), and
forms/second (one workbook = the sample's 3 forms + summary).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.assessment import assess
from jixiao.cli.parallel import ordered_map, worker_count
from jixiao.model.document import Document
from jixiao.model.evaluation import SelfEvaluationBase
from jixiao.render.demo import load_sample
from jixiao.render.report import ReportOptions, write_report
from jixiao.render.xlsx import write_forms
from jixiao.rules.infer import resolve_pack


def _variant(document: Document, n: int) -> Document:
    """The sample with the department's executed amount nudged by ``n`` hundredths."""
    form = document.forms[0]
    assert isinstance(form, SelfEvaluationBase)
    funding = [
        line.model_copy(update={"executed": (line.executed or Decimal(0)) - Decimal(n) / 100})
        if line.is_total
        else line
        for line in form.funding
    ]
    return document.model_copy(
        update={"forms": [form.model_copy(update={"funding": funding}), *document.forms[1:]]}
    )


# what the forked workers render: set before the pool starts, read by index
_WORK: dict[str, Any] = {}


def _render(n: int) -> int:
    """Write report ``n`` to a file of this process; its size."""
    path = Path(_WORK["folder"]) / f"parallel-{os.getpid()}.docx"
    write_report(_WORK["assessments"][n], path, _WORK["options"])
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--no-charts", action="store_true")
    parser.add_argument("--jobs", type=int, default=0, help="并行进程数（0：全部核心）")
    args = parser.parse_args()
    sample = load_sample()
    pack, _ = resolve_pack("auto", sample)
    options = ReportOptions(charts=not args.no_charts)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        warm = assess(sample, pack)
        write_report(warm, out / "warm.docx", options)  # fonts, styles, imports
        write_forms(warm, out / "warm.xlsx")
        documents = [_variant(sample, n % 500) for n in range(args.count)]
        # One assessment per document (scores and findings) serves both files, as in the CLI.
        start = time.perf_counter()
        assessments = [assess(document, pack) for document in documents]
        assessing = time.perf_counter() - start
        start = time.perf_counter()
        size = 0
        for n, assessment in enumerate(assessments):
            path = out / f"report{n % 2}.docx"
            write_report(assessment, path, options)
            size = path.stat().st_size
        reports = time.perf_counter() - start
        _WORK.update(assessments=assessments, options=options, folder=folder)
        workers = worker_count(args.jobs, len(assessments))
        start = time.perf_counter()
        for _ in ordered_map(_render, range(len(assessments)), jobs=args.jobs, label="生成报告"):
            pass
        parallel = time.perf_counter() - start
        start = time.perf_counter()
        for n, assessment in enumerate(assessments):
            write_forms(assessment, out / f"forms{n % 2}.xlsx")
        forms = time.perf_counter() - start
    charts = "无图表" if args.no_charts else "含 3 幅图表"
    print(f"评分和审核（每份一次）：{args.count} 份，用时 {assessing:.1f} 秒")
    print(
        f"报告 docx（{charts}，约 {size // 1024} KB）：{args.count} 份，用时 {reports:.1f} 秒，"
        f"{args.count / reports:.2f} 份/秒（1 个进程）；{workers} 个进程：用时 {parallel:.1f} 秒，"
        f"{args.count / parallel:.2f} 份/秒（目标 ≥ 20 份/秒）"
    )
    print(
        f"自评表 xlsx（每个工作簿 3 张表 + 汇总）：{args.count} 个，用时 {forms:.1f} 秒，"
        f"{args.count / forms:.2f} 个/秒，{3 * args.count / forms:.1f} 张表/秒"
    )


if __name__ == "__main__":
    main()
