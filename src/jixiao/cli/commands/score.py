"""``jixiao score`` and ``jixiao packs``."""

from __future__ import annotations

import json
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from jixiao.cli.batch import Batch
from jixiao.cli.options import PackOption
from jixiao.errors import JixiaoError

if TYPE_CHECKING:  # imported where used, so that ``jixiao --help`` stays fast
    from jixiao.scoring import DocumentResult, FormResult, SurveyResult
    from jixiao.scoring.framework import FrameworkProblem


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def _fmt(value: Decimal | str | int | None) -> str:
    return "" if value is None else str(value)


def _mark(agrees: bool | None) -> str:
    return {True: "[green]✓[/]", False: "[bold red]✗[/]", None: ""}[agrees]


def _print_form(console: Console, form: FormResult) -> None:
    table = Table(
        title=f"{form.name}（规则包 {form.pack}）",
        title_justify="left",
        show_lines=False,
        header_style="bold",
    )
    for column in (
        "一级指标",
        "三级指标",
        "分值",
        "目标值",
        "实际值",
        "完成率",
        "规则",
        "原得分",
        "应得分",
        "",
    ):
        table.add_column(column, overflow="fold")
    if form.execution:
        ex = form.execution
        table.add_row(
            "预算执行率",
            "",
            _fmt(ex.weight),
            _fmt(ex.budget),
            _fmt(ex.executed),
            f"{_fmt(ex.claimed_rate)} → {_fmt(ex.computed_rate)}%",
            "执行率",
            _fmt(ex.claimed_score),
            _fmt(ex.computed_score),
            _mark(ex.agrees),
        )
    for item in form.indicators:
        completion = item.claimed_completion or ""
        if item.computed_completion is not None:
            completion += f" → {item.computed_completion}%"
        table.add_row(
            item.level1,
            item.name,
            _fmt(item.weight),
            _fmt(item.target),
            _fmt(item.actual),
            completion,
            item.rule_title,
            _fmt(item.claimed_score),
            _fmt(item.computed_score),
            _mark(item.agrees),
        )
    console.print(table)
    for sub in form.subtotals:
        console.print(
            f"  {sub.level1}：分值 {sub.weight}，原得分 {_fmt(sub.claimed)}，"
            f"应得分 {_fmt(sub.computed)}"
        )
    grade_note = "" if form.claimed_grade is None else f"（原文 {form.claimed_grade}）"
    console.print(
        f"  [bold]总分[/]：原文 {_fmt(form.claimed_total)}，应为 "
        f"{_fmt(form.computed_total)} {_mark(form.total_agrees)}；"
        f"等次 {_fmt(form.computed_grade)}{grade_note}"
    )
    for note in form.notes:
        console.print(f"  注：{note}")
    console.print()


def _print_survey(console: Console, survey: SurveyResult) -> None:
    console.print(
        f"[bold]{survey.name}[/]（问卷，方法 {survey.method}，有效问卷 {_fmt(survey.valid)}）"
    )
    for question in survey.questions:
        console.print(
            f"  第{question.number}题：{question.responses} 人作答，得分合计 {question.points}"
        )
    console.print(
        f"  总得分：原文 {_fmt(survey.claimed_total_points)}，应为 "
        f"{survey.computed_total_points}；综合得分：原文 {_fmt(survey.claimed_score)}，"
        f"应为 {_fmt(survey.computed_score)}"
    )
    for note in survey.notes:
        console.print(f"  注：{note}")
    console.print()


def print_result(console: Console, result: DocumentResult) -> None:
    from jixiao.scoring import SurveyResult

    console.print(f"[bold]{result.file or ''}[/] {result.pack_reason}")
    for form in result.forms:
        if isinstance(form, SurveyResult):
            _print_survey(console, form)
        else:
            _print_form(console, form)


def register(app: typer.Typer) -> None:
    @app.command()
    def score(
        files: list[Path] = typer.Argument(
            ..., help="评价文件（YAML/JSON，或 docx/xlsx/txt/html）"
        ),
        pack: PackOption = "auto",
        output_format: OutputFormat = typer.Option(
            OutputFormat.table, "--format", "-f", help="输出格式"
        ),
    ) -> None:
        """按省份规则逐项计算应得分、小计、总分和等次，并与原文对照。"""
        from jixiao.cli.loading import load_input
        from jixiao.rules.infer import resolve_pack
        from jixiao.scoring import score_document
        from jixiao.scoring.framework import framework_problems

        console = Console()
        results = []
        violations: list[tuple[str, FrameworkProblem]] = []
        batch = Batch("已计分")
        for path in files:
            def score_one(path: Path = path) -> tuple[DocumentResult, list[FrameworkProblem]]:
                document = load_input(path)
                chosen, reason = resolve_pack(pack, document)
                return (score_document(document, chosen, pack_reason=reason),
                        framework_problems(document, chosen))

            scored = batch.attempt(path, score_one)
            if scored is None:
                continue
            result, problems = scored
            for problem in problems:
                if problem.strict:
                    violations.append((str(path), problem))
                    continue
                form = next(f for f in result.forms if f.index == problem.form)
                form.notes.append(f"分值与规则包框架不一致：{problem.message}")
            results.append(result)
        if output_format is OutputFormat.json and results:
            payload = [r.model_dump(mode="json") for r in results]
            text = json.dumps(payload if len(payload) > 1 else payload[0], ensure_ascii=False,
                              indent=2)
            typer.echo(text)
        elif output_format is OutputFormat.table:
            for result in results:
                print_result(console, result)
        for path_text, problem in violations:
            batch.fail(JixiaoError("E203", problem.message, file=path_text, field=problem.field))
        batch.finish()

    @app.command()
    def packs(
        name: str | None = typer.Argument(None, help="显示某个规则包的详细内容"),
    ) -> None:
        """列出内置规则包，或显示一个规则包（名称或 YAML 文件）。"""
        from jixiao.rules.pack import builtin_pack_names, load_pack
        from jixiao.rules.registry import all_rules

        console = Console()
        if name is None:
            table = Table("名称", "说明", "来源", header_style="bold")
            for pack_name in builtin_pack_names():
                item = load_pack(pack_name)
                table.add_row(item.name, item.title, "；".join(item.sources[:1]))
            console.print(table)
            console.print(
                "规则种类：" + "、".join(f"{k}（{v.title}）" for k, v in all_rules().items())
            )
            return
        item = load_pack(name)
        console.print(f"[bold]{item.name}[/] {item.title}")
        console.print(item.description)
        for form_type, framework in item.frameworks.items():
            weights = "、".join(f"{k} {v}" for k, v in framework.level1_weights.items())
            console.print(
                f"  {form_type}：满分 {framework.total}，执行率 "
                f"{_fmt(framework.execution_weight)}；{weights}"
                f"{'（硬性）' if framework.strict else ''}"
            )
        console.print("  等次：" + "，".join(f"{g.name} ≥ {g.min}" for g in item.grades))
        for rule_item in item.indicator_rules:
            conditions = rule_item.when.model_dump(exclude_none=True)
            console.print(f"  {conditions or '其他'} → {rule_item.kind} {rule_item.params or ''}")
        for source in item.sources:
            console.print(f"  来源：{source}")
