"""Per-file work of a batch command on every core, results in input order, with a progress
bar on standard error when it is a terminal.

Worker processes are forked, so they start with the modules (packs, checks) the parent has
loaded; a batch too small to repay the start-up runs in this process."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
R = TypeVar("R")

FILES_PER_WORKER = 4  # below this many files per extra process, one process is faster


def worker_count(jobs: int, items: int) -> int:
    """Processes to use: ``jobs`` (0 = every core), never more than the work repays."""
    cores = os.cpu_count() or 1
    wanted = cores if jobs <= 0 else jobs
    return max(1, min(wanted, items // FILES_PER_WORKER))


def ordered_map(
    work: Callable[[T], R], items: Sequence[T], *, jobs: int = 0, label: str = "处理中"
) -> Iterator[R]:
    """``work(item)`` for each item, yielded in the order of ``items``. ``work`` must be a
    module-level function and must not raise (return the failure instead)."""
    workers = worker_count(jobs, len(items))
    if workers == 1:
        with _progress(label, len(items)) as advance:
            for item in items:
                yield work(item)
                advance()
        return
    chunk = max(1, min(32, len(items) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_FORK) as pool:
        # map() submits every item, which forks the workers, before the progress bar
        # starts its refresh thread: a fork never copies a lock that thread holds.
        results = pool.map(work, items, chunksize=chunk)
        with _progress(label, len(items)) as advance:
            for result in results:
                yield result
                advance()


_FORK = multiprocessing.get_context("fork")


@contextmanager
def _progress(label: str, total: int) -> Iterator[Callable[[], None]]:
    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty() or total < 2,
    )
    with progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)
