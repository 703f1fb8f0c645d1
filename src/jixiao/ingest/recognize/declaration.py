"""项目支出绩效目标申报表: heading labels, funds by source, goals and the indicator grids.

Read by meaning: funding lines are label cells naming a source (资金总额, 财政拨款, 其他资金 …)
with the amount in the same cell or the next; the indicator grid is the header that names
levels and a target value column and no actuals; a grid is long-term when its header or the
label above it says 长期/总体.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from jixiao.ingest.grid import Cell, Grid
from jixiao.ingest.recognize.cost_table import CostGrid
from jixiao.ingest.recognize.cycle import (
    CycleVocabulary,
    Heading,
    Lines,
    amount_in,
    cycle_vocabulary,
    form_year,
    read_labels,
    text_of,
)
from jixiao.ingest.recognize.headers import flat, key, label_word
from jixiao.ingest.recognize.rows import parse_decimal
from jixiao.model import (
    DeclaredFunding,
    DeclaredIndicator,
    ReviewOpinion,
    SourceRef,
    TargetDeclaration,
    Uncertainty,
)
from jixiao.model.declaration import GoalPeriod

# Column headers of actuals (a self-evaluation or a monitoring form), as a whole cell.
_ACTUAL_HEADER = re.compile(
    r"(?:自评|指标|实际|评价|考核)?得分|实际(?:完成)?(?:值|情况|数)?|.{0,6}完成值|.{0,6}执行数"
    r"|.{0,6}执行情况|.{0,6}完成情况|业绩值|.{0,4}执行率|自评.{0,6}"
)
_LONG_WORDS = ("长期", "总体", "总目标", "中长期")
_ANNUAL_WORDS = ("年度", "本年")


def grid_header(lines: Lines, r: int, vocab: CycleVocabulary) -> dict[str, int] | None:
    """Field → column when row ``r`` is the header of an indicator grid: levels, a name and a
    target value; or, without levels, a name and a target beside a weight, unit or comparator
    column (指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值). A header word printed whole wins
    over one contained in another header (``*指标值`` over ``指标值类型``)."""
    columns: dict[str, int] = {}
    matches = [(cell, match) for cell in lines.cells(r)
               if cell.row == r and (match := vocab.indicator.match(cell.text)) is not None]
    for exact in (True, False):
        for cell, match in matches:
            if match.exact is exact and match.field not in columns:
                columns[match.field] = cell.col
    if "target" not in columns:
        return None
    if "level1" in columns and ({"name", "level2"} & columns.keys()):
        return columns
    if "name" in columns and ({"weight", "unit", "comparator"} & columns.keys()):
        return columns
    return None


def declaration_signs(lines: Lines, vocab: CycleVocabulary) -> tuple[bool, bool]:
    """(strong, weak): an indicator grid with targets and no actuals anywhere in the table
    (no 实际完成值, 得分, 执行数 column), beside funding or goal labels (strong), or alone
    (weak: needs a title). Actuals are looked for in header rows only (rows naming two
    columns or more): an indicator named 预算执行率 is no 执行率 column."""
    grid = actuals = labelled = False
    for r in range(1, lines.grid.height + 1):
        cells = lines.cells(r)
        grid = grid or grid_header(lines, r, vocab) is not None
        headers = sum(vocab.indicator.match(c.text) is not None for c in cells) >= 2
        actuals = actuals or (headers and any(_ACTUAL_HEADER.fullmatch(key(c.text)) for c in cells))
        labelled = labelled or any(
            vocab.funding_label(c.text) is not None
            or vocab.goal_long.exact_field(c.text) is not None
            or vocab.goal_annual.exact_field(c.text) is not None
            for c in cells
        )
    return grid and not actuals and labelled, grid and not actuals


@dataclass
class DeclarationReading:
    vocab: CycleVocabulary
    heading: Heading = field(default_factory=Heading)
    funding: dict[str, DeclaredFunding] = field(default_factory=dict)
    rows: list[DeclaredIndicator] = field(default_factory=list)
    uncertain: list[Uncertainty] = field(default_factory=list)
    columns: dict[str, int] | None = None
    period: GoalPeriod = "annual"
    goal_columns: dict[str, int] = field(default_factory=dict)
    last_levels: tuple[str | None, str | None] = (None, None)
    third: bool = False  # the name column is headed 三级指标 (not 指标内容)
    costs: CostGrid = field(default_factory=CostGrid)
    reviews: list[ReviewOpinion] = field(default_factory=list)

    def row(self, lines: Lines, r: int) -> None:
        cells = [c for c in lines.cells(r) if c.row == r]
        if not cells:
            return
        if self.costs.header(lines, r):
            return
        if self.costs.columns is not None and self.costs.row(lines, r):
            return
        if self._review(lines, cells):
            self.columns = None  # the review blocks close the indicator grid
            return
        self._section(cells)
        header = grid_header(lines, r, self.vocab)
        if header is not None:
            self.columns, self.last_levels = header, (None, None)
            named = lines.carried(r, header["name"]) if "name" in header else None
            self.third = named is not None and key(named.text).startswith("三级")
            self._section(lines.cells(r))
            return
        if self.columns is not None and self._indicator(lines, r):
            return
        if self.goal_columns:
            for name, col in self.goal_columns.items():
                cell = lines.carried(r, col)
                if cell is not None and cell.row == r:
                    self.heading.put(name, text_of(cell), lines.ref(cell))
            self.goal_columns = {}
            return
        read_labels(lines, r, self.vocab, self.heading)
        self._goals(lines, cells)
        self._funding(lines, cells)

    def _review(self, lines: Lines, cells: list[Cell]) -> bool:
        """A review block: its label cell, and the opinion in the cell after it."""
        label = cells[0]
        if label_word(key(label.text), self.vocab.reviews, 2) is None:
            return False
        after = cells[1] if len(cells) > 1 else None
        self.reviews.append(ReviewOpinion(
            body=flat(label.text), opinion=text_of(after),
            sources={"body": lines.ref(label), **({"opinion": lines.ref(after)} if after else {})},
        ))  # fmt: skip
        return True

    def _section(self, cells: list[Cell]) -> None:
        for cell in cells:
            k = key(cell.text)
            if "指标" in k and len(k) <= 12:
                if any(word in k for word in _LONG_WORDS):
                    self.period = "long_term"
                elif any(word in k for word in _ANNUAL_WORDS):
                    self.period = "annual"

    def _goals(self, lines: Lines, cells: list[Cell]) -> None:
        goals = [(n, c, name) for n, c in enumerate(cells)
                 for name, table in (("long_term_goal", self.vocab.goal_long),
                                     ("annual_goal", self.vocab.goal_annual))
                 if table.exact_field(c.text) is not None]  # fmt: skip
        if len(goals) >= 2 and all(n + 1 == m for (n, _, _), (m, _, _) in pairwise(goals)):
            self.goal_columns = {name: c.col for _, c, name in goals}  # values on the next row
            return
        for n, _, name in goals:
            value = cells[n + 1] if n + 1 < len(cells) else None
            if value is not None and not any(value is c for _, c, _ in goals):
                self.heading.put(name, text_of(value), lines.ref(value))

    def _funding(self, lines: Lines, cells: list[Cell]) -> None:
        for n, cell in enumerate(cells):
            pairs = _pairs(cell.text, self.vocab)
            if sum(amount is not None for _, amount in pairs) > 1:
                self.uncertain.append(Uncertainty(
                    aspect="column", subject="funding", source=lines.ref(cell),
                    reason="资金构成从一段文字中读出，金额与来源的对应系推测"))
            after = cells[n + 1] if n + 1 < len(cells) else None
            for label, amount in pairs:
                ref = lines.ref(cell)
                if amount is None and len(pairs) == 1 and after is not None:
                    if any(a is not None for _, a in _pairs(after.text, self.vocab)):
                        continue  # the next cell prints its own labels and amounts
                    amount, ref = amount_in(after.text), lines.ref(after)
                self._line(label, amount, ref)

    def _line(self, label: str, amount: Decimal | None, ref: SourceRef) -> None:
        kind = self.vocab.funding_label(label)
        if kind is None or label in self.funding:
            return
        total = next((line for line in self.funding.values() if line.is_total), None)
        if kind[0] and total is not None:
            self._cumulative(total, label, amount, ref)
            return  # one total line: a second label naming it restates it
        self.funding[label] = DeclaredFunding(
            source=label, is_total=kind[0], is_sub=kind[1], amount=amount,
            sources={"amount": ref} if amount is not None else {})

    def _cumulative(self, total: DeclaredFunding, label: str, amount: Decimal | None,
                    ref: SourceRef) -> None:
        """Shanghai's form prints the project's cumulative 项目资金总额 beside the year's
        年度资金申请总额: the year's request is the total, the other its ``cumulative``."""
        words = self.vocab.funding_cumulative
        first, second = (any(key(name).startswith(w) for w in words)
                         for name in (total.source, label))  # fmt: skip
        if first == second or amount is None or total.cumulative is not None:
            return
        if first:  # the cumulative line came first: the year's request takes its place
            total.cumulative, total.amount = total.amount, amount
            total.sources = {"cumulative": total.sources.get("amount", ref), "amount": ref}
            total.source = label
        else:
            total.cumulative = amount
            total.sources["cumulative"] = ref

    def _indicator(self, lines: Lines, r: int) -> bool:
        columns = self.columns or {}

        def at(name: str, carried: bool = False) -> Cell | None:
            col = columns.get(name)
            cell = lines.carried(r, col) if col is not None else None
            return cell if cell is not None and (carried or cell.row == r) else None

        name_cell = at("name") or (at("level2") if "name" not in columns else None)
        explained: Cell | None = None
        second = at("level2")
        if "name" in columns and not self.third and second is not None and not _category(
                second.text):  # fmt: skip
            explained, name_cell = at("name"), second  # 二级 names it, 指标内容 explains it
        level1 = text_of(at("level1", carried=True)) or self.last_levels[0] or (
            "" if "level1" not in columns else None)  # a grid without levels
        if name_cell is None or level1 is None or text_of(name_cell) is None:
            return False
        level2 = None if explained is not None or name_cell is second else (
            text_of(at("level2", carried=True)) or (
                self.last_levels[1] if at("level1") is None else None))  # fmt: skip
        self.last_levels = (level1, level2)
        if self.vocab.labels.exact_field(name_cell.text) is not None:
            return False
        values = {f: text_of(at(f)) for f in ("target", "explanation", "notes")}
        values["target"] = _composed(values["target"], text_of(at("comparator")),
                                     text_of(at("unit")))
        values["explanation"] = values["explanation"] or text_of(explained)
        weight_cell = at("weight")
        indicator = DeclaredIndicator(
            period=self.period, level1=level1,
            level2=level2,
            name=text_of(name_cell) or "", weight=parse_decimal(weight_cell.text)
            if weight_cell is not None else None, **values,
            sources={f: lines.ref(c) for f in ("name", "target", "weight", "explanation")
                     if (c := (name_cell if f == "name" else at(f))) is not None},
        )  # fmt: skip
        self.rows.append(indicator)
        return True


