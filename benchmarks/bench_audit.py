"""Audit a generated corpus of evaluations and print evaluations/second and peak memory.

    uv run python benchmarks/bench_audit.py [COUNT] [--profile]

Each evaluation is a project self-evaluation with 20 indicators (``corpus.py``); the
auditor infers the pack from the document, scores it and runs every check. Peak memory is
the process's maximum resident set size (getrusage) and the Python heap peak of the audit
loop (tracemalloc, measured in a second pass over a tenth of the corpus because tracing
slows Python down). The generated corpus is frozen out of the garbage collector's view
(``gc.freeze``) so that the timing measures auditing, not rescanning 10,000 live documents.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate_documents

from jixiao.audit import run_audit
from jixiao.model import Document
from jixiao.rules.infer import infer_pack


def audit_all(documents: list[Document]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for document in documents:
        pack, reason = infer_pack(document)
        for finding in run_audit(document, pack, pack_reason=reason):
            counts[finding.severity.value] += 1
    return counts


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(arguments[0]) if arguments else 10_000
    documents = generate_documents(count)
    # The CLI reads one file at a time; here the whole corpus is alive, so keep the garbage
    # collector from rescanning it on every collection (it is not garbage).
    gc.collect()
    gc.freeze()
    indicators = sum(len(getattr(f, "indicators", [])) for d in documents for f in d.forms)
    audit_all(documents[:10])  # load packs and checks outside the timing

    start = time.perf_counter()
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        counts = profile.runcall(audit_all, documents)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    else:
        counts = audit_all(documents)
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    sample = documents[: max(1, count // 10)]
    tracemalloc.start()
    audit_all(sample)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"审核 {count} 份评价（{indicators} 个指标），用时 {elapsed:.2f} 秒")
    print(f"  {count / elapsed:,.0f} 份/秒，{indicators / elapsed:,.0f} 个指标/秒")
    print(f"  发现：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}")
    print(f"  峰值内存：进程 RSS {rss:,.0f} MiB；审核循环 Python 堆峰值 "
          f"{heap_peak / 1024 / 1024:,.1f} MiB（{len(sample)} 份样本）")


if __name__ == "__main__":
    main()
