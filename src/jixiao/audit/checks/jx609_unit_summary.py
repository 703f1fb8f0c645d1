"""JX609: the summary row of a table by unit differs from the sum of the unit rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.accounts.analysis import from_table
from jixiao.accounts.concepts import label_of
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import SumVerdict, judge_sum
from jixiao.model.accounts import AccountFigure, FinalAccounts, Printed

_SUMMARY_WORDS = ("汇总", "合计", "总计")


@dataclass(frozen=True, slots=True)
class _Cell:
    index: int | None
    accounts: FinalAccounts
    figure: AccountFigure
    printed: Printed
    row: int


class UnitSummary(Check):
    """分单位列示的决算表中，汇总行与各单位行之和不符。

    按下属单位分列的收入、支出、“三公”经费、资产表，汇总行（名称含“汇总”“合计”“总计”）的每一列
    应等于其下各单位同一列之和；空格按 0 计，整列都空的不核对。
    反例：汇总行收入合计 2893.08 万元，四个单位 1806.88 + 155.73 + 542.89 + 377.58 = 2883.08。
    正例：差额不超过各数四舍五入的容差；容差内的尾差以“提示”报告。
    """

    code = "JX609"
    title = "汇总行与各单位之和不符"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        columns: dict[tuple[int | None, str | None, int | None, str], list[_Cell]] = {}
        for index, accounts in accounts_in(context):
            for figure in accounts.statements:
                printed = figure.amount
                if printed is None or printed.source is None or not from_table(figure):
                    continue
                ref = printed.source
                column = (ref.table, ref.sheet, ref.col, figure.key or figure.label)
                cell = _Cell(index, accounts, figure, printed, ref.row or 0)
                columns.setdefault(column, []).append(cell)
        for cells in columns.values():
            for summary, units in _blocks(sorted(cells, key=lambda c: c.row)):
                yield from self._compare(summary, units)

    def _compare(self, summary: _Cell, units: list[_Cell]) -> Iterator[Finding]:
        if len(units) < 2:
            return
        judged = judge_sum(summary.printed.value, [u.printed.value for u in units])
        if judged.verdict is SumVerdict.EXACT:
            return
        rounding = judged.verdict is SumVerdict.ROUNDING
        figure = summary.figure
        name = label_of(figure.key) if figure.key else figure.label
        unit = figure.unit
        listed = " + ".join(f"{u.accounts.name} {money(u.printed.value, unit)}" for u in units)
        yield self.finding(
            f"{summary.accounts.name}的{name} {money(summary.printed.value, figure.unit)}，"
            f"而各单位 {listed} = {money(judged.computed, figure.unit)}，"
            f"相差 {money(judged.difference, figure.unit)}"
            + ("（在各数四舍五入的容差内，属尾差）" if rounding else ""),
            location=location(summary.index, summary.accounts, figure.key, summary.printed),
            claimed=summary.printed.value,
            expected=judged.computed,
            severity=Severity.INFO if rounding else self.severity,
            tolerance=f"±{judged.tolerance}（每个数按原文精度 ±半个末位单位）",
        )


def _is_summary(cell: _Cell) -> bool:
    return any(word in cell.accounts.name for word in _SUMMARY_WORDS)


def _blocks(cells: list[_Cell]) -> Iterator[tuple[_Cell, list[_Cell]]]:
    """Each summary row with its unit rows: the rows after it when the table opens with the
    summary, else the rows before it (a 合计 row closing the table)."""
    if not any(_is_summary(c) for c in cells):
        return
    heads = _is_summary(cells[0])
    summary: _Cell | None = None
    units: list[_Cell] = []
    for cell in cells:
        if not _is_summary(cell):
            units.append(cell)
            continue
        if heads and summary is not None:
            yield summary, units
        elif not heads:
            yield cell, units
        summary, units = cell, []
    if heads and summary is not None:
        yield summary, units
