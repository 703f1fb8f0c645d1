"""绩效运行监控表: funds to date, indicator progress, causes, likelihood and measures.

Read by meaning: the funding block is the header naming 年初预算 and 执行数 (the month N
from ``1-N月``); the indicator grid is the header naming levels, a target and progress
columns, with the sub-headers of the deviation causes (经费/制度/人员/硬件 保障) and of the
likelihood (确定能/有可能/完全不可能) on the row under it when the form prints them as
columns of ticks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.ingest.grid import Cell, Grid
from jixiao.ingest.recognize.cycle import (
    CycleVocabulary,
    Heading,
    Lines,
    amount_in,
    cycle_vocabulary,
    form_year,
    month_of,
    read_labels,
    text_of,
    ticked,
)
from jixiao.ingest.recognize.headers import key
from jixiao.model import MonitoredFunding, MonitoredIndicator, PerformanceMonitoring, Uncertainty
from jixiao.model.monitoring import LIKELIHOODS, Likelihood

_PROGRESS = ("to_date", "forecast", "likelihood")


def likelihood_of(text: str | None) -> Likelihood | None:
    k = key(text or "")
    if not k or len(k) > 8:
        return None
    if "不可能" in k or "不能" in k:
        return "完全不可能"
    if "有可能" in k or k == "可能":
        return "有可能"
    if "确定" in k or k in ("能", "是"):
        return "确定能"
    return None


def _indicator_header(lines: Lines, r: int, vocab: CycleVocabulary) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for cell in lines.cells(r):
        if cell.row != r:
            continue
        match = vocab.indicator.match(cell.text)
        if match is not None and match.field not in columns:
            columns[match.field] = cell.col
    if ("level1" in columns and ({"name", "level2"} & columns.keys())
            and (set(_PROGRESS) & columns.keys())):  # fmt: skip
        return columns
    return None


def _funding_header(lines: Lines, r: int, vocab: CycleVocabulary) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for cell in lines.cells(r):
        match = vocab.monitoring_funding.match(cell.text)
        if cell.row == r and match is not None and match.field not in columns:
            columns[match.field] = cell.col
    if "initial_budget" in columns and ({"executed", "forecast"} & columns.keys()):
        return columns
    return None


def monitoring_signs(lines: Lines, vocab: CycleVocabulary) -> tuple[bool, bool]:
    """(strong, weak): a likelihood column or a 1–N月 progress column (strong); a funding
    block of budget and execution to date, or an indicator grid with progress (weak)."""
    strong = weak = False
    for r in range(1, lines.grid.height + 1):
        cells = lines.cells(r)
        indicator = _indicator_header(lines, r, vocab)
        funding = _funding_header(lines, r, vocab)
        months = any(month_of(c.text) is not None for c in cells)
        if indicator is not None and ("likelihood" in indicator or months):
            strong = True
        if funding is not None and months:
            strong = True
        weak = weak or indicator is not None or funding is not None
    return strong, weak


def _unprinted(rows: list[MonitoredIndicator], places: set[str]) -> list[Uncertainty]:
    """What the form has no place for: a missing cause or measure is then not its fault."""
    missing = []
    if rows and "measures" not in places:
        missing.append(Uncertainty(aspect="column", subject="measures",
                                   reason="表中没有整改措施栏"))
    if rows and not places & {"reason", "causes"}:
        missing.append(Uncertainty(aspect="column", subject="reason",
                                   reason="表中没有偏差原因栏"))
    return missing


def _ticked_option(lines: Lines, r: int, options: dict[int, Likelihood]) -> Likelihood | None:
    """The one likelihood ticked on row ``r``; none when no box or several are ticked."""
    ticks = [o for col, o in options.items()
             if (c := lines.carried(r, col)) is not None and c.row == r and ticked(c.text)]
    return ticks[0] if len(ticks) == 1 else None


@dataclass
class _Reading:
    vocab: CycleVocabulary
    heading: Heading = field(default_factory=Heading)
    funding: list[MonitoredFunding] = field(default_factory=list)
    rows: list[MonitoredIndicator] = field(default_factory=list)
    uncertain: list[Uncertainty] = field(default_factory=list)
    money: dict[str, int] | None = None
    columns: dict[str, int] | None = None
    causes: dict[int, str] = field(default_factory=dict)
    options: dict[int, Likelihood] = field(default_factory=dict)
    goal_columns: dict[str, int] = field(default_factory=dict)
    month: int | None = None
    last_levels: tuple[str | None, str | None] = (None, None)
    places: set[str] = field(default_factory=set)  # the columns and rows the form prints

    def row(self, lines: Lines, r: int) -> None:
        cells = [c for c in lines.cells(r) if c.row == r]
        if not cells:
            return
        for printed in cells:
            self.month = self.month or month_of(printed.text)
        money = _funding_header(lines, r, self.vocab)
        header = _indicator_header(lines, r, self.vocab)
        if money is not None or header is not None:
            self.money, self.columns = money, header
            self.last_levels = (None, None)
            self.causes, self.options = {}, {}
            self.places.update(header or {})
            if header is not None and "to_date" in header:
                self._to_date_role(lines, lines.carried(r, header["to_date"]))
            return
        if self.columns is not None and self._sub_header(cells):
            return
        if self.money is not None and self._money(lines, r, cells):
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
        if read_labels(lines, r, self.vocab, self.heading):
            return
        self._form_rows(lines, cells)

    def _to_date_role(self, lines: Lines, cell: Cell | None) -> None:
        if cell is not None and month_of(cell.text) is None:
            self.uncertain.append(Uncertainty(
                aspect="column", subject="to_date", source=lines.ref(cell),
                reason=f"“{text_of(cell)}”一栏未印明截至月份，是否为当期完成情况系推测"))

    def _sub_header(self, cells: list[Cell]) -> bool:
        causes = {c.col: text_of(c) or "" for c in cells if key(c.text) in self.vocab.causes}
        options = {c.col: o for c in cells if (o := likelihood_of(c.text)) is not None}
        if not causes and len(options) < 2:
            return False
        self.causes.update(causes)
        self.options.update(options)
        return True

    def _money(self, lines: Lines, r: int, cells: list[Cell]) -> bool:
        columns = self.money or {}
        first = min(columns.values())
        labels = [c for c in cells if c.col < first]
        amounts = {f: lines.carried(r, col) for f, col in columns.items()}
        values = {f: amount_in(c.text) if c is not None and c.row == r else None
                  for f, c in amounts.items() if f != "claimed_rate"}  # fmt: skip
        if not labels or all(v is None for v in values.values()):
            self.money = None
            return False
        label = text_of(labels[-1]) or ""
        kind = self.vocab.funding_label(label)
        rate = amounts.get("claimed_rate")
        self.funding.append(MonitoredFunding(
            source=label, is_total=bool(kind and kind[0]) or (not self.funding and kind is None),
            claimed_rate=text_of(rate) if rate is not None and rate.row == r else None,
            sources={f: lines.ref(c) for f, c in amounts.items() if c is not None and c.row == r},
            **values,
        ))
        return True

    def _indicator(self, lines: Lines, r: int) -> bool:
        columns = self.columns or {}

        def at(name: str, carried: bool = False) -> Cell | None:
            col = columns.get(name)
            cell = lines.carried(r, col) if col is not None else None
            return cell if cell is not None and (carried or cell.row == r) else None

        name_cell = at("name") or (at("level2") if "name" not in columns else None)
        level1 = text_of(at("level1", carried=True)) or self.last_levels[0]
        if name_cell is None or level1 is None or text_of(name_cell) is None:
            return False
        level2 = text_of(at("level2", carried=True)) or (
            self.last_levels[1] if "name" in columns and at("level1") is None else None)
        self.last_levels = (level1, level2)
        if self.vocab.monitoring_rows.exact_field(level1) is not None:
            return False
        texts = {f: text_of(at(f)) for f in ("target", "to_date", "forecast", "reason",
                                             "measures")}  # fmt: skip
        likelihood = (_ticked_option(lines, r, self.options) if self.options
                      else likelihood_of(text_of(at("likelihood"))))  # fmt: skip
        causes = {name: text for col, name in self.causes.items()
                  if (c := lines.carried(r, col)) is not None and c.row == r
                  and (text := text_of(c)) is not None}  # fmt: skip
        if not self.causes and (cause := text_of(at("causes"))) is not None:
            causes["偏差原因"] = cause
        rectify = text_of(at("needs_rectification"))
        self.rows.append(MonitoredIndicator(
            level1=level1, name=text_of(name_cell) or "",
            level2=level2 if "name" in columns else None,
            causes=causes, likelihood=likelihood,
            needs_rectification=None if rectify is None else key(rectify).startswith("是"),
            sources={f: lines.ref(c) for f in ("name", "target", "to_date", "likelihood",
                                               "measures", "needs_rectification")
                     if (c := name_cell if f == "name" else at(f)) is not None},
            **texts,
        ))  # fmt: skip
        return True

    def _form_rows(self, lines: Lines, cells: list[Cell]) -> None:
        goals = [(c, name) for c in cells
                 for name, table in (("annual_goal", self.vocab.goal_annual),
                                     ("goal_progress", self.vocab.goal_progress))
                 if table.match(c.text) is not None]  # fmt: skip
        if len(goals) >= 2 and len(goals) == len(cells):
            self.goal_columns = {name: c.col for c, name in goals}
            return
        label = self.vocab.monitoring_rows.match(cells[0].text)
        if label is not None:
            self.places.add(label.field)
        if label is not None and len(cells) >= 2:
            self.heading.put(label.field, text_of(cells[1]), lines.ref(cells[1]))
        elif goals and len(cells) >= 2 and goals[0][0] is cells[0]:
            self.heading.put(goals[0][1], text_of(cells[1]), lines.ref(cells[1]))


def read_monitoring(grids: list[Grid], title: str | None) -> PerformanceMonitoring | None:
    reading = _Reading(cycle_vocabulary())
    for grid in grids:
        lines = Lines(grid)
        for r in range(1, grid.height + 1):
            first = lines.cells(r)
            if title is None and len(first) == 1 and reading.vocab.title_kind(first[0].text):
                title = first[0].text
            reading.row(lines, r)
    if not reading.rows and not reading.funding:
        return None
    values = dict(reading.heading.values)
    year = form_year(grids, title)
    return PerformanceMonitoring(
        name=str(values.pop("name", None) or "（未印明项目名称）"),
        year=year, month=reading.month or month_of(title or ""),
        funding=reading.funding, indicator_rows=reading.rows,
        uncertain=[*reading.uncertain, *_unprinted(reading.rows, reading.places)],
        sources=reading.heading.sources,
        **{k: v for k, v in values.items() if k != "attribute"},
    )


__all__ = ["LIKELIHOODS", "likelihood_of", "monitoring_signs", "read_monitoring"]
