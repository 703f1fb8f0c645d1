"""Final-accounts tables (决算公开表格) → :class:`~jixiao.model.accounts.FinalAccounts`.

Two shapes are read. A table *by unit* has a label column (机构名称/单位名称) and one column
per item (收入合计、其中：上年结转、公共财政拨款 … 或 支出合计、基本支出、人员支出 …), often under
a header of two or three rows; every data row is one unit and gives one form named by its
label, and the same unit in the next tables (支出、三公经费、固定资产) adds to the same form. A
table *of items* pairs an item column with an amount column (项目 | 金额, 收入支出决算总表 with
two such pairs side by side); its rows add to one form for the whole department.

Which item a column or row is follows from the ``accounts`` words of ``headers.yaml``; the
seeds' text export collapses horizontal merges in header rows, so such rows are realigned
against the row below (a group cell such as “其中：” spans the sub-headers under it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.headers import Vocabulary, flat, key
from jixiao.ingest.recognize.rows import Row, find_year, parse_decimal, source
from jixiao.model import Form
from jixiao.model.accounts import AccountFigure, FinalAccounts, Printed

FINAL_ACCOUNTS = "final_accounts"
TABLE_NAME = "部门决算（报表）"
_TOTAL, _OTHER = "@total", "@other"
_OTHER_OF = {"income": "income.other", "assets": "assets.fixed_other"}
_TOTAL_OF = {
    "income": "income.current",
    "expenditure": "expenditure.current",
    "sangong": "sangong.total",
    "assets": "assets.fixed_total",
}
_ORDINAL_RE = re.compile(r"^\s*(?:[(（]?\s*(\d+|[一二三四五六七八九十]+)\s*[)）、.．]\s*)")
_SUMMARY_RE = re.compile(r"汇总|合计|总计")


def _typed_keys() -> frozenset[str]:
    keys: set[str] = set()
    blank = FinalAccounts()
    for section in FinalAccounts.model_fields:
        value = getattr(blank, section)
        if hasattr(type(value), "model_fields"):
            keys.update(f"{section}.{name}" for name in type(value).model_fields)
    return frozenset(keys)


TYPED_KEYS = _typed_keys()


def unit_name(label: str) -> tuple[str, str | None]:
    """``2、工伤保险`` → (``工伤保险``, ``2``): the name without its numbering, and the number."""
    text = flat(label)
    match = _ORDINAL_RE.match(text)
    if match is None:
        return text, None
    return text[match.end() :].strip() or text, match.group(1)


def is_summary(name: str) -> bool:
    """The row that sums the units (局机关及二级机构汇总, 合计, 总计)."""
    return bool(_SUMMARY_RE.search(name))


@dataclass
class AccountsDraft(Draft):
    """One unit's figures, from every table that has a row for it."""

    ordinal: str | None = None
    unit_label: str = "万元"
    figures: list[AccountFigure] = field(default_factory=list)

    def add(
        self,
        item: str,
        label: str,
        amount: Printed | None,
        budget: Printed | None = None,
    ) -> None:
        self.figures.append(
            AccountFigure(key=item, label=label, unit=self.unit_label, amount=amount, budget=budget)
        )

    def build(self) -> Form | None:
        if not self.figures:
            return None
        sections: dict[str, dict[str, AccountFigure]] = {}
        for figure in self.figures:
            if figure.key in TYPED_KEYS:
                section, name = figure.key.split(".", 1)
                sections.setdefault(section, {}).setdefault(name, figure)
        name = self.name or TABLE_NAME
        year = self.values.get("year")
        return FinalAccounts.model_validate(
            {
                "name": name,
                "unit": None if name == TABLE_NAME else name,
                "year": year if isinstance(year, int) else None,
                "statements": self.figures,
                **sections,
            }
        )


