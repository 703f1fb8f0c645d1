"""The work of ``jixiao audit`` on one file, made to run in a worker process: a file's
failure comes back as a :class:`LoadFailure` (never raised), so the batch goes on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jixiao.assessment import assess
from jixiao.audit.relate import records_of
from jixiao.audit.report import DocumentReport, LoadFailure
from jixiao.cli import crash
from jixiao.cli.loading import load_input
from jixiao.errors import JixiaoError
from jixiao.ingest.formats import INPUT_SUFFIXES


@dataclass(frozen=True)
class AuditTask:
    path: Path
    pack: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]


def collect_files(paths: list[Path]) -> tuple[list[Path], list[LoadFailure]]:
    """Files named, and the readable files under folders (recursively, in name order)."""
    files: list[Path] = []
    missing: list[LoadFailure] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in INPUT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            files.append(path)
        else:
            missing.append(LoadFailure(file=str(path), code="E101", message="文件或文件夹不存在"))
    return files, missing


def audit_file(task: AuditTask) -> DocumentReport | LoadFailure:
    """Read, score and audit one file; its failure as a value."""
    try:
        document = load_input(task.path)
        assessment = assess(document, task.pack, select=task.select, ignore=task.ignore)
    except JixiaoError as error:
        where = f"（字段 {error.field}）" if error.field else ""
        return LoadFailure(file=str(task.path), code=error.code, message=error.message + where)
    except Exception as exc:
        crash.print_internal(exc, file=str(task.path))
        internal = crash.internal_error(exc)
        return LoadFailure(file=str(task.path), code=internal.code, message=internal.message)
    return DocumentReport(
        file=str(task.path),
        pack=assessment.pack.name,
        pack_reason=assessment.pack_reason,
        findings=assessment.findings,
        records=records_of(document),
    )
