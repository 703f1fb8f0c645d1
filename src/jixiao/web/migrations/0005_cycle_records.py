"""The records the project-cycle section compares, kept beside each document at every save
(a page reads them instead of every related document), and filled in for the forms saved
before."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import migrations, models

BATCH = 500


def fill(apps: Any, schema_editor: Any) -> None:
    from jixiao.audit.relate import records_data, records_of
    from jixiao.errors import JixiaoError
    from jixiao.model.io import document_from_data

    evaluation = apps.get_model("jixiao", "Evaluation")
    rows = evaluation.objects.only("id", "document").order_by("id")
    changed = []
    for row in rows.iterator(chunk_size=BATCH):
        try:
            row.cycle_records = records_data(records_of(document_from_data(row.document)))
        except (JixiaoError, ValueError):
            continue  # left empty: the page then reads the document, as before
        changed.append(row)
        if len(changed) >= BATCH:
            evaluation.objects.bulk_update(changed, ["cycle_records"])
            changed = []
    evaluation.objects.bulk_update(changed, ["cycle_records"])


class Migration(migrations.Migration):
    dependencies: ClassVar[list[Any]] = [("jixiao", "0004_unit_subtree_stats")]

    operations: ClassVar[list[migrations.operations.base.Operation]] = [
        migrations.AddField(
            model_name="evaluation",
            name="cycle_records",
            field=models.JSONField(
                blank=True, default=None, null=True, verbose_name="跨表比对摘要"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