class UnitRegistry:
    """The document's unit forms, found again by name (or number and name prefix)."""

    def __init__(self) -> None:
        self.drafts: list[AccountsDraft] = []

    def find(self, name: str, ordinal: str | None) -> AccountsDraft | None:
        for draft in self.drafts:
            if draft.name == name:
                return draft
        for draft in self.drafts:
            other = draft.name or ""
            related = other.startswith(name) or name.startswith(other)
            if related and draft.ordinal == ordinal and not is_summary(name):
                return draft
        return None


def _section(items: list[str]) -> str | None:
    sections = [i.split(".", 1)[0] for i in items if not i.startswith("@")]
    return max(set(sections), key=sections.count) if sections else None


def _resolve(items: dict[int, tuple[str, str]]) -> dict[int, tuple[str, str]]:
    """Give ``合计``/``其他`` columns the key of the table's own section."""
    section = _section([item for item, _ in items.values()])
    resolved: dict[int, tuple[str, str]] = {}
    for col, (item, label) in items.items():
        if item == _TOTAL:
            item = _TOTAL_OF.get(section or "", "")
        elif item == _OTHER:
            item = _OTHER_OF.get(section or "", "")
        if item:
            resolved[col] = (item, label)
    return resolved


def _money_unit(texts: list[str]) -> str:
    joined = "".join(texts).replace("（", "(").replace("）", ")").replace("：", ":")
    if "万元" not in joined and re.search(r"单位:元|\(元\)", joined):
        return "元"
    return "万元"


@dataclass
class AccountsTable:
    """A by-unit table: header rows, then one row per unit."""

    vocab: Vocabulary
    registry: UnitRegistry
    caption: str | None
    headers: list[Row] = field(default_factory=list)
    columns: dict[int, tuple[str, str]] | None = None  # col → (key, printed header)
    unit_label: str = "万元"
    new_drafts: list[AccountsDraft] = field(default_factory=list)

    @staticmethod
    def detect(row: Row, vocab: Vocabulary) -> bool:
        cells = row.cells
        if not row.words_only or len(cells) < 2:
            return False
        items = [vocab.accounts.match(c.text) for c in cells[1:]]
        named = [m for m in items if m is not None and not m.field.startswith("@")]
        return (key(cells[0].text) in vocab.accounts_unit and bool(named)) or len(named) >= 2

    def add_header(self, row: Row) -> bool:
        """Another header row (sub-headers under 其中：), while no data row came yet."""
        if self.columns is not None or not row.words_only:
            return False
        first = row.slots[0] if row.slots else None
        if first is not None and first.text.strip():
            return False
        self.headers.append(row)
        return True

    def read(self, row: Row, drafts: list[Draft]) -> bool:
        """A unit row: its label and the figures under the item columns."""
        cells = row.cells
        label = cells[0] if cells else None
        if label is None or label.col != 1 or parse_decimal(label.text) is not None:
            return False
        values = [(c, parse_decimal(c.text)) for c in cells[1:]]
        if not any(v is not None for _, v in values):
            return False
        if self.columns is None:
            self.columns = self._columns(len(row.slots))
            self.unit_label = _money_unit([self.caption or "", *(h.texts[0] for h in self.headers)])
        name, ordinal = unit_name(label.text)
        draft = self.registry.find(name, ordinal)
        if draft is None:
            draft = AccountsDraft(FINAL_ACCOUNTS, ordinal=ordinal)
            draft.put("name", name, source(row.grid, label))
            draft.put("year", find_year(self.caption or ""), None)
            self.registry.drafts.append(draft)
            drafts.append(draft)
        draft.unit_label = self.unit_label
        draft.tables.add(row.grid.index)
        for cell, value in values:
            column = self.columns.get(cell.col)
            if column is not None and value is not None:
                printed = Printed(
                    value=value, text=cell.text.strip(), source=source(row.grid, cell)
                )
                draft.add(column[0], column[1], printed)
        return True

    def _columns(self, width: int) -> dict[int, tuple[str, str]]:
        """Key of each data column: the lowest header cell over it that names an item."""
        aligned = _align([list(h.slots) for h in self.headers], width)
        items: dict[int, tuple[str, str]] = {}
        for layer in aligned:  # top to bottom: lower rows override
            for col, text in layer.items():
                match = self.vocab.accounts.match(text)
                if match is not None:
                    items[col] = (match.field, flat(text))
        return _resolve(items)


