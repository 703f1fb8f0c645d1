"""``jixiao audit`` (run the coded checks over files and folders) and ``jixiao checks``.

Heavy modules are imported inside the commands, so ``jixiao --help`` stays fast."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from jixiao.cli.options import ForceOption, JobsOption, PackOption

if TYPE_CHECKING:
    from jixiao.audit.framework import Finding
    from jixiao.audit.project_check import ProjectReport
    from jixiao.audit.report import AuditRun, DocumentReport

EXIT_FINDINGS = 1
FEW_PROJECTS = 20  # related projects printed whole, with or without findings
COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class AuditFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _plain(console: Console, line: str) -> None:
    """A line as is, for output that is not a terminal: no markup, no wrapping and no tab
    expansion (rich turns tabs into spaces, and laying out lines costs a batch more than
    auditing them)."""
    console.file.write(line + "\n")


def _cell(text: str) -> str:
    """One field of a tab-separated line: its own tabs and line breaks become spaces."""
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def print_report(console: Console, report: DocumentReport) -> None:
    """One document's heading and findings."""
    heading = f"{report.file}  规则包 {report.pack}：{report.pack_reason}"
    if console.is_terminal:
        console.print(f"[bold]{escape(heading)}[/]", highlight=False, soft_wrap=True)
    else:
        _plain(console, heading)
    print_findings(console, report.findings)


def print_project(console: Console, project: ProjectReport) -> None:
    """A project related across files: how it was matched, its documents, its findings
    (each placed in its file)."""
    console.print(f"[bold]跨文件关联：{project.name}[/]  {project.how}", highlight=False,
                  soft_wrap=True)
    for document in project.documents:
        console.print(f"  · {document}", highlight=False, soft_wrap=True)
    print_findings(console, project.findings, with_file=True)


def print_findings(console: Console, findings: list[Finding], *, with_file: bool = False
                   ) -> None:
    """Findings as a table on a terminal; one tab-separated line per finding otherwise (a
    redirected run over thousands of files spends its time auditing, not laying out
    tables, and the lines suit grep and spreadsheets)."""
    from rich.table import Table

    from jixiao.audit.framework import SEVERITY_ZH

    if not findings:
        if console.is_terminal:
            console.print("  [green]未发现问题[/]\n")
        else:
            _plain(console, "  未发现问题\n")
        return
    rows = []
    for finding in findings:
        where = finding.location
        place = " ".join(
            p for p in ((finding.document or "") if with_file else "", where.form_name or "",
                        where.indicator_name or "",
                        where.source.describe() if where.source else "") if p
        )
        rows.append((finding.severity.value, SEVERITY_ZH[finding.severity], finding.code,
                     place, finding.message, finding.claimed or "", finding.expected or ""))
    if not console.is_terminal:
        for _, *cells in rows:
            _plain(console, "\t".join(_cell(cell) for cell in cells))
        _plain(console, "")
        return
    table = Table(show_lines=False, header_style="bold", expand=True)
    for column in ("级别", "代码", "表/位置", "说明", "原文", "应为"):
        table.add_column(column, overflow="fold")
    for severity, label, *cells in rows:
        table.add_row(f"[{COLOURS[severity]}]{label}[/]", *cells)
    console.print(table)


def audit_files(
    files: list[Path],
    pack: str,
    select: list[str],
    ignore: list[str],
    *,
    jobs: int = 0,
    console: Console | None = None,
) -> AuditRun:
    """Audit every file on ``jobs`` processes. With ``console`` each document is printed as
    it is done and its findings are not kept (memory stays flat over any number of files)."""
    from jixiao.audit.project_check import report_projects
    from jixiao.audit.report import AuditRun, LoadFailure
    from jixiao.cli.auditing import AuditTask, audit_file
    from jixiao.cli.parallel import ordered_map
    from jixiao.cli.related import RecordSpool
    from jixiao.errors import JixiaoError

    run = AuditRun()
    tasks = [AuditTask(path, pack, tuple(select), tuple(ignore)) for path in files]
    with RecordSpool() as spool:
        for outcome in ordered_map(audit_file, tasks, jobs=jobs, label="审核中"):
            if isinstance(outcome, LoadFailure):
                if outcome.code.startswith(("E30", "E60")):
                    raise JixiaoError(outcome.code, outcome.message)  # the user's --pack/--select
                run.failures.append(outcome)
                continue
            if console is not None:
                print_report(console, outcome)
            spool.add(outcome.records)
            run.add(outcome, keep=console is None)
        run.add_projects(report_projects(spool.projects(), select, ignore))
    if console is not None:
        # A few projects are shown whole; in a bureau's batch only those with findings.
        shown = [p for p in run.projects if p.findings or len(run.projects) <= FEW_PROJECTS]
        for project in shown:
            print_project(console, project)
        if len(shown) < len(run.projects):
            console.print(f"另有 {len(run.projects) - len(shown)} 个项目跨文件关联，未发现问题"
                          "（--format json 列出全部项目及关联方式）", highlight=False)
    return run


def _print_failures(console: Console, run: AuditRun) -> None:
    for failure in run.failures:
        console.print(f"[bold red]无法读取[/] {failure.file}：[{failure.code}] {failure.message}",
                      highlight=False)


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
        pack: PackOption = "auto",
        output: Path | None = typer.Option(
            None, "--output", "-o", help="把 json/html 报告写入文件"
        ),
        force: ForceOption = False,
        jobs: JobsOption = 0,
    ) -> None:
        """审核：逐项重新计算，报告每处不一致（代码、说明、位置、原文与应为）。

        发现“错误”时退出码为 1；有文件无法读取或参数错误时为 2（其余文件照常审核）；
        内部错误为 3；否则为 0。
        """
        from jixiao.audit.framework import Severity, selected_checks
        from jixiao.audit.html import render_html
        from jixiao.cli import crash
        from jixiao.cli.auditing import collect_files
        from jixiao.cli.batch import EXIT_INPUT
        from jixiao.cli.outputs import check_output, write_text
        from jixiao.errors import JixiaoError
        from jixiao.ingest.formats import INPUT_SUFFIXES
        from jixiao.rules.pack import load_pack

        chosen_select, chosen_ignore = _codes(select), _codes(ignore)
        selected_checks(chosen_select, chosen_ignore)  # unknown codes fail before any work
        if pack != "auto":
            load_pack(pack)  # so does an unknown pack
        files, missing = collect_files(paths)
        if not files and not missing:
            raise JixiaoError("E105", "没有找到可审核的文件（支持 " + "、".join(INPUT_SUFFIXES)
                              + "）")
        if output is not None:
            check_output(output, inputs=files, force=force)  # before any work
        table = output_format is AuditFormat.table
        console = Console(stderr=not table)
        run = audit_files(files, pack, chosen_select, chosen_ignore, jobs=jobs,
                          console=console if table else None)
        run.failures[:0] = missing
        if table:
            _print_failures(console, run)
            console.print(run.summary_text(), soft_wrap=True)
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
                console.print(f"报告已写入 {output}。{run.summary_text()}", soft_wrap=True)
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
        from rich.table import Table

        from jixiao.audit.framework import SEVERITY_ZH, all_checks

        table = Table("代码", "级别", "名称", "类别", header_style="bold")
        for code, check in all_checks().items():
            table.add_row(code, SEVERITY_ZH[check.severity], check.title, check.family)
        Console().print(table)
