"""``python -m jixiao.web.manage rebuild_stats``: recompute the 抽查 columns and every
dashboard aggregate from the stored evaluations (after a bulk load or a restore)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jixiao.web import spotcheck, stats
from jixiao.web.models import Evaluation


class Command(BaseCommand):
    help = "重新计算汇总看板数字和抽查所需的列（批量导入数据库或恢复备份之后）"

    def handle(self, *args: Any, **options: Any) -> None:
        changed = 0
        for evaluation in Evaluation.objects.only("id", "document").iterator(chunk_size=500):
            notes = spotcheck.deviation_notes(evaluation.document)
            sig = spotcheck.signature(spotcheck.narrative_text(evaluation.document))
            changed += Evaluation.objects.filter(pk=evaluation.pk).update(
                deviation_notes=notes, narrative_sig=sig
            )
        rows = stats.rebuild()
        self.stdout.write(f"已重新计算 {changed} 份评价表、{rows} 个单位年度的汇总数字")
