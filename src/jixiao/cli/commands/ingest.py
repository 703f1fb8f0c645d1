"""``jixiao convert`` and ``jixiao inspect``: documents people have → canonical files."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from jixiao.cli.batch import Batch
from jixiao.cli.options import ForceOption
from jixiao.cli.outputs import check_output, distinct_names, write_text
from jixiao.errors import JixiaoError

if TYPE_CHECKING:  # imported where used, so that ``jixiao --help`` stays fast
    from jixiao.ingest import IngestResult
    from jixiao.model import Document

KIND_NAMES = {
    "project_self_evaluation": "项目支出绩效自评表",
    "department_self_evaluation": "部门整体支出绩效自评表",
    "scored_evaluation": "评分表/指标体系",
    "questionnaire": "问卷调查",
    "basic_data": "基础数据表",
    "target_declaration": "项目支出绩效目标申报表",
    "performance_monitoring": "绩效运行监控表",
}


class OutputFormat(StrEnum):
    yaml = "yaml"
    json = "json"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


def convert(
    inputs: list[Path] = typer.Argument(
        ..., help="要转换的文件（.docx/.xlsx/.txt/.html/.yaml/.json）"
    ),
    output: Path = typer.Option(..., "-o", "--output", help="输出目录（不存在时自动创建）"),
    to: OutputFormat = typer.Option(OutputFormat.yaml, "--to", help="输出格式"),
    force: ForceOption = False,
) -> None:
    """把自评表、评分表等文档转换为 jixiao 标准格式：每个输入文件得到一个同名文档文件。

    同名（主文件名相同）的输入依次得到 name.yaml、name-2.yaml …；已存在的输出文件不覆盖，
    除非加 --force。某个文件无法转换时继续转换其余文件，最后列出失败的文件，
    以退出码 2（内部错误为 3）结束。
    """
    from jixiao.ingest import load_any
    from jixiao.model.io import dump_json, dump_yaml

    console = Console()
    if output.exists() and not output.is_dir():
        raise JixiaoError("E122", "输出路径应为文件夹", file=str(output))
    batch = Batch("已转换")
    for path, name in zip(inputs, distinct_names(inputs, f".{to.value}"), strict=True):
        target = output / name

        def convert_one(path: Path = path, target: Path = target) -> Document:
            check_output(target, inputs=inputs, force=force)
            document = load_any(path)
            text = dump_yaml(document) if to is OutputFormat.yaml else dump_json(document)
            write_text(target, text, inputs=inputs, force=force)
            return document

        document = batch.attempt(path, convert_one)
        if document is not None:
            console.print(f"{path} → {target}：{len(document.forms)} 张表单", highlight=False)
    batch.finish()


def _report_data(result: IngestResult) -> dict[str, object]:
    return {
        "file": result.document.source_file,
        "forms": [
            {
                "type": form.type,
                "name": form.name,
                "tables": sorted(t.table for t in result.tables if form.name in t.forms),
            }
            for form in result.document.forms
        ],
        "paragraphs": len(result.document.paragraphs),
        "tables": [
            {
                "table": t.table,
                "sheet": t.sheet,
                "rows": t.rows,
                "cols": t.cols,
                "recognized": t.recognized,
                "kinds": t.kinds,
                "forms": t.forms,
                "first_rows": t.first_rows,
            }
            for t in result.tables
        ],
    }


def inspect(
    path: Path = typer.Argument(..., help="要检查的文档"),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", help="输出形式"),
) -> None:
    """列出文档中找到的表格、识别结果和未识别表格的前几行。"""
    from jixiao.ingest import ingest

    result = ingest(path)
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(_report_data(result), ensure_ascii=False, indent=2))
        return
    console = Console()
    document = result.document
    console.print(
        f"{path}：{len(result.tables)} 个表格，{len(document.paragraphs)} 个段落，"
        f"识别出 {len(document.forms)} 张表单",
        highlight=False,
    )
    forms = Table("类型", "名称", "指标/题目/行数", title="识别出的表单")
    for form in document.forms:
        items = (getattr(form, "indicators", None) or getattr(form, "questions", None)
                 or getattr(form, "indicator_rows", None))
        count = len(items if items is not None else getattr(form, "rows", []))
        forms.add_row(KIND_NAMES.get(form.type, form.type), form.name, str(count))
    console.print(forms)
    tables = Table("表号", "工作表", "行×列", "识别为", "前几行", title="表格")
    for t in result.tables:
        kinds = "、".join(KIND_NAMES.get(k, k) for k in t.kinds) or "[yellow]未识别[/]"
        first = "\n".join(" | ".join(row[:6]) for row in t.first_rows)
        tables.add_row(str(t.table), t.sheet or "", f"{t.rows}×{t.cols}", kinds, first)
    console.print(tables)
    _print_uncertain(console, document)


def _print_uncertain(console: Console, document: Document) -> None:
    """Cells that OCR read with low confidence: the auditor never errs on them."""
    from jixiao.audit.uncertainty import uncertain_sources

    refs = list(uncertain_sources(document.forms))
    if not refs:
        return
    title = f"识别不确定的单元格（{len(refs)} 个，请核对原件）"
    table = Table("位置", "读出的内容", "置信度", title=title)
    for ref in refs:
        table.add_row(ref.describe(), ref.text or "", f"{ref.confidence or 0:.2f}")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)
    app.command("inspect")(inspect)
