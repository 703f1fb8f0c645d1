"""``jixiao indicators``: search the indicator library (共性指标)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def indicators(
        query: Annotated[str, typer.Argument(help="关键词，如 执行率、满意度；空则列出全部")
                         ] = "",
        level: Annotated[str | None, typer.Option("--level", help="项目支出 / 部门整体支出")
                         ] = None,
        sector: Annotated[str | None, typer.Option("--sector", help="行业，如 通用")] = None,
        extra: Annotated[list[Path] | None, typer.Option(
            "--library", help="另加的指标库 YAML 文件或目录（可多次给出）")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    ) -> None:
        """查询指标库：共性指标的层级、方向、单位、常见指标值和出处。"""
        import json

        from rich.console import Console
        from rich.table import Table

        from jixiao.rules.library import library, search

        found = search(library(extra or []), query, level=level, sector=sector)
        if as_json:
            data = [{**e.indicator.model_dump(mode="json"), "level": e.level,
                     "sector": e.sector, "source": e.source} for e in found]  # fmt: skip
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not found:
            typer.echo(f"指标库中没有与“{query}”相关的指标")
            raise typer.Exit(1)
        console = Console()
        sources = list(dict.fromkeys(entry.source for entry in found))
        rows: list[tuple[str, ...]] = [
                (item.name, entry.level, "／".join(p for p in (item.level1, item.level2) if p),
                 item.direction, item.unit or "", item.typical or "", item.explanation or "",
                 f"[{sources.index(entry.source) + 1}]")
                for entry in found for item in (entry.indicator,)]  # fmt: skip
        if not console.is_terminal:  # one tab-separated line per indicator, for scripts
            for row in rows:
                typer.echo("\t".join((*row[:-1], entry_source(row[-1], sources))))
            return
        table = Table("指标", "层级", "一级／二级", "方向", "单位", "常见值", "计算方法", "出处",
                      title=f"指标库：{len(found)} 项")
        for row in rows:
            table.add_row(*row)
        console.print(table)
        for number, text in enumerate(sources, 1):
            console.print(f"[{number}] {text}", highlight=False, markup=False)


def entry_source(mark: str, sources: list[str]) -> str:
    """The source text of a ``[n]`` mark."""
    return sources[int(mark.strip("[]")) - 1]
