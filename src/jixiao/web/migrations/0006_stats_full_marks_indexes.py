"""Partial indexes for 抽查's question on every dashboard view: which units' submitted forms
are all at full marks, and which are not."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies: ClassVar[list[Any]] = [("jixiao", "0005_cycle_records")]

    operations: ClassVar[list[migrations.operations.base.Operation]] = [
        migrations.AddIndex(
            model_name="unitstats",
            index=models.Index(
                condition=models.Q(
                    ("counted__gt", 0), ("full_marks", models.F("counted")), ("subtree", False)
                ),
                fields=["unit"],
                name="stats_all_full_marks",
            ),
        ),
        migrations.AddIndex(
            model_name="unitstats",
            index=models.Index(
                condition=models.Q(("full_marks__lt", models.F("counted")), ("subtree", False)),
                fields=["unit"],
                name="stats_short_of_full_marks",
            ),
        ),
    ]