_BARE_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_COMPARATORS = ("=", "≥", ">=", "≤", "<=", ">", "<", "＝", "≥=")


def _composed(target: str | None, comparator: str | None, unit: str | None) -> str | None:
    """The target as one text when its comparator and unit sit in columns of their own
    (``=`` | ``100`` | ``%`` → ``=100%``); a target that prints its own unit keeps it."""
    if target is None:
        return None
    if unit and _BARE_NUMBER.fullmatch(target):
        target += unit
    if comparator and comparator.strip() in _COMPARATORS and not target.startswith(
            tuple(_COMPARATORS)):  # fmt: skip
        target = comparator.strip() + target
    return target


_CATEGORY_WORDS = ("指标", "数量", "质量", "时效", "成本", "效益", "满意度", "产出", "可持续")


def _category(text: str) -> bool:
    """A 二级 category (数量指标, 社会效益 …) rather than the name of an indicator."""
    k = key(text)
    return k.endswith("指标") or any(k.startswith(word) for word in _CATEGORY_WORDS) or (
        len(k) <= 4 and any(word in k for word in _CATEGORY_WORDS))


_PAIR_RE = re.compile(r"[:：]?\s*([+-]?\d[\d,]*(?:\.\d+)?)?")


def _pairs(text: str, vocab: CycleVocabulary) -> list[tuple[str, Decimal | None]]:
    """Funding labels in a cell with the amount printed right after each (or None)."""
    words = sorted({*vocab.funding_total, *vocab.funding_parts, *vocab.funding_sub},
                   key=len, reverse=True)  # fmt: skip
    found: list[tuple[str, Decimal | None]] = []
    flat_text = re.sub(r"\s+", "", text)
    if len(flat_text) > 200:
        return found
    pattern = re.compile("|".join(re.escape(w) for w in words))
    position = 0
    while (match := pattern.search(flat_text, position)) is not None:
        label = match.group(0)
        after = _PAIR_RE.match(flat_text, match.end())
        number = after.group(1) if after is not None else None
        end = after.end() if after is not None and number else match.end()
        found.append((label, parse_decimal(number) if number else None))
        position = max(end, match.end())
    return found


