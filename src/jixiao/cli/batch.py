"""Per-file work in a batch command: a bad file is reported and the batch goes on; the
command ends with one summary and exit status 2 (3 when a failure was an internal error)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console

from jixiao.cli import crash
from jixiao.errors import JixiaoError

EXIT_INPUT = 2
T = TypeVar("T")


class Batch:
    """Collects the failures of the files of one command run."""

    def __init__(self, verb: str) -> None:
        self.verb = verb  # 已转换 / 已计分: what a file that worked had done to it
        self.failures: list[JixiaoError] = []
        self.done = 0

    def attempt(self, path: Path, work: Callable[[], T]) -> T | None:
        """``work()`` for ``path``, or ``None`` once its failure is printed and recorded."""
        try:
            result = work()
        except JixiaoError as error:
            if error.code.startswith(("E30", "E60")):
                raise  # a bad --pack or --select is the user's call, not this file's
            self.fail(
                error
                if error.file
                else JixiaoError(error.code, error.message, file=str(path), field=error.field)
            )
            return None
        except Exception as exc:
            crash.print_internal(exc, file=str(path))
            self.failures.append(crash.internal_error(exc, file=str(path)))
            return None
        self.done += 1
        return result

    def fail(self, error: JixiaoError) -> None:
        """Print ``error`` now and list it again in the closing summary."""
        self.failures.append(error)
        errors = Console(stderr=True, soft_wrap=True)  # a wrapped path cannot be copied
        errors.print(f"[bold red]错误[/] {error.render()}", highlight=False)

    def finish(self) -> None:
        """Exit non-zero after listing every failed file, when any failed."""
        if not self.failures:
            return
        Console(stderr=True, soft_wrap=True).print(
            f"{self.done} 个文件{self.verb}，{len(self.failures)} 个失败："
            + "；".join(error.render() for error in self.failures),
            highlight=False,
        )
        internal = any(error.code.startswith("E9") for error in self.failures)
        raise typer.Exit(crash.EXIT_INTERNAL if internal else EXIT_INPUT)
