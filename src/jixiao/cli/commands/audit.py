"""``jixiao audit`` (run the coded checks over files and folders) and ``jixiao checks``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from jixiao.audit.framework import SEVERITY_ZH, Severity, all_checks, run_audit, selected_checks
from jixiao.audit.html import render_html
from jixiao.audit.report import AuditRun, DocumentReport, LoadFailure
from jixiao.cli import crash
from jixiao.cli.batch import EXIT_INPUT
from jixiao.cli.loading import load_input
from jixiao.cli.outputs import check_output, write_text
from jixiao.errors import JixiaoError
from jixiao.ingest.formats import INPUT_SUFFIXES
from jixiao.rules.infer import pack_assumed, resolve_pack

COLOURS = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
EXIT_FINDINGS = 1


class AuditFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def collect_files(paths: list[Path]) -> tuple[list[Path], list[LoadFailure]]:
    """Files named, and the readable files under folders (recursively, in name order)."""
    files: list[Path] = []
    missing: list[LoadFailure] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in INPUT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            files.append(path)
        else:
            missing.append(LoadFailure(file=str(path), code="E101", message="文件或文件夹不存在"))
    return files, missing


def audit_files(
    files: list[Path], pack: str, select: list[str], ignore: list[str]
) -> AuditRun:
    run = AuditRun()
    for path in files:
        try:
            report = _audit_one(path, pack, select, ignore)
        except JixiaoError as error:
            if error.code.startswith(("E30", "E60")):
                raise  # a bad --pack or --select is the user's call, not this file's
            where = f"（字段 {error.field}）" if error.field else ""
            run.failures.append(LoadFailure(file=str(path), code=error.code,
                                            message=error.message + where))
            continue
        except Exception as exc:
            crash.print_internal(exc, file=str(path))
            internal = crash.internal_error(exc)
            run.failures.append(LoadFailure(file=str(path), code=internal.code,
                                            message=internal.message))
            continue
        run.documents.append(report)
    return run


def _audit_one(path: Path, pack: str, select: list[str], ignore: list[str]) -> DocumentReport:
    document = load_input(path)
    chosen, reason = resolve_pack(pack, document)
    findings = run_audit(document, chosen, select=select, ignore=ignore, pack_reason=reason,
                         rule_assumed=pack_assumed(chosen, reason))
    return DocumentReport(file=str(path), pack=chosen.name, pack_reason=reason,
                          findings=findings)


def print_run(console: Console, run: AuditRun) -> None:
    for report in run.documents:
        console.print(f"[bold]{report.file}[/]  规则包 {report.pack}：{report.pack_reason}")
        if not report.findings:
            console.print("  [green]未发现问题[/]\n")
            continue
        table = Table(show_lines=False, header_style="bold", expand=True)
        for column in ("级别", "代码", "表/位置", "说明", "原文", "应为"):
            table.add_column(column, overflow="fold")
        for finding in report.findings:
            where = finding.location
            place = " ".join(
                p for p in (where.form_name or "", where.indicator_name or "",
                            where.source.describe() if where.source else "") if p
            )
            colour = COLOURS[finding.severity]
            table.add_row(
                f"[{colour}]{SEVERITY_ZH[finding.severity]}[/]",
                finding.code,
                place,
                finding.message,
                finding.claimed or "",
                finding.expected or "",
            )
        console.print(table)
    for failure in run.failures:
        console.print(f"[bold red]无法读取[/] {failure.file}：[{failure.code}] {failure.message}",
                      highlight=False)
    console.print(run.summary_text())


def register(app: typer.Typer) -> None:
    @app.command()
    def audit(
        paths: list[Path] = typer.Argument(..., help="文件或文件夹（递归查找 YAML/JSON 等）"),
        output_format: AuditFormat = typer.Option(
            AuditFormat.table, "--format", "-f", help="输出格式：table / json / html"
        ),
        select: list[str] = typer.Option(
            [], "--select", help="只运行这些规则（代码或前缀，如 JX1、JX301；可用逗号分隔）"
        ),
        ignore: list[str] = typer.Option([], "--ignore", help="不运行这些规则（代码或前缀）"),
        pack: str = typer.Option(
            "auto", "--pack", "-p", help="规则包名称或 YAML 文件；auto 按文件内容推断省份"
        ),
        output: Path | None = typer.Option(
            None, "--output", "-o", help="把 json/html 报告写入文件"
        ),
        force: bool = typer.Option(
            False, "--force", help="覆盖已存在的报告文件（输入文件永不覆盖）"
        ),
    ) -> None:
        """审核：逐项重新计算，报告每处不一致（代码、说明、位置、原文与应为）。

        发现“错误”时退出码为 1；有文件无法读取或参数错误时为 2（其余文件照常审核）；
        内部错误为 3；否则为 0。
        """
        chosen_select, chosen_ignore = _codes(select), _codes(ignore)
        selected_checks(chosen_select, chosen_ignore)  # unknown codes fail before any work
        files, missing = collect_files(paths)
        if not files and not missing:
            raise JixiaoError("E105", "没有找到可审核的文件（支持 " + "、".join(INPUT_SUFFIXES)
                              + "）")
        if output is not None:
            check_output(output, inputs=files, force=force)  # before any work
        run = audit_files(files, pack, chosen_select, chosen_ignore)
        run.failures[:0] = missing
        console = Console(stderr=output_format is not AuditFormat.table)
        if output_format is AuditFormat.table:
            print_run(console, run)
        else:
            text = (
                json.dumps(run.to_json(), ensure_ascii=False, indent=2)
                if output_format is AuditFormat.json
                else render_html(run)
            )
            if output is None:
                typer.echo(text)
            else:
                write_text(output, text, inputs=files, force=force)
                console.print(f"报告已写入 {output}。{run.summary_text()}")
            for failure in run.failures:
                console.print(f"无法读取 {failure.file}：[{failure.code}] {failure.message}",
                              highlight=False)
        if any(failure.code.startswith("E9") for failure in run.failures):
            raise typer.Exit(crash.EXIT_INTERNAL)
        if run.failures:
            raise typer.Exit(EXIT_INPUT)
        if run.count(Severity.ERROR):
            raise typer.Exit(EXIT_FINDINGS)

    @app.command()
    def checks() -> None:
        """列出全部审核规则：代码、级别、名称。"""
        table = Table("代码", "级别", "名称", "类别", header_style="bold")
        for code, check in all_checks().items():
            table.add_row(code, SEVERITY_ZH[check.severity], check.title, check.family)
        Console().print(table)
