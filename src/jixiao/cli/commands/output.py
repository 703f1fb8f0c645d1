"""``jixiao export`` (xlsx forms), ``jixiao report`` (docx report, optional PDF) and
``jixiao demo`` (the bundled sample, rendered)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from jixiao.cli.options import ForceOption, PackOption
from jixiao.cli.outputs import atomic_folder, atomic_output, check_output, publish
from jixiao.errors import JixiaoError

if TYPE_CHECKING:  # the renderers load python-docx and openpyxl: imported where used
    from jixiao.model.document import Document
    from jixiao.render.report import ReportSummary


def _check_suffix(path: Path, *suffixes: str) -> None:
    if path.suffix.lower() not in suffixes:
        raise JixiaoError("E504", f"输出文件应以 {' 或 '.join(suffixes)} 结尾", file=str(path))


def _export_word(document: Document, output: Path, force: bool) -> None:
    """The budget-cycle forms of ``document`` as Word tables (self-evaluations go to xlsx)."""
    from jixiao.render.cycle_docx import write_grids
    from jixiao.render.cycle_grid import cycle_grids

    grids = cycle_grids(document)
    if not grids:
        raise JixiaoError("E501", "Word 版只导出绩效目标申报表、部门整体绩效目标表和监控表；"
                          "自评表与评分表请导出为 .xlsx", file=document.source_file)
    with atomic_output(output, force=force) as temporary:
        write_grids(grids, temporary)
    skipped = len(document.forms) - len(grids)
    Console().print(f"已生成 {output}：{len(grids)} 张表" + (
        f"（另有 {skipped} 张自评表或其他表格未导出，请导出为 .xlsx）" if skipped else ""))


def _report_notes(console: Console, summary: ReportSummary) -> None:
    console.print(
        f"已生成报告 {summary.path}（关于《{summary.form_name}》，图表 {summary.charts} 幅，"
        f"附件 {summary.annexes} 个）"
    )
    if summary.imported:
        console.print(f"  已从原文件中的报告导入 {len(summary.imported)} 个章节的文字。")
    if summary.findings is not None:
        console.print(f"  审核发现 {summary.findings} 条，已列入附件。")
    if summary.placeholders:
        console.print(
            f"  [yellow]有 {len(summary.placeholders)} 处待填写[/]（文中以黄色"
            f"【待填写：…】标出）：{'、'.join(summary.placeholders)}",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    @app.command()
    def export(
        file: Path = typer.Argument(..., help="评价文件（YAML/JSON，或 docx/xlsx/txt/html）"),
        output: Path = typer.Option(..., "--output", "-o", help="输出的 xlsx 文件"),
        layout: str = typer.Option(
            "auto",
            "--layout",
            "-l",
            help="表格版式：auto 按规则包选择，或内置版式名称（如 national、hunan），"
            "或版式 YAML 文件",
        ),
        pack: PackOption = "auto",
        recomputed: bool = typer.Option(
            False,
            "--recomputed",
            help="填写按评分规则重新计算的得分、执行率和总分（默认填写原填报数，不一致处标注）",
        ),
        summary_sheet: bool = typer.Option(
            False, "--summary-sheet", help="在第一张加“汇总”表（各表总分、等次）"
        ),
        force: ForceOption = False,
    ) -> None:
        """导出绩效自评表（xlsx，按省份版式）：原填报数与评分规则不一致处标色、加批注，并附审核说明。

        绩效目标申报表、部门整体绩效目标表和监控表按全国通用格式一并导出；输出文件以 .docx
        结尾时，这些表导出为 Word 表格。
        """
        from jixiao.assessment import assess
        from jixiao.cli.loading import load_input
        from jixiao.render.xlsx import FormsOptions, write_forms

        _check_suffix(output, ".xlsx", ".docx")
        check_output(output, inputs=[file], force=force)
        if output.suffix.lower() == ".docx":
            _export_word(load_input(file), output, force)
            return
        assessment = assess(load_input(file), pack)
        reason = assessment.pack_reason
        options = FormsOptions(layout=layout, recomputed=recomputed, summary_sheet=summary_sheet)
        with atomic_output(output, force=force) as temporary:
            summary = write_forms(assessment, temporary, options)
        summary.path = output
        console = Console()
        basis = "按规则重新计算" if recomputed else "原填报数"
        console.print(
            f"已生成 {summary.path}：{len(summary.sheets)} 张表（{basis}；版式 {summary.layout}，"
            f"{reason}）"
        )
        if summary.skipped:
            console.print(f"  未导出（不是自评表或评分表）：{'、'.join(summary.skipped)}")
        if summary.differences:
            other = "原填报数" if recomputed else "按规则计算的结果"
            console.print(
                f"  [yellow]{summary.differences} 处与{other}不一致[/]，已在表中标色并加批注，"
                "明细见“审核说明”表"
                + ("。" if recomputed else "（用 --recomputed 导出按规则重新计算的表）。"),
                highlight=False,
            )
        for warning in summary.warnings:
            console.print(f"  [red]注意：{warning}。[/]", highlight=False)

    @app.command()
    def report(
        file: Path = typer.Argument(..., help="评价文件（YAML/JSON，或 docx/xlsx/txt/html）"),
        output: Path = typer.Option(..., "--output", "-o", help="输出的 docx 文件"),
        template: Path | None = typer.Option(
            None, "--template", "-t", help="Word 模板（.docx），沿用其中的样式"
        ),
        pack: PackOption = "auto",
        form: int | None = typer.Option(
            None, "--form", help="报告针对第几张评价表（从 1 开始；默认第一张），其余作为附件"
        ),
        with_findings: bool = typer.Option(False, "--with-findings", help="在附件中列出审核发现"),
        charts: bool = typer.Option(True, "--charts/--no-charts", help="是否插入图表"),
        pdf: bool = typer.Option(False, "--pdf", help="同时用 LibreOffice 生成 PDF"),
        recomputed: bool = typer.Option(
            False,
            "--recomputed",
            help="得分按评分规则重新计算（与 export --recomputed 的表一致；默认为原填报数）",
        ),
        force: ForceOption = False,
    ) -> None:
        """生成绩效自评（评价）报告（docx，公文格式，含评分表和图表）；与填报数不一致处写明应为多少。"""
        from jixiao.assessment import assess
        from jixiao.cli.loading import load_input
        from jixiao.render.pdf import convert_to_pdf
        from jixiao.render.report import ReportOptions, write_report

        _check_suffix(output, ".docx")
        sources = [file] if template is None else [file, template]
        check_output(output, inputs=sources, force=force)
        if pdf:
            check_output(output.with_suffix(".pdf"), inputs=sources, force=force)
        assessment = assess(load_input(file), pack)
        options = ReportOptions(
            template=template,
            with_findings=with_findings,
            form=form,
            charts=charts,
            recomputed=recomputed,
        )
        with atomic_output(output, force=force) as temporary:
            summary = write_report(assessment, temporary, options)
        summary.path = output
        console = Console()
        _report_notes(console, summary)
        if pdf:
            target = output.with_suffix(".pdf")
            with atomic_folder(output.parent) as folder:
                publish(convert_to_pdf(output, folder), target, force=force)
            console.print(f"已生成 PDF {target}")

    @app.command()
    def demo(
        output: Path = typer.Option(
            Path("jixiao-demo"), "--output", "-o", help="输出目录（默认 ./jixiao-demo）"
        ),
        force: ForceOption = False,
    ) -> None:
        """用内置的示例（虚构数据）评分，并生成自评表 form.xlsx 和报告 report.docx。"""
        from jixiao.render.demo import run_demo

        names = ("form.xlsx", "report.docx")
        for name in names:
            check_output(output / name, force=force)
        with atomic_folder(output) as folder:
            result = run_demo(folder)
            for name in names:
                publish(folder / name, output / name, force=force)
        result = replace(
            result,
            forms=replace(result.forms, path=output / names[0]),
            report=replace(result.report, path=output / names[1]),
        )
        console = Console()
        console.print(f"示例 {result.sample}：{result.pack_reason}")
        console.print(f"已生成自评表 {result.forms.path}（{len(result.forms.sheets)} 张表）")
        _report_notes(console, result.report)
