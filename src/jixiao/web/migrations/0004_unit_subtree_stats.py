"""Dashboard aggregates of whole subtrees beside each unit's own (a bureau's dashboard reads
one row), the columns the unit table sorts on, and the indexes of the list, 报送进度 and
待办; every aggregate rebuilt."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import migrations, models

from jixiao.web import stats


def rebuild(apps: Any, schema_editor: Any) -> None:
    stats.rebuild(apps)


def drop_subtree_rows(apps: Any, schema_editor: Any) -> None:
    """Going back: only the units' own rows fit the old one-row-per-unit-and-year rule."""
    apps.get_model("jixiao", "UnitStats").objects.filter(subtree=True).delete()


class Migration(migrations.Migration):
    dependencies: ClassVar[list[Any]] = [
        ("jixiao", "0003_spotcheck_columns"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations: ClassVar[list[migrations.operations.base.Operation]] = [
        migrations.RemoveConstraint(
            model_name="unitstats",
            name="one_stats_row",
        ),
        migrations.RemoveIndex(
            model_name="evaluation",
            name="jixiao_eval_updated_634971_idx",
        ),
        migrations.AddField(
            model_name="unitstats",
            name="approved",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="unitstats",
            name="counted",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="unitstats",
            name="subtree",
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name="evaluation",
            index=models.Index(
                condition=models.Q(("is_active", True)),
                fields=["-updated_at", "-id"],
                include=("unit",),
                name="active_recent",
            ),
        ),
        migrations.AddIndex(
            model_name="evaluation",
            index=models.Index(
                condition=models.Q(("is_active", True)),
                fields=["task", "unit", "status"],
                name="active_task_unit",
            ),
        ),
        migrations.AddIndex(
            model_name="evaluation",
            index=models.Index(
                condition=models.Q(("is_active", True)),
                fields=["status", "waiting", "updated_at"],
                include=("submitted_by", "edited_by", "unit"),
                name="active_waiting",
            ),
        ),
        migrations.AddConstraint(
            model_name="unitstats",
            constraint=models.UniqueConstraint(
                fields=("unit", "year", "subtree"), name="one_stats_row"
            ),
        ),
        migrations.RunPython(rebuild, drop_subtree_rows),
    ]
