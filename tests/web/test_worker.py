"""The background worker loses no import: a job left running by a worker that was stopped
or died is put back in the queue and resumes after the last file it recorded."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jixiao.model.io import dump_yaml
from jixiao.web import imports
from jixiao.web.models import ImportBatch, ImportItem
from jixiao.web.worker import machine_prefix, requeue
from web.conftest import Org, seed_parts


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_job_of_a_dead_worker_is_requeued_and_resumed(transactional_db: None, org: Org) -> None:
    parts = seed_parts()[:12]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, part in enumerate(parts):
            archive.writestr(f"表{n:02d}.yaml", dump_yaml(part))
    upload = SimpleUploadedFile("forms.zip", buffer.getvalue())
    org.client("filler_a").post(
        reverse("import_upload"), {"unit": org.unit_a.pk, "uploads": [upload]}
    )
    batch = ImportBatch.objects.get()
    # a worker of this machine claimed the job, recorded five files, then was killed
    job = DBTaskResult.objects.get()
    job.claim(f"{machine_prefix()}{dead_pid()}")
    folder = imports.batch_folder(batch)
    for entry in batch.files[:5]:
        ImportItem.objects.bulk_create(
            imports._recognize_file(batch, folder / entry["stored"], entry["name"])
        )
    ImportBatch.objects.filter(pk=batch.pk).update(state=ImportBatch.State.RUNNING, processed=5)
    alive = DBTaskResult.objects.create(
        task_path=job.task_path, args_kwargs=job.args_kwargs, backend_name=job.backend_name,
        queue_name=job.queue_name, run_after=job.run_after, status=TaskResultStatus.RUNNING,
        worker_ids=[f"{machine_prefix()}{os.getpid()}"],
    )

    assert requeue() == 1  # the live worker's job is left alone
    job.refresh_from_db()
    alive.refresh_from_db()
    assert job.status == TaskResultStatus.READY and alive.status == TaskResultStatus.RUNNING
    alive.delete()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DONE and batch.processed == 12
    assert sorted(batch.items.values_list("filename", flat=True)) == [
        f"forms.zip/表{n:02d}.yaml" for n in range(12)
    ]


def test_requeue_by_worker_id(transactional_db: None, org: Org) -> None:
    """``jixiao serve`` kills a worker that outlives the grace period and requeues its job."""
    job = DBTaskResult.objects.create(
        task_path="jixiao.web.tasks.recognize_batch", args_kwargs={"args": [0], "kwargs": {}},
        backend_name="default", queue_name="default", run_after="2026-01-01T00:00:00Z",
        status=TaskResultStatus.RUNNING, worker_ids=["jixiao-elsewhere-1"],
    )
    assert requeue() == 0  # another machine's worker: not ours to judge
    assert requeue("jixiao-elsewhere-1") == 1
    job.refresh_from_db()
    assert job.status == TaskResultStatus.READY and job.started_at is None
