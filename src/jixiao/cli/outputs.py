"""Output files: never the input, never an existing file without ``--force``, never partial.

Every command that writes a file goes through :func:`check_output` (before any work) and
:func:`atomic_output` (the writer fills a temporary file beside the target, which is moved
into place only when complete: an interrupted or failed run leaves the old file, or none).
Without ``--force`` the move is a hard link, which fails if the target appeared meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from jixiao.errors import JixiaoError

FORCE_HINT = "如需覆盖请加 --force"


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def check_output(target: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse to write over an input (even with ``--force``) or, without it, any file."""
    for source in inputs:
        if _same_file(target, source):
            raise JixiaoError(
                "E121", "输出文件就是输入文件，拒绝覆盖（即使指定 --force）", file=str(target)
            )
    if target.is_dir():
        raise JixiaoError("E122", "输出路径是一个文件夹，请给出文件名", file=str(target))
    if (target.exists() or target.is_symlink()) and not force:
        raise JixiaoError("E120", f"输出文件已存在，未覆盖；{FORCE_HINT}", file=str(target))


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def publish(temporary: Path, target: Path, *, force: bool) -> None:
    """Move a finished temporary file onto ``target`` (same folder, so atomic)."""
    try:
        if force:
            os.replace(temporary, target)
            return
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise JixiaoError(
                "E120", f"输出文件已存在，未覆盖；{FORCE_HINT}", file=str(target)
            ) from None
        except OSError:  # a file system without hard links: check, then move
            if target.exists():
                raise JixiaoError(
                    "E120", f"输出文件已存在，未覆盖；{FORCE_HINT}", file=str(target)
                ) from None
            os.replace(temporary, target)
    except OSError as exc:
        raise JixiaoError(
            "E420", f"无法写入输出文件：{exc.strerror or exc}", file=str(target)
        ) from None
    finally:
        _unlink(temporary)


def _make_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JixiaoError(
            "E420", f"无法创建输出目录：{exc.strerror or exc}", file=str(target.parent)
        ) from None


@contextlib.contextmanager
def atomic_output(target: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary path beside ``target`` (same suffix) for the writer; published on success,
    removed on any failure."""
    _make_parent(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=f".part{target.suffix}", dir=target.parent
        )
    except OSError as exc:
        raise JixiaoError(
            "E420", f"无法写入输出文件：{exc.strerror or exc}", file=str(target)
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
    except BaseException:
        _unlink(temporary)
        raise
    publish(temporary, target, force=force)


@contextlib.contextmanager
def atomic_folder(parent: Path) -> Iterator[Path]:
    """A temporary folder inside ``parent`` for writers that make several files; removed
    (with whatever is left in it) afterwards."""
    _make_parent(parent / "x")
    folder = Path(tempfile.mkdtemp(prefix=".jixiao-", dir=parent))
    try:
        yield folder
    finally:
        for child in folder.iterdir():
            _unlink(child)
        with contextlib.suppress(OSError):
            folder.rmdir()


def write_text(target: Path, text: str, *, inputs: Iterable[Path] = (), force: bool) -> None:
    """Write ``text`` (UTF-8) to ``target`` with the guards above."""
    check_output(target, inputs=inputs, force=force)
    with atomic_output(target, force=force) as temporary:
        try:
            temporary.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise JixiaoError(
                "E420", f"无法写入输出文件：{exc.strerror or exc}", file=str(target)
            ) from None


def distinct_names(inputs: list[Path], suffix: str) -> list[str]:
    """Output names ``<stem><suffix>`` for a batch; a stem seen before gets ``-2``, ``-3`` …
    (in input order), so two inputs never write the same file."""
    names: list[str] = []
    taken: set[str] = set()
    for path in inputs:
        name = f"{path.stem}{suffix}"
        number = 1
        while name.lower() in taken:
            number += 1
            name = f"{path.stem}-{number}{suffix}"
        taken.add(name.lower())
        names.append(name)
    return names
