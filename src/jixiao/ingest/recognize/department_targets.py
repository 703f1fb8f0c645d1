"""部门（单位）整体支出绩效目标表: a declaration of a department's whole budget.

It is read as a project's declaration is (labels, funds by source, the goal, the indicator
grid) plus what only it prints: the unit's name, the lines by nature of spending (基本支出 /
项目支出, with 人员经费 / 公用经费 restating a part) and the grid of the year's main tasks
(任务名称 | 主要内容 | 预算金额, the amount split into 总额 / 财政拨款 / 其他资金 on a second
header row where printed) closed by its 金额合计 row. It is told from a project's declaration
by its title (整体支出) or by printing spending lines or a task grid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao.ingest.grid import Cell, Grid
from jixiao.ingest.recognize.cycle import (
    Lines,
    amount_in,
    cycle_vocabulary,
    cycle_words,
    form_year,
    text_of,
)
from jixiao.ingest.recognize.declaration import DeclarationReading, grid_header, read_grids
from jixiao.ingest.recognize.headers import WordTable, key, label_word
from jixiao.ingest.recognize.rows import parse_decimal
from jixiao.model import DeclaredFunding, DepartmentTargetDeclaration, DutyTask

_AMOUNT_FIELDS = ("amount", "fiscal", "other")
_LEADING = re.compile(r"^(?:其中)?[:：]?[0-9一二三四五六七八九十、.()]*")


@dataclass(frozen=True)
class DepartmentWords:
    titles: tuple[str, ...]
    unit_name: WordTable
    spending_parts: tuple[str, ...]
    spending_sub: tuple[str, ...]
    tasks: WordTable
    tasks_total: tuple[str, ...]

    def spending_label(self, text: str) -> tuple[str, bool] | None:
        """(the word, is_sub) when ``text`` begins with a spending line's name."""
        k = _LEADING.sub("", key(text))
        for words, sub in ((self.spending_sub, True), (self.spending_parts, False)):
            if (word := label_word(k, words, 12)) is not None:
                return word, sub
        return None

    def closes_tasks(self, text: str) -> bool:
        return label_word(key(text), self.tasks_total, 4) is not None


@lru_cache(maxsize=1)
def department_words() -> DepartmentWords:
    data = cycle_words()["department"]

    def words(name: str) -> tuple[str, ...]:
        return tuple(key(str(word)) for word in data[name])

    return DepartmentWords(
        titles=words("titles"), unit_name=WordTable({"name": data["unit_name"]}),
        spending_parts=words("spending_parts"), spending_sub=words("spending_sub"),
        tasks=WordTable(data["tasks"]), tasks_total=words("tasks_total"),
    )  # fmt: skip


def task_header(lines: Lines, r: int, words: DepartmentWords) -> dict[str, int] | None:
    """Field → column when row ``r`` heads the grid of main tasks."""
    columns: dict[str, int] = {}
    for cell in lines.cells(r):
        match = words.tasks.match(cell.text) if cell.row == r else None
        if match is not None and match.field != "side" and match.field not in columns:
            columns[match.field] = cell.col
    if "name" in columns and ({"content", "amount", "projects"} & columns.keys()):
        return columns
    return None


def is_department(grids: list[Grid], title: str | None) -> bool:
    """Whether the declaration is a department's whole budget, not a project's."""
    words = department_words()
    if title and any(word in key(title) for word in words.titles):
        return True
    for grid in grids:
        lines = Lines(grid)
        for r in range(1, grid.height + 1):
            cells = lines.cells(r)
            if len(cells) == 1 and any(word in key(cells[0].text) for word in words.titles):
                return True
            if task_header(lines, r, words) is not None:
                return True
            if sum(words.spending_label(c.text) is not None for c in cells) and any(
                    amount_in(c.text) is not None for c in cells):  # fmt: skip
                return True
    return False