def read_grids(reading: DeclarationReading, grids: list[Grid], title: str | None
               ) -> str | None:
    """Feed every row of ``grids`` to ``reading``; the title (given, or a title row)."""
    for grid in grids:
        lines = Lines(grid)
        for r in range(1, grid.height + 1):
            reading.row(lines, r)
            if title is None:
                first = lines.cells(r)
                if len(first) == 1 and reading.vocab.title_kind(first[0].text):
                    title = first[0].text
    return title


def read_declaration(grids: list[Grid], title: str | None) -> TargetDeclaration | None:
    reading = DeclarationReading(cycle_vocabulary())
    title = read_grids(reading, grids, title)
    values = reading.heading.values
    if not reading.rows and not reading.funding:
        return None
    if reading.costs.total_ref is not None:
        reading.heading.sources["cost_total"] = reading.costs.total_ref
    return TargetDeclaration(
        name=str(values.get("name") or "（未印明项目名称）"),
        year=form_year(grids, title),
        cost_items=reading.costs.items, cost_total=reading.costs.total, reviews=reading.reviews,
        funding=list(reading.funding.values()), indicator_rows=reading.rows,
        uncertain=reading.uncertain, sources=reading.heading.sources,
        **{k: v for k, v in values.items() if k != "name"},
    )
