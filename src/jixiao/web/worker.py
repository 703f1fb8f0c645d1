"""The background task worker (django-tasks' ``db_worker``) as ``jixiao serve`` runs it.

Each worker has an id naming its machine and process (``jixiao-<host>-<pid>``). On SIGTERM
it is asked to stop and finishes the job in hand; one that does not stop within the grace
period is killed and its job put back in the queue, as are jobs left running by a worker of
this machine whose process no longer exists (a crash, a power cut). An import job resumes
after the last file it recorded (:func:`jixiao.web.imports.process_batch`), so nothing is
lost and nothing is recognized twice.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

PREFIX = "jixiao-"
GRACE_SECONDS = 120


def machine_prefix() -> str:
    return f"{PREFIX}{socket.gethostname()[:40]}-"


def _alive(pid: int) -> bool:
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_of(worker_id: str) -> int | None:
    tail = worker_id[len(machine_prefix()) :] if worker_id.startswith(machine_prefix()) else ""
    return int(tail) if tail.isdigit() else None


def requeue(worker_id: str | None = None) -> int:
    """Put back in the queue the jobs left running by ``worker_id``, or (without it) by any
    worker of this machine whose process is gone; returns how many."""
    from django.db import transaction
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(
            status=TaskResultStatus.RUNNING
        )
        stale = []
        for result in running:
            last = result.worker_ids[-1] if result.worker_ids else ""
            pid = _pid_of(last)
            if (last == worker_id) if worker_id else (pid is not None and not _alive(pid)):
                result.status = TaskResultStatus.READY
                result.started_at = None
                stale.append(result)
        DBTaskResult.objects.bulk_update(stale, ["status", "started_at"])
    return len(stale)


class Worker:
    """One ``db_worker`` child process, started and stopped by ``jixiao serve``."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.worker_id = ""

    def start(self) -> None:
        # its own session: a Ctrl+C in the terminal must not reach it besides our one SIGTERM
        # (a second signal makes db_worker abandon the job in hand)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jixiao.web.worker"], start_new_session=True
        )
        self.worker_id = f"{machine_prefix()}{self.process.pid}"

    def check(self) -> None:
        """Restart a worker that died, after putting its job back in the queue."""
        if self.process is not None and self.process.poll() is not None:
            requeue(self.worker_id)
            self.start()

    def stop(self, grace: float = GRACE_SECONDS) -> None:
        if self.process is None:
            return
        self.process.terminate()  # db_worker finishes the job in hand, then exits
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        requeue(self.worker_id)
        self.process = None


def main(argv: list[str] | None = None) -> None:
    """``python -m jixiao.web.worker [db_worker options]``: db_worker named after this
    machine and process, after requeueing what dead workers of this machine left."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django
    from django.core.management import call_command

    from jixiao.web.server import die_with_parent

    die_with_parent()
    django.setup()
    requeue()
    args = sys.argv[1:] if argv is None else argv
    call_command("db_worker", *args, "--worker-id", f"{machine_prefix()}{os.getpid()}")


if __name__ == "__main__":
    main()
