"""Import batches: store the uploaded files, recognize and audit them (in the request for a
few files, in the background worker for many), then create evaluations from the accepted
items."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F

from jixiao.audit import Severity
from jixiao.errors import JixiaoError
from jixiao.ingest import load_any
from jixiao.model.io import document_from_data
from jixiao.web.models import Evaluation, Event, ImportBatch, ImportItem, Unit
from jixiao.web.services import assess, document_data, finding_data, split_document
from jixiao.web.uploads import suffix_of
from jixiao.web.workflow import create_evaluation

log = logging.getLogger(__name__)


def batch_folder(batch: ImportBatch) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / str(batch.pk)


def create_batch(user: User, unit: Unit, files: list[tuple[str, bytes]]) -> ImportBatch:
    """Store the files under generated names and record the batch (not yet recognized)."""
    batch = ImportBatch.objects.create(user=user, unit=unit, total=len(files))
    folder = batch_folder(batch)
    folder.mkdir(parents=True, exist_ok=True)
    stored = []
    for n, (name, data) in enumerate(files, start=1):
        target = f"{n:05d}{suffix_of(name)}"
        (folder / target).write_bytes(data)
        stored.append({"stored": target, "name": name})
    batch.files = stored
    batch.save(update_fields=["files"])
    return batch


def _recognize_file(batch: ImportBatch, path: Path, name: str) -> list[ImportItem]:
    try:
        document = load_any(path)
    except JixiaoError as error:
        return [ImportItem(batch=batch, filename=name, error=error.message)]
    document = document.model_copy(update={"source_file": name})
    items = []
    for part in split_document(document):
        assessment = assess(part)
        form = assessment.form
        findings = assessment.findings
        items.append(
            ImportItem(
                batch=batch,
                filename=name,
                document=document_data(part),
                form_type=form.type if form is not None else "",
                name=form.name if form is not None else (part.title or name),
                indicator_count=len(form.indicators) if form is not None else 0,
                computed_total=form.computed_total if form is not None else None,
                error_count=sum(1 for f in findings if f.severity == Severity.ERROR),
                warning_count=sum(1 for f in findings if f.severity == Severity.WARNING),
                findings=[finding_data(f) for f in findings],
            )
        )
    if not items:
        items.append(ImportItem(batch=batch, filename=name, error="未识别出任何表格"))
    return items


def process_batch(batch_id: int) -> None:
    """Recognize every stored file of the batch, recording progress after each file (with
    the file's items, in one transaction), so a job requeued after its worker was stopped
    resumes after the last file recorded."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.state not in (ImportBatch.State.PENDING, ImportBatch.State.RUNNING):
        return
    ImportBatch.objects.filter(pk=batch_id).update(state=ImportBatch.State.RUNNING)
    folder = batch_folder(batch)
    for entry in batch.files[batch.processed :]:
        try:
            items = _recognize_file(batch, folder / entry["stored"], entry["name"])
        except Exception:  # one broken file must not stop the batch
            log.exception("import of %s failed", entry["name"])
            items = [ImportItem(batch=batch, filename=entry["name"], error="识别时发生内部错误")]
        with transaction.atomic():
            ImportItem.objects.bulk_create(items)
            ImportBatch.objects.filter(pk=batch_id).update(processed=F("processed") + 1)
    ImportBatch.objects.filter(pk=batch_id).update(state=ImportBatch.State.DONE)
    shutil.rmtree(folder, ignore_errors=True)


def accept_items(batch: ImportBatch, item_ids: list[int], user: User) -> list[Evaluation]:
    """Create evaluations from the chosen items (only those recognized and not yet taken)."""
    created = []
    items = batch.items.filter(pk__in=item_ids, evaluation__isnull=True, document__isnull=False)
    for item in items:
        evaluation = create_evaluation(
            batch.unit, document_from_data(item.document), user=user, action=Event.Action.IMPORT
        )
        item.evaluation = evaluation
        item.save(update_fields=["evaluation"])
        created.append(evaluation)
    batch.state = ImportBatch.State.ACCEPTED
    batch.save(update_fields=["state"])
    return created
