"""Score a generated set of evaluations and print evaluations/second.

    uv run python benchmarks/bench_score.py [COUNT]

The floor beside it is the cost of merely validating the same documents into the model
(what any tool reading these files pays before scoring anything).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate_documents

from jixiao.model import Document
from jixiao.rules.infer import infer_pack
from jixiao.scoring import score_document


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    documents = generate_documents(count)
    indicators = sum(len(f.indicators) for d in documents for f in d.forms)  # type: ignore[union-attr]
    dumped = [d.model_dump() for d in documents]

    start = time.perf_counter()
    for data in dumped:
        Document.model_validate(data)
    floor = time.perf_counter() - start

    start = time.perf_counter()
    for document in documents:
        pack, _ = infer_pack(document)
        score_document(document, pack)
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"评价表 {count} 份，指标 {indicators} 项")
    print(
        f"评分（含规则包推断）：{elapsed:.2f} 秒，{count / elapsed:,.0f} 份/秒，"
        f"{indicators / elapsed:,.0f} 项指标/秒，进程峰值内存 {peak_kib / 1024:.0f} MiB"
    )
    print(f"参照下限（仅模型校验）：{floor:.2f} 秒，{count / floor:,.0f} 份/秒")


if __name__ == "__main__":
    main()