def _align(rows: list[list[object]], width: int) -> list[dict[int, str]]:
    """Header rows as column → text, bottom-up: a row shorter than the table spans each cell
    over the run of filled cells below it (a collapsed horizontal merge)."""
    layers: list[dict[int, str]] = []
    below: list[bool] = [False] * width
    for slots in reversed(rows):
        texts = [getattr(s, "text", "") or "" for s in slots]
        layer: dict[int, str] = {}
        filled = [False] * width
        cursor = 0
        for i, text in enumerate(texts):
            if cursor >= width:
                break
            span = 1
            if len(texts) < width and text.strip() and below[cursor]:
                room = width - (len(texts) - i - 1)
                while cursor + span < room and below[cursor + span]:
                    span += 1
            if text.strip():
                layer[cursor + 1] = text
                for c in range(cursor, cursor + span):
                    filled[c] = True
            cursor += span
        layers.insert(0, layer)
        below = [a or b for a, b in zip(filled, below, strict=True)]
    return layers


def _printed(row: Row, col: int | None) -> Printed | None:
    """The number a cell of ``row`` prints, with its place; None for a blank or a word."""
    cell = row.at(col) if col is not None else None
    value = parse_decimal(cell.text) if cell is not None else None
    if cell is None or value is None:
        return None
    return Printed(value=value, text=cell.text.strip(), source=source(row.grid, cell))


@dataclass(frozen=True)
class ItemColumns:
    """The columns of one item: its name, its amount (决算数) and, when printed, its budget."""

    item: int
    amount: int
    budget: int | None = None


@dataclass
class ItemsTable:
    """A table of items: item, amount (and budget) columns; the rows add to one department form."""

    vocab: Vocabulary
    pairs: list[ItemColumns]
    draft: AccountsDraft
    section: str | None = None  # of the first named item (三公经费 …): what 合计 totals
    pending: list[tuple[str, str, Printed | None, Printed | None]] = field(default_factory=list)

    @staticmethod
    def detect(row: Row, vocab: Vocabulary) -> list[ItemColumns]:
        """The item columns of an ``项目 | (预算数 |) 决算数`` header row."""
        if not row.words_only:
            return []
        pairs: list[ItemColumns] = []
        item: int | None = None
        budget: int | None = None
        for cell in row.cells:
            k = key(cell.text)
            if k in vocab.accounts_item:
                item, budget = cell.col, None
            elif k in vocab.accounts_budget and item is not None:
                budget = cell.col
            elif k in vocab.accounts_budget and pairs and pairs[-1].budget is None:
                pairs[-1] = ItemColumns(pairs[-1].item, pairs[-1].amount, cell.col)  # after 决算数
            elif k in vocab.accounts_amount and item is not None:
                pairs.append(ItemColumns(item, cell.col, budget))
                item = None
        return pairs

    def read(self, row: Row) -> bool:
        found = False
        for columns in self.pairs:
            label = row.at(columns.item)
            if label is None:
                continue
            name, _ = unit_name(label.text)
            match = self.vocab.accounts.match(name)
            amount, budget = _printed(row, columns.amount), _printed(row, columns.budget)
            if match is None or (amount is None and budget is None):
                continue
            self.pending.append((match.field, name, amount, budget))
            if self.section is None and not match.field.startswith("@"):
                self.section = match.field.split(".", 1)[0]
            self._flush()
            self.draft.tables.add(row.grid.index)
            found = True
        return found

    def _flush(self) -> None:
        """Add the rows read; a 合计/其他 row (often the first) waits for the section."""
        if self.section is None:
            return
        for item, name, amount, budget in self.pending:
            if item == _TOTAL:
                item = _TOTAL_OF.get(self.section, "")
            elif item == _OTHER:
                item = _OTHER_OF.get(self.section, "")
            if item:
                self.draft.add(item, name, amount, budget)
        self.pending.clear()