@dataclass
class DepartmentReading(DeclarationReading):
    words: DepartmentWords = field(default_factory=department_words)
    spending: dict[str, DeclaredFunding] = field(default_factory=dict)
    tasks: list[DutyTask] = field(default_factory=list)
    tasks_total: Decimal | None = None
    task_columns: dict[str, int] | None = None
    sub_header: int | None = None  # the row of 总额 / 财政拨款 / 其他资金 under 预算金额

    def row(self, lines: Lines, r: int) -> None:
        cells = [c for c in lines.cells(r) if c.row == r]
        if not cells or r == self.sub_header:
            return
        header = task_header(lines, r, self.words)
        if header is not None:
            self.task_columns = header
            self._amount_columns(lines, r + 1)
            return
        if self.task_columns is not None:
            if self._task(lines, r, cells):
                return
            self.task_columns = None
        self._unit_name(lines, cells)
        self._spending(lines, cells)
        super().row(lines, r)
        self._funding_shares(lines, cells)

    def _funding_shares(self, lines: Lines, cells: list[Cell]) -> None:
        """The share printed after a funding line's amount (收入构成 with 占比)."""
        for line in self.funding.values():
            ref = line.sources.get("amount")
            if line.share is not None or line.is_total or ref is None:
                continue
            at = next((n for n, c in enumerate(cells) if (c.row, c.col) == (ref.row, ref.col)
                       and lines.grid.index == ref.table), None)  # fmt: skip
            share = _percent_after(cells, at)
            if share is not None:
                line.share = text_of(share)
                line.sources["share"] = lines.ref(share)

    def _amount_columns(self, lines: Lines, r: int) -> None:
        if r > lines.grid.height or self.task_columns is None:
            return
        found = {match.field: cell.col for cell in lines.cells(r)
                 if cell.row == r and (match := self.words.tasks.match(cell.text)) is not None
                 and match.field in _AMOUNT_FIELDS}  # fmt: skip
        if found and len(found) >= 2:
            self.task_columns.update(found)
            self.sub_header = r

    def _task(self, lines: Lines, r: int, cells: list[Cell]) -> bool:
        columns = self.task_columns or {}
        if grid_header(lines, r, self.vocab) is not None or any(
                self.vocab.goal_annual.exact_field(c.text) or self.vocab.goal_long.exact_field(
                    c.text) or self.words.unit_name.exact_field(c.text) for c in cells):
            return False  # fmt: skip
        amounts = {f: lines.carried(r, columns[f]) for f in _AMOUNT_FIELDS if f in columns}
        if any(self.words.closes_tasks(c.text) for c in cells
               if all(c is not a for a in amounts.values())):  # fmt: skip
            total = amounts.get("amount")
            self.tasks_total = parse_decimal(total.text) if total is not None else None
            if total is not None and self.tasks_total is not None:
                self.heading.sources["tasks_total"] = lines.ref(total)
            self.task_columns = None
            return True
        at = {f: c for f, col in columns.items()
              if (c := lines.carried(r, col)) is not None and c.row == r}  # fmt: skip
        name = text_of(at.get("name"))
        if name is None:
            return bool(at)  # a row continuing a task's text: part of the grid
        values = {f: parse_decimal(at[f].text) if f in at else None for f in _AMOUNT_FIELDS}
        function = lines.carried(r, columns["function"]) if "function" in columns else None
        self.tasks.append(DutyTask(
            function=text_of(function), name=name, content=text_of(at.get("content")),
            projects=text_of(at.get("projects")), **values,
            sources={f: lines.ref(c) for f, c in at.items()},
        ))  # fmt: skip
        return True

    def _unit_name(self, lines: Lines, cells: list[Cell]) -> None:
        for n, cell in enumerate(cells[:-1]):
            if self.words.unit_name.exact_field(cell.text) is not None:
                self.heading.put("name", text_of(cells[n + 1]), lines.ref(cells[n + 1]))

    def _spending(self, lines: Lines, cells: list[Cell]) -> None:
        for n, cell in enumerate(cells):
            found = self.words.spending_label(cell.text)
            if found is None or found[0] in self.spending:
                continue
            word, sub = found
            rest = key(cell.text).split(word, 1)[-1]
            amount, ref, after = amount_in(rest) if rest else None, lines.ref(cell), n + 1
            if amount is None and n + 1 < len(cells):
                amount, ref, after = amount_in(cells[n + 1].text), lines.ref(cells[n + 1]), n + 2
            share = _percent_after(cells, after - 1)
            sources = {"amount": ref} if amount is not None else {}
            if share is not None:
                sources["share"] = lines.ref(share)
            self.spending[word] = DeclaredFunding(
                source=word, is_sub=sub, amount=amount, share=text_of(share), sources=sources,
            )  # fmt: skip


def _percent_after(cells: list[Cell], index: int | None) -> Cell | None:
    """The cell after ``cells[index]`` when it prints a percentage (the share of an amount)."""
    if index is None or index + 1 >= len(cells):
        return None
    after = cells[index + 1]
    return after if "%" in key(after.text) else None


def read_department(grids: list[Grid], title: str | None) -> DepartmentTargetDeclaration | None:
    reading = DepartmentReading(cycle_vocabulary())
    title = read_grids(reading, grids, title)
    values = reading.heading.values
    if not (reading.rows or reading.funding or reading.tasks):
        return None
    project_only = ("attribute", "period_text", "long_term_goal", "name")
    return DepartmentTargetDeclaration(
        name=str(values.get("name") or "（未印明部门（单位）名称）"),
        year=form_year(grids, title),
        funding=list(reading.funding.values()), spending=list(reading.spending.values()),
        tasks=reading.tasks, tasks_total=reading.tasks_total,
        indicator_rows=reading.rows, uncertain=reading.uncertain,
        sources=reading.heading.sources,
        **{k: v for k, v in values.items() if k not in project_only},
    )
