"""The 抽查 columns, filled for existing evaluations (the dashboard aggregates are rebuilt
by 0004, whose columns the rebuilding needs)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import migrations, models

from jixiao.web import spotcheck


def fill(apps: Any, schema_editor: Any) -> None:
    """Existing data: the 抽查 columns from each stored document."""
    evaluations = apps.get_model("jixiao", "Evaluation")
    for evaluation in evaluations.objects.only("id", "document").iterator(chunk_size=500):
        evaluations.objects.filter(pk=evaluation.pk).update(
            deviation_notes=spotcheck.deviation_notes(evaluation.document),
            narrative_sig=spotcheck.signature(spotcheck.narrative_text(evaluation.document)),
        )


class Migration(migrations.Migration):

    dependencies: ClassVar[list[tuple[str, str]]] = [
        ('jixiao', '0002_review_chain_versions'),
    ]

    operations: ClassVar[list[migrations.operations.base.Operation]] = [
        migrations.AddField(
            model_name='evaluation',
            name='deviation_notes',
            field=models.IntegerField(default=0, verbose_name='说明了偏差的指标数'),
        ),
        migrations.AddField(
            model_name='evaluation',
            name='narrative_sig',
            field=models.JSONField(default=list, verbose_name='文字指纹'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
