"""Score a generated set of evaluations and print indicators/second.

    uv run python benchmarks/bench_score.py [COUNT] [--jobs N]

Printed on one process and on ``--jobs`` processes (0, the default: every core; the workers
are forked with the documents, as ``jixiao audit`` forks its workers, and each scores whole
slices of them). The floor beside it is the cost of merely validating the same documents
into the model (what any tool reading these files pays before scoring anything). The
generated corpus is frozen out of the garbage collector's view (``gc.freeze``), as in
``bench_audit.py``: the CLI holds one file at a time, not 10,000 live documents.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate_documents

from jixiao.cli.parallel import ordered_map, worker_count
from jixiao.model import Document
from jixiao.rules.infer import infer_pack
from jixiao.scoring import score_document

SLICE = 250  # documents a worker scores per task: the task costs far more than its message
_DOCUMENTS: list[Document] = []  # what the forked workers score, set before the pool starts


def _score_slice(start: int) -> int:
    """Score one slice of the documents (pack inferred for each); its indicator count."""
    indicators = 0
    for document in _DOCUMENTS[start : start + SLICE]:
        pack, _ = infer_pack(document)
        result = score_document(document, pack)
        indicators += sum(len(getattr(form, "indicators", [])) for form in result.forms)
    return indicators


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--jobs", type=int, default=0, help="并行进程数（0：全部核心）")
    args = parser.parse_args()
    _DOCUMENTS.extend(generate_documents(args.count))
    gc.collect()
    gc.freeze()
    indicators = sum(len(getattr(f, "indicators", [])) for d in _DOCUMENTS for f in d.forms)
    dumped = [d.model_dump() for d in _DOCUMENTS]
    _score_slice(0)  # load packs and rule kinds outside the timing

    start = time.perf_counter()
    for data in dumped:
        Document.model_validate(data)
    floor = time.perf_counter() - start

    starts = range(0, args.count, SLICE)
    start = time.perf_counter()
    scored = sum(_score_slice(n) for n in starts)
    elapsed = time.perf_counter() - start
    workers = worker_count(args.jobs, args.count)
    start = time.perf_counter()
    parallel_scored = sum(ordered_map(_score_slice, starts, jobs=args.jobs, label="评分"))
    parallel = time.perf_counter() - start
    assert scored == parallel_scored == indicators
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"评价表 {args.count} 份，指标 {indicators} 项")
    print(
        f"评分（含规则包推断）：1 个进程 {elapsed:.2f} 秒，{args.count / elapsed:,.0f} 份/秒，"
        f"{indicators / elapsed:,.0f} 项指标/秒；{workers} 个进程 {parallel:.2f} 秒，"
        f"{indicators / parallel:,.0f} 项指标/秒（目标 ≥ 100,000 项指标/秒）；"
        f"进程峰值内存 {peak_kib / 1024:.0f} MiB"
    )
    print(f"参照下限（仅模型校验）：{floor:.2f} 秒，{args.count / floor:,.0f} 份/秒")


if __name__ == "__main__":
    main()
