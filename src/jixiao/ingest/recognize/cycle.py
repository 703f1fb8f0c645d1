"""Tables of the budget cycle (绩效目标申报表, 绩效运行监控表), claimed whole before the
engine reads the rest.

A table is one of these by what its header cells mean: a monitoring table prints progress
columns (``1-N月执行数``, ``全年预计…``, ``完成目标可能性``); a declaration prints an
indicator grid with target values and no actuals, beside funding or goal labels. A title
paragraph or title row naming the form is enough with a weaker sign. Tables that follow a
claimed one and continue it (an indicator grid, a funding block) join its form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from jixiao.ingest.grid import Cell, Grid, RawDocument, TextBlock
from jixiao.ingest.recognize.headers import WordTable, flat, key
from jixiao.ingest.recognize.rows import is_blank, parse_decimal, source
from jixiao.model import Form, SourceRef

if TYPE_CHECKING:
    from jixiao.ingest.recognize.engine import IngestResult

DECLARATION = "target_declaration"
MONITORING = "performance_monitoring"
OTHER = "other"  # a title naming another kind of form
_MONTHS_RE = re.compile(r"1\s*[-—–~至到]\s*(\d{1,2})\s*月")
_HALF_RE = re.compile(r"半年|上半年")
_AMOUNT_RE = re.compile(r"([+-]?\d[\d,]*(?:\.\d+)?)\s*(万元|元|亿元)?")
_TICKS = ("√", "✓", "✔", "☑", "■", "▇", "þ")


@dataclass(frozen=True)
class CycleVocabulary:
    titles: dict[str, tuple[str, ...]]
    labels: WordTable
    funding_total: tuple[str, ...]
    funding_parts: tuple[str, ...]
    funding_sub: tuple[str, ...]
    funding_cumulative: tuple[str, ...]
    reviews: tuple[str, ...]
    goal_long: WordTable
    goal_annual: WordTable
    goal_progress: WordTable
    indicator: WordTable
    causes: tuple[str, ...]
    monitoring_funding: WordTable
    monitoring_rows: WordTable

    def title_kind(self, text: str) -> str | None:
        k = key(text)
        if len(k) > 60:
            return None
        for kind, words in self.titles.items():
            if any(word in k for word in words):
                return kind  # "other" first: a 自评表 that names its 绩效目标 is a 自评表
        return None

    def funding_label(self, text: str) -> tuple[bool, bool] | None:
        """(is_total, is_sub) when ``text`` names a funding line, else None."""
        k = key(text).removeprefix("其中").lstrip(":：").lstrip("0123456789一二三四五六七、.")
        k = k.removeprefix("其中").lstrip(":：")
        if not k or len(k) > 16:
            return None
        level_free = re.sub(r"^[区县市省]级", "", k)  # 区级支出预算总量: the unit's whole budget
        if any(level_free.startswith(word) for word in self.funding_total):
            return True, False
        if any(k.startswith(word) for word in self.funding_sub):
            return False, True
        if any(k.startswith(word) for word in self.funding_parts):
            return False, False
        return None


def _words(data: dict[str, list[str]], name: str) -> tuple[str, ...]:
    return tuple(key(str(word)) for word in data[name])


@lru_cache(maxsize=1)
def cycle_words() -> dict[str, Any]:
    """The words of ``cycle.yaml`` as loaded."""
    text = resources.files("jixiao.ingest.recognize").joinpath("cycle.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=1)
def cycle_vocabulary() -> CycleVocabulary:
    data = cycle_words()
    return CycleVocabulary(
        titles={kind: tuple(key(w) for w in data["titles"][kind])
                for kind in (OTHER, DECLARATION, MONITORING)},
        labels=WordTable(data["labels"]),
        funding_total=_words(data, "funding_total"),
        funding_parts=_words(data, "funding_parts"),
        funding_sub=_words(data, "funding_sub"),
        funding_cumulative=_words(data, "funding_cumulative"),
        reviews=_words(data, "reviews"),
        goal_long=WordTable({"goal": data["goal_long"]}),
        goal_annual=WordTable({"goal": data["goal_annual"]}),
        goal_progress=WordTable({"goal": data["goal_progress"]}),
        indicator=WordTable(data["indicator"]),
        causes=_words(data, "causes"),
        monitoring_funding=WordTable(data["monitoring_funding"]),
        monitoring_rows=WordTable(data["monitoring_rows"]),
    )


def month_of(text: str) -> int | None:
    """N of a ``1-N月`` header (``半年`` is 6)."""
    match = _MONTHS_RE.search(key(text))
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(1))
    return 6 if _HALF_RE.search(text) else None


def ticked(text: str) -> bool:
    return any(mark in text for mark in _TICKS)


def amount_in(text: str) -> Decimal | None:
    """The amount a cell prints, alone (``300.00``) or after a label (``资金总额：300万元``)."""
    value = parse_decimal(text)
    if value is not None:
        return value
    match = _AMOUNT_RE.search(text.replace("：", ":"))
    if match is None:
        return None
    return parse_decimal(match.group(1))


@dataclass
class Lines:
    """A grid as rows of distinct printed cells; merged cells are given once, at their origin,
    and ``carried(r, c)`` gives the cell covering a position (a level merged down)."""

    grid: Grid

    def cells(self, r: int) -> list[Cell]:
        seen: dict[int, Cell] = {}  # by identity: a merged cell covers several positions
        for cell in self.grid.dense()[r - 1]:
            if cell is not None and id(cell) not in seen and cell.text.strip():
                seen[id(cell)] = cell
        return list(seen.values())

    def carried(self, r: int, c: int) -> Cell | None:
        row = self.grid.dense()[r - 1]
        if 0 < c <= len(row):
            cell = row[c - 1]
            return cell if cell is not None and cell.text.strip() else None
        return None

    def ref(self, cell: Cell) -> SourceRef:
        return source(self.grid, cell)


def text_of(cell: Cell | None) -> str | None:
    if cell is None or is_blank(cell.text):
        return None
    return flat(cell.text)


@dataclass
class Claimed:
    """A form read from tables claimed by a cycle recognizer."""

    kind: str
    tables: list[int] = field(default_factory=list)
    form: Form | None = None


def kind_of_grid(grid: Grid, hint: str | None) -> str | None:
    """Which cycle form the grid holds, by its header meaning (``hint``: a title before it)."""
    from jixiao.ingest.recognize.declaration import declaration_signs
    from jixiao.ingest.recognize.monitoring import monitoring_signs

    vocab = cycle_vocabulary()
    lines = Lines(grid)
    title = None
    for r in range(1, min(grid.height, 4) + 1):
        cells = lines.cells(r)
        if len(cells) == 1:
            title = title or vocab.title_kind(cells[0].text)
    hint = title or hint
    if hint == OTHER:
        return None
    strong_m, weak_m = monitoring_signs(lines, vocab)
    if strong_m or (weak_m and hint == MONITORING):
        return MONITORING
    strong_d, weak_d = declaration_signs(lines, vocab)
    if (strong_d and hint != MONITORING) or (weak_d and hint == DECLARATION):
        return DECLARATION
    return None


def split_cycle(raw: RawDocument) -> tuple[RawDocument, list[Claimed]]:
    """The document without the cycle tables, and the forms read from them (a table whose
    reading gave no form stays for the engine)."""
    from jixiao.ingest.recognize.declaration import read_declaration
    from jixiao.ingest.recognize.department_targets import is_department, read_department
    from jixiao.ingest.recognize.monitoring import read_monitoring

    vocab = cycle_vocabulary()
    hint: tuple[str, str] | None = None
    claims: list[tuple[str, list[Grid], str | None]] = []
    last: str | None = None
    for block in raw.blocks:
        if isinstance(block, TextBlock):
            kind = vocab.title_kind(block.text)
            if kind is not None:
                hint = (kind, flat(block.text))
            elif hint is not None and len(key(block.text)) <= 20:
                hint = (hint[0], hint[1] + flat(block.text))  # the "（2024年度）" line
            elif len(key(block.text)) > 45:
                hint = None  # prose between a title and a table: the title is not its caption
            last = None if kind is not None else last
            continue
        found = kind_of_grid(block, hint[0] if hint else None)
        if found is None and last is not None and kind_of_grid(block, last) == last:
            found = last  # a continuation of the form just claimed
        if found is None:
            last = hint = None
            continue
        if found == last and claims:
            claims[-1][1].append(block)
        else:
            claims.append((found, [block], hint[1] if hint else None))
        last, hint = found, None
    read: list[Claimed] = []
    for kind, grids, title in claims:
        reader = read_monitoring if kind == MONITORING else (
            read_department if is_department(grids, title) else read_declaration)
        form = reader(grids, title)
        if form is not None:
            read.append(Claimed(kind, [g.index for g in grids], form))
    if not read:
        return raw, []
    taken = {index for claim in read for index in claim.tables}
    blocks = [b for b in raw.blocks if not (isinstance(b, Grid) and b.index in taken)]
    return RawDocument(file=raw.file, format=raw.format, blocks=blocks), read


def with_cycle_forms(result: IngestResult, claimed: list[Claimed], raw: RawDocument
                     ) -> IngestResult:
    """The engine's result with the cycle forms and the reports of their tables."""
    from jixiao.ingest.recognize.engine import TableReport

    forms = [c.form for c in claimed if c.form is not None]
    document = result.document.model_copy(update={"forms": [*result.document.forms, *forms]})
    if document.year is None:
        document.year = next((f.year for f in forms if f.year is not None), None)
    names = {index: c for c in claimed for index in c.tables}
    reports = list(result.tables)
    for grid in raw.grids:
        claim = names.get(grid.index)
        if claim is None or claim.form is None:
            continue
        reports.append(TableReport(
            table=grid.index, sheet=grid.sheet, rows=grid.height, cols=grid.width,
            kinds=[claim.kind], forms=[claim.form.name],
            first_rows=[[flat(t)[:40] for t in grid.row_texts(r)]
                        for r in range(1, grid.height + 1) if grid.rows[r - 1]][:3],
        ))
    reports.sort(key=lambda report: report.table)
    return type(result)(document, reports)


