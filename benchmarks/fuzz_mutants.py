"""Long mutation-fuzz run: mutants of every format family through read/score/audit/convert.

Each mutant runs in a worker child process limited to 4 GiB of address space
(``RLIMIT_AS``) and 10 seconds (the parent kills a worker that does not answer in time and
starts another). Prints counts by outcome per family: ok, coded error (JixiaoError, by code),
traceback (any other exception: a bug), timeout, memory (MemoryError or the worker killed).
Every mutant that is not ok or a coded error is saved under ``--failures`` to reproduce.

    .venv/bin/python benchmarks/fuzz_mutants.py --per-family 10000 --workers 2

The floor is zero tracebacks, timeouts and memory blow-ups. Seeds: ../shared/corpus when
present (docx/xlsx/txt and YAML/JSON converted from the docx), else the repo's own. The
hostile files of tests/robustness/hostile.py are run first.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from hostile import HOSTILE  # noqa: E402
from mutate import FAMILIES, mutant, run_pipeline, seed_files  # noqa: E402

BAD = ("traceback", "timeout", "memory")


def _worker(conn: Connection, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    scratch = Path(tempfile.mkdtemp(prefix="jixiao-fuzz-"))
    while True:
        task = conn.recv()
        if task is None:
            return
        name, data = task
        path = scratch / name
        try:
            path.write_bytes(data)
            outcome = run_pipeline(path, scratch)
        except MemoryError:
            outcome = "memory"
        except RecursionError:
            outcome = "traceback:RecursionError"
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            outcome = f"traceback:{type(exc).__name__} {Path(frame.filename).name}:{frame.lineno}"
        finally:
            path.unlink(missing_ok=True)
        conn.send(outcome)


class Worker:
    def __init__(self, memory_bytes: int) -> None:
        self.memory = memory_bytes
        self._start()

    def _start(self) -> None:
        self.conn, child = mp.Pipe()
        self.process = mp.Process(target=_worker, args=(child, self.memory), daemon=True)
        self.process.start()
        child.close()


def category(outcome: str) -> str:
    if outcome == "ok":
        return "ok"
    if outcome.startswith("E"):
        return "coded"
    return outcome.split(":", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-family", type=int, default=10_000)
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--memory-gib", type=float, default=4.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--budget-minutes", type=float, default=0.0,
                        help="stop each family after this share of minutes (0: no limit)")
    parser.add_argument("--failures", type=Path, default=ROOT / "benchmarks" / "fuzz-failures")
    args = parser.parse_args()
    mp.set_start_method("fork")
    import jixiao.cli.loading  # noqa: F401 - imported once, before forking the workers

    workers = [Worker(int(args.memory_gib * 1024**3)) for _ in range(args.workers)]
    scratch = Path(tempfile.mkdtemp(prefix="jixiao-seeds-"))
    shared = ROOT.parent / "shared"
    seeds = seed_files(ROOT, shared if shared.is_dir() else None, scratch)
    families = [f for f in args.families.split(",") if f]
    rng = random.Random(args.seed)
    totals: dict[str, Counter[str]] = {}
    codes: Counter[str] = Counter()
    problems: list[str] = []

    def record(family: str, name: str, data: bytes, outcome: str) -> None:
        totals.setdefault(family, Counter())[category(outcome)] += 1
        if outcome.startswith("E"):
            codes[outcome] += 1
        if category(outcome) in BAD:
            args.failures.mkdir(parents=True, exist_ok=True)
            (args.failures / f"{family}-{len(problems)}-{name}").write_bytes(data)
            problems.append(f"{family} {name}: {outcome}")

    started = time.perf_counter()
    for item in HOSTILE:
        _run_batch([(workers[0], item.name, item.make())], "hostile", record, args.timeout)
    for family in families:
        pool = seeds[family]
        family_start = time.perf_counter()
        pending: list[tuple[Worker, str, bytes]] = []
        for n in range(args.per_family):
            spent = time.perf_counter() - family_start
            if args.budget_minutes and spent > args.budget_minutes * 60:
                break
            seed_name, data = rng.choice(pool)
            name = f"m{n}-{seed_name}"
            pending.append((workers[n % len(workers)], name, mutant(family, data, rng)))
            if len(pending) == len(workers):
                _run_batch(pending, family, record, args.timeout)
                pending = []
        _run_batch(pending, family, record, args.timeout)
        done = sum(totals.get(family, Counter()).values())
        print(f"{family}: {done} mutants in {time.perf_counter() - family_start:.0f} s",
              flush=True)
    elapsed = time.perf_counter() - started
    print(f"\n{'family':8} {'runs':>7} {'ok':>7} {'coded':>7} {'traceback':>9} {'timeout':>7} "
          f"{'memory':>7}")
    for family, counts in totals.items():
        print(f"{family:8} {sum(counts.values()):7} {counts['ok']:7} {counts['coded']:7} "
              f"{counts['traceback']:9} {counts['timeout']:7} {counts['memory']:7}")
    print(f"\ncoded errors: {dict(sorted(codes.items()))}")
    print(f"elapsed {elapsed:.0f} s; floor: 0 tracebacks, 0 timeouts, 0 memory")
    for line in problems[:50]:
        print("  " + line)
    for worker in workers:
        worker.process.kill()


def _run_batch(pending: list[tuple[Worker, str, bytes]], family: str, record: object,
               timeout: float) -> None:
    """Send one mutant to each worker, then collect (the workers run in parallel)."""
    assert callable(record)
    for worker, name, data in pending:
        worker.conn.send((name, data))
    for worker, name, data in pending:
        outcome = _collect(worker, timeout)
        record(family, name, data, outcome)


def _collect(worker: Worker, timeout: float) -> str:
    try:
        if worker.conn.poll(timeout):
            return str(worker.conn.recv())
        outcome = "timeout"
    except (EOFError, OSError):
        outcome = "memory"
    worker.process.kill()
    worker.process.join()
    worker._start()
    return outcome


if __name__ == "__main__":
    main()
