"""Background work, run by the django-tasks database worker (``db_worker``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django_tasks import task

from jixiao.web.imports import create_batch, process_batch
from jixiao.web.models import ImportBatch, Unit


@task()
def recognize_batch(batch_id: int) -> None:
    """Recognize and audit the files of an import batch."""
    process_batch(batch_id)


def start_import(user: User, unit: Unit, files: list[tuple[str, bytes]]) -> ImportBatch:
    """Store an upload as a batch and recognize it: now for a few files, in the background
    worker (after the transaction commits) for many."""
    batch = create_batch(user, unit, files)
    if len(files) <= settings.IMPORT_INLINE_FILES:
        process_batch(batch.pk)
    else:
        transaction.on_commit(lambda: recognize_batch.enqueue(batch.pk))
    batch.refresh_from_db()
    return batch
