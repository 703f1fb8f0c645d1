"""The budget-cycle forms (项目支出绩效目标申报表, 部门（单位）整体支出绩效目标表, 绩效运行监控表)
laid out as the national templates print them: a grid of cells with merges, written to xlsx by
:mod:`jixiao.render.cycle_xlsx` and to Word by :mod:`jixiao.render.cycle_docx` from the same
grid, so both hand in the same form.

A row is a list of exactly ``width`` entries: text, an amount (``Decimal``), :data:`LEFT` (the
cell is merged into the one on its left) or :data:`ABOVE` (merged into the one above).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from jixiao.model.declaration import (
    DeclarationBase,
    DeclaredFunding,
    DeclaredIndicator,
    DepartmentTargetDeclaration,
    TargetDeclaration,
)
from jixiao.model.document import Document
from jixiao.model.monitoring import MonitoredIndicator, PerformanceMonitoring


class Merge(Enum):
    LEFT = "<"
    ABOVE = "^"


LEFT, ABOVE = Merge.LEFT, Merge.ABOVE
Entry = str | Decimal | Merge
CycleForm = TargetDeclaration | DepartmentTargetDeclaration | PerformanceMonitoring


@dataclass
class FormGrid:
    title: str
    subtitle: str
    width: int
    widths: list[float]  # column widths in characters
    rows: list[list[Entry]] = field(default_factory=list)
    headers: set[int] = field(default_factory=set)  # rows printed bold
    wide: set[int] = field(default_factory=set)  # rows whose text cells are left-aligned

    def add(self, *cells: Entry, header: bool = False, wide: bool = False) -> None:
        row = list(cells) + [LEFT] * (self.width - len(cells))
        if len(row) != self.width:
            raise ValueError(f"row of {len(cells)} cells in a grid {self.width} wide")
        if header:
            self.headers.add(len(self.rows))
        if wide:
            self.wide.add(len(self.rows))
        self.rows.append(row)

    def label(self, name: str, value: Entry | None, *, wide: bool = True) -> None:
        """A label cell and its value across the rest of the row."""
        self.add(name, value if value is not None else "", wide=wide)


def _text(value: str | None) -> str:
    return value or ""


def _year(year: int | None) -> str:
    return f"（{year}年度）" if year else ""


def _indicators(grid: FormGrid, rows: list[DeclaredIndicator], caption: str) -> None:
    """一级 | 二级 | 三级 | 指标值 | 指标解释 | 备注, levels merged down while repeated."""
    if not rows:
        return
    grid.add(caption, header=True)
    grid.add("一级指标", "二级指标", "三级指标", "指标值", "指标解释", "备注", header=True)
    last: tuple[str, str] | None = None
    for row in rows:
        level1, level2 = row.level1, _text(row.level2)
        same1 = last is not None and last[0] == level1
        same2 = same1 and last is not None and last[1] == level2
        grid.add(ABOVE if same1 else level1, ABOVE if same2 else level2, row.name,
                 _text(row.target), _text(row.explanation), _text(row.notes))
        last = (level1, level2)


def _funding_lines(grid: FormGrid, caption: str, lines: list[DeclaredFunding]) -> None:
    if not lines:
        return
    for n, line in enumerate(lines):
        label = f"其中：{line.source}" if line.is_sub else line.source
        amount: Entry = line.amount if line.amount is not None else ""
        if line.share:
            grid.add(caption if n == 0 else ABOVE, label, LEFT, amount, LEFT, line.share)
        else:
            grid.add(caption if n == 0 else ABOVE, label, LEFT, amount, LEFT, LEFT)
        if line.is_total and line.cumulative is not None:
            grid.add(ABOVE, "项目资金总额（项目期累计）", LEFT, line.cumulative, LEFT, LEFT)


def _reviews(grid: FormGrid, form: TargetDeclaration) -> None:
    for review in form.reviews:
        grid.label(review.body, review.opinion)


def declaration_grid(form: TargetDeclaration) -> FormGrid:
    grid = FormGrid("项目支出绩效目标申报表", _year(form.year), 6, [12, 12, 14, 14, 16, 16])
    grid.label("项目名称", form.name)
    grid.add("主管部门", _text(form.department), LEFT, "实施单位", _text(form.unit), LEFT)
    grid.add("项目属性", _text(form.attribute), LEFT, "项目期", _text(form.period_text), LEFT)
    _funding_lines(grid, f"项目资金（{form.money_unit}）", form.funding)
    if form.cost_items:
        grid.add("成本构成", LEFT, "测算金额", "测算依据", LEFT, LEFT, header=True)
        for item in form.cost_items:
            amount: Entry = item.amount if item.amount is not None else ""
            grid.add(item.name, LEFT, amount, _text(item.basis), LEFT, LEFT)
        if form.cost_total is not None:
            grid.add("合计", LEFT, form.cost_total, "", LEFT, LEFT)
    if form.long_term_goal:
        grid.label("长期目标", form.long_term_goal)
    grid.label("年度目标", form.annual_goal)
    _indicators(grid, [r for r in form.indicator_rows if r.period == "long_term"], "长期绩效指标")
    _indicators(grid, [r for r in form.indicator_rows if r.period == "annual"], "年度绩效指标")
    _reviews(grid, form)
    return grid


def department_grid(form: DepartmentTargetDeclaration) -> FormGrid:
    grid = FormGrid("部门（单位）整体支出绩效目标表", _year(form.year), 6,
                    [12, 14, 20, 12, 12, 12])  # fmt: skip
    grid.label("部门（单位）名称", form.name)
    unit = f"（{form.money_unit}）"
    _funding_lines(grid, f"年度预算申请{unit}", [*form.funding, *form.spending])
    if form.tasks:
        grid.add("年度主要任务", "任务名称", "主要内容", f"预算金额{unit}", LEFT, LEFT,
                 header=True)
        grid.add(ABOVE, ABOVE, ABOVE, "总额", "财政拨款", "其他资金", header=True)
        for task in form.tasks:
            amounts = [v if v is not None else "" for v in (task.amount, task.fiscal, task.other)]
            grid.add(ABOVE, task.name, _text(task.content), *amounts)
        if form.tasks_total is not None:
            grid.add("金额合计", LEFT, LEFT, form.tasks_total, "", "")
    grid.label("年度总体目标", form.annual_goal)
    _indicators(grid, form.indicator_rows, "年度绩效指标")
    return grid


# The five deviation-cause columns of the national monitoring template (财预〔2019〕136号).
CAUSES = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")


def _causes(row: MonitoredIndicator) -> list[Entry]:
    """What each cause column prints for the row; a cause the template does not name goes
    under 其他 with its name."""
    cells: dict[str, str] = dict.fromkeys(CAUSES, "")
    for name, text in row.causes.items():
        if name in cells:
            cells[name] = text
        else:
            cells["其他"] = "；".join(t for t in (cells["其他"], f"{name}：{text}") if t)
    return list(cells.values())


def monitoring_grid(form: PerformanceMonitoring) -> FormGrid:
    months = f"1-{form.month}月" if form.month else "1-N月"
    grid = FormGrid("项目支出绩效运行监控表", _year(form.year), 14,
                    [9, 9, 14, 11, 11, 11, 7, 7, 7, 7, 7, 10, 13, 13])  # fmt: skip
    grid.label("项目名称", form.name)
    grid.add("主管部门", _text(form.department), LEFT, LEFT, LEFT, LEFT, LEFT, "实施单位",
             _text(form.unit))
    unit = f"（{form.money_unit}）"
    grid.add(f"项目资金{unit}", "资金来源", LEFT, "年初预算数", LEFT, f"{months}执行数", LEFT,
             f"{months}执行率", LEFT, "全年预计执行数", header=True)
    for line in form.funding:
        values = [v if v is not None else "" for v in (line.initial_budget, line.executed)]
        forecast: Entry = line.forecast if line.forecast is not None else ""
        grid.add(ABOVE, line.source, LEFT, values[0], LEFT, values[1], LEFT,
                 _text(line.claimed_rate), LEFT, forecast)
    grid.label("年度总体目标", form.annual_goal)
    if form.goal_progress:
        grid.label(f"{months}执行情况", form.goal_progress)
    grid.add("一级指标", "二级指标", "三级指标", "年度指标值", f"{months}执行情况",
             "全年预计完成情况", "偏差原因分析", LEFT, LEFT, LEFT, LEFT, "完成目标可能性",
             "原因说明", "整改措施", header=True)  # fmt: skip
    grid.add(*[ABOVE] * 6, *CAUSES, *[ABOVE] * 3, header=True)
    last: tuple[str, str] | None = None
    for row in form.indicator_rows:
        level1, level2 = row.level1, _text(row.level2)
        same1 = last is not None and last[0] == level1
        same2 = same1 and last is not None and last[1] == level2
        grid.add(ABOVE if same1 else level1, ABOVE if same2 else level2, row.name,
                 _text(row.target), _text(row.to_date), _text(row.forecast), *_causes(row),
                 _text(row.likelihood), _text(row.reason), _text(row.measures))
        last = (level1, level2)
    grid.label("偏差或不能完成目标原因分析", form.reason)
    grid.label("整改措施", form.measures)
    return grid


def spans(grid: FormGrid) -> list[tuple[int, int, int, int, str | Decimal]]:
    """(row, col, rows, cols, value) of each printed cell, counted from 0."""
    found = []
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if isinstance(value, Merge):
                continue
            cols = 1
            while c + cols < grid.width and row[c + cols] is Merge.LEFT:
                cols += 1
            rows = 1
            while r + rows < len(grid.rows) and grid.rows[r + rows][c] is Merge.ABOVE:
                rows += 1
            found.append((r, c, rows, cols, value))
    return found


def cycle_grid(form: object) -> FormGrid | None:
    """The grid of a budget-cycle form; None for any other form."""
    if isinstance(form, TargetDeclaration):
        return declaration_grid(form)
    if isinstance(form, DepartmentTargetDeclaration):
        return department_grid(form)
    if isinstance(form, PerformanceMonitoring):
        return monitoring_grid(form)
    return None


def cycle_grids(document: Document) -> list[FormGrid]:
    """The grid of each budget-cycle form of ``document``, in order."""
    return [grid for form in document.forms if (grid := cycle_grid(form)) is not None]


def is_cycle_form(form: object) -> bool:
    return isinstance(form, DeclarationBase | PerformanceMonitoring)