@dataclass
class Heading:
    """Form-level values read from label cells, with their sources."""

    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)

    def put(self, name: str, value: object, ref: SourceRef | None) -> None:
        if value is None or value == "" or name in self.values:
            return
        self.values[name] = value
        if ref is not None:
            self.sources[name] = ref


_ATTRIBUTES = ("新增", "延续", "持续", "一次性", "常年")


def attribute_of(text: str) -> str | None:
    """``新增项目□ 延续项目√`` → 延续; a plain ``延续`` stays as printed."""
    marked = [word for word in _ATTRIBUTES
              if re.search(re.escape(word) + r"[^□√✓✔☑■]{0,4}[√✓✔☑■]|[√✓✔☑■]\s*" +
                           re.escape(word), text)]  # fmt: skip
    if marked:
        return marked[0]
    if "□" in text:
        return None  # the boxes were left unticked
    return flat(text) or None


def read_labels(lines: Lines, r: int, vocab: CycleVocabulary, heading: Heading) -> bool:
    """Label cells of row ``r`` with the value printed after each; whether any was found."""
    cells = lines.cells(r)
    found = False
    for n, cell in enumerate(cells):
        if cell.row != r:
            continue
        name = vocab.labels.exact_field(cell.text)
        if name is None:
            continue
        found = True
        value = cells[n + 1] if n + 1 < len(cells) else None
        if value is not None and vocab.labels.exact_field(value.text) is None:
            text = attribute_of(value.text) if name == "attribute" else text_of(value)
            heading.put(name, text, lines.ref(value))
    return found


def year_of(text: str | None) -> int | None:
    match = re.search(r"(20\d{2})\s*年", text or "")
    return int(match.group(1)) if match else None


def form_year(grids: list[Grid], title: str | None) -> int | None:
    """The year of the title, else of the title rows of the first table."""
    return year_of(title) or next(
        (y for g in grids[:1] for row in g.rows[:3] for c in row if (y := year_of(c.text))),
        None)
