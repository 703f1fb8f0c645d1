"""Import: upload → preview with the auditor's findings → accept; many files in the
background worker (django-tasks database backend, ``db_worker``)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from jixiao.assessment import assess
from jixiao.model.io import dump_yaml
from jixiao.render.xlsx import write_forms
from jixiao.rules.pack import load_pack
from jixiao.web.models import Evaluation, Event, ImportBatch
from jixiao.web.uploads import expand, safe_name
from web.conftest import Org, seed_parts


def upload(org: Org, username: str, files: list[tuple[str, bytes]], unit: int) -> Any:
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    return org.client(username).post(reverse("import_upload"), {"unit": unit, "uploads": uploads})


def test_yaml_upload_preview_and_accept(org: Org, seed_file: Path) -> None:
    response = upload(org, "filler_a", [(seed_file.name, seed_file.read_bytes())], org.unit_a.pk)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert batch.state == ImportBatch.State.DONE and batch.items.count() == 17
    page = org.client("filler_a").get(response.headers["Location"]).content.decode()
    assert "就业工作经费" in page and "JX208" in page and "100.50%" in page
    chosen = list(
        batch.items.filter(name__in=["就业工作经费", "援疆工作经费"]).values_list("pk", flat=True)
    )
    response = org.client("filler_a").post(
        reverse("import_accept", args=[batch.pk]), {"item": [str(pk) for pk in chosen]}
    )
    assert response.status_code == 302
    created = Evaluation.objects.filter(unit=org.unit_a)
    assert sorted(created.values_list("name", flat=True)) == ["就业工作经费", "援疆工作经费"]
    assert created.get(name="就业工作经费").events.get().action == Event.Action.IMPORT


def test_xlsx_upload_is_recognized(org: Org, tmp_path: Path) -> None:
    """A seed form written as the province's Excel form and read back."""
    part = next(p for p in seed_parts() if p.forms[0].name == "就业工作经费")
    path = tmp_path / "就业工作经费.xlsx"
    write_forms(assess(part, load_pack("xinjiang")), path)
    upload(org, "filler_a", [(path.name, path.read_bytes())], org.unit_a.pk)
    item = ImportBatch.objects.get().items.get(name="就业工作经费")
    assert item.error == "" and item.indicator_count == len(part.forms[0].indicators)


def test_many_files_run_in_the_background(transactional_db: None, org: Org) -> None:
    """A real transaction: the task is enqueued on commit and the worker claims it."""
    parts = seed_parts()[:12]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, part in enumerate(parts):
            archive.writestr(f"表{n:02d}.yaml", dump_yaml(part))
        archive.writestr("说明.mp3", b"ID3")  # not a document: skipped
    response = upload(org, "filler_a", [("forms.zip", buffer.getvalue())], org.unit_a.pk)
    batch = ImportBatch.objects.get()
    assert batch.total == 12 and batch.state == ImportBatch.State.PENDING
    progress = org.client("filler_a").get(reverse("import_progress", args=[batch.pk])).json()
    assert progress == {"state": "pending", "state_label": "排队中", "processed": 0, "total": 12}
    assert (
        "正在后台识别" in org.client("filler_a").get(response.headers["Location"]).content.decode()
    )
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DONE and batch.processed == 12
    assert batch.items.filter(error="").count() == 12


def test_bad_files_are_refused(org: Org) -> None:
    response = upload(org, "filler_a", [("病毒.exe", b"MZ...")], org.unit_a.pk)
    assert "不支持的文件类型" in response.content.decode()
    response = upload(org, "filler_a", [("假的.docx", b"not a zip")], org.unit_a.pk)
    assert "文件内容与扩展名不符" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_unreadable_file_is_reported(org: Org) -> None:
    upload(org, "filler_a", [("坏.yaml", "forms: [ {type: 不存在}".encode())], org.unit_a.pk)
    item = ImportBatch.objects.get().items.get()
    assert item.error and item.document is None


def test_import_into_other_unit_is_refused(org: Org, seed_file: Path) -> None:
    response = upload(org, "filler_a", [(seed_file.name, seed_file.read_bytes())], org.unit_b.pk)
    assert response.status_code == 200 and not ImportBatch.objects.exists()


def test_batches_are_private(org: Org, seed_file: Path) -> None:
    upload(org, "filler_a", [(seed_file.name, seed_file.read_bytes())], org.unit_a.pk)
    batch = ImportBatch.objects.get()
    assert org.client("filler_b").get(reverse("import_preview", args=[batch.pk])).status_code == 404
    assert org.client("filler_b").post(reverse("import_accept", args=[batch.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\tmp\\a.docx", "a.docx"),
        ("a\x00b.txt", "ab.txt"),
        ("..", "文件"),
    ],
)
def test_safe_names(name: str, expected: str) -> None:
    assert safe_name(name) == expected


def test_zip_member_names_stay_inside(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.yaml", "format_version: 1\n")
    [(name, _)] = expand("up.zip", buffer.getvalue())
    assert name == "up.zip/evil.yaml"
