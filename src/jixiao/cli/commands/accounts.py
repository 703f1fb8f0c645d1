"""``jixiao accounts``: read a 决算情况说明, check its arithmetic, or write one from the figures."""

from __future__ import annotations

import json
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from jixiao.cli.options import ForceOption
from jixiao.cli.outputs import atomic_output, check_output
from jixiao.errors import JixiaoError

if TYPE_CHECKING:  # imported where used, so that ``jixiao --help`` stays fast
    from jixiao.audit.framework import Finding
    from jixiao.model.accounts import FinalAccounts, Printed
    from jixiao.model.document import Document


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def check_accounts(document: Document) -> list[Finding]:
    """Run the final-accounts checks (JX6xx) on a document."""
    from jixiao.assessment import assess

    findings = assess(document, "national", select=["JX6"]).findings  # JX6xx use no rule
    order = {"error": 0, "warning": 1, "info": 2}
    findings.sort(
        key=lambda f: (
            f.location.source.paragraph or 0 if f.location.source else 0,
            order[f.severity.value],
            f.code,
        )
    )
    return findings


def _cell(printed: Printed | None, suffix: str = "") -> str:
    return "" if printed is None else f"{printed.value}{suffix}"


def _print(console: Console, accounts: FinalAccounts, findings: list[Finding]) -> None:
    from jixiao.accounts.analysis import figure_name, statements
    from jixiao.audit.framework import SEVERITY_ZH

    table = Table(title="决算情况说明中的数字", title_justify="left", header_style="bold")
    for column in ("段", "项目", "金额", "占比", "增减额", "增长率", "预算数", "完成/差异率"):
        table.add_column(column, overflow="fold")
    for figure in statements(accounts):
        rate = figure.completion or figure.variance_rate
        table.add_row(
            str(figure.sentence.paragraph) if figure.sentence else "",
            figure_name(figure),
            _cell(figure.amount, figure.unit),
            _cell(figure.share, "%"),
            _cell(figure.change),
            _cell(figure.growth, "%"),
            _cell(figure.budget),
            _cell(rate, "%"),
        )
    console.print(table)
    if not findings:
        console.print("[green]未发现计算错误。[/]")
        return
    report = Table(title="审核发现", title_justify="left", header_style="bold")
    for column in ("代码", "级别", "位置", "说明"):
        report.add_column(column, overflow="fold")
    for finding in findings:
        report.add_row(
            finding.code,
            SEVERITY_ZH[finding.severity],
            finding.location.describe(),
            finding.message,
        )
    console.print(report)


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(type(value).__name__)


def register(app: typer.Typer) -> None:
    @app.command()
    def accounts(
        file: Path = typer.Argument(
            ...,
            exists=True,
            dir_okay=False,
            help="决算情况说明（.docx/.txt/.xlsx）或规范 YAML/JSON",
        ),
        output_format: OutputFormat = typer.Option(
            OutputFormat.table, "--format", help="输出格式：table 或 json"
        ),
        write: bool = typer.Option(
            False, "--write-explanation", help="按数字重新生成情况说明（Word），百分比均重新计算"
        ),
        output: Path | None = typer.Option(None, "-o", "--output", help="生成的 .docx 文件"),
        glossary: bool = typer.Option(False, "--glossary", help="生成时附名词解释"),
        force: ForceOption = False,
    ) -> None:
        """部门决算：提取情况说明中的数字，核对合计、占比、增减、预决算差异和“三公”经费。"""
        from jixiao.accounts.analysis import final_accounts_in
        from jixiao.cli.loading import load_input

        if write and output is not None:
            check_output(output, inputs=[file], force=force)
        document = load_input(file)
        found = final_accounts_in(document)
        if not found:
            raise JixiaoError("E110", "文件中没有找到部门决算情况说明的数字", file=str(file))
        accounts = found[0][1]
        if write:
            if output is None:
                raise JixiaoError("E111", "生成情况说明需要用 -o 指定输出的 .docx 文件")
            from jixiao.render.explanation import write_explanation  # python-docx: on use

            with atomic_output(output, force=force) as temporary:
                write_explanation(
                    accounts,
                    temporary,
                    unit=document.unit,
                    glossary=glossary,
                    paragraphs=document.paragraphs,
                    findings=check_accounts(document),
                )
            typer.echo(f"已生成 {output}")
            return
        findings = check_accounts(document)
        if output_format is OutputFormat.json:
            data = {
                "accounts": accounts.model_dump(mode="json", exclude_none=True),
                "findings": [f.model_dump(mode="json", exclude_none=True) for f in findings],
            }
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
            return
        _print(Console(), accounts, findings)
