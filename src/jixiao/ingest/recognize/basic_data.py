"""Basic-data tables (部门整体支出绩效评价基础数据表): staffing, then cost rows by period."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.ingest.grid import Cell
from jixiao.ingest.recognize.draft import Draft
from jixiao.ingest.recognize.headers import Vocabulary, flat
from jixiao.ingest.recognize.rows import (
    ColumnMap,
    Row,
    find_year,
    header_like,
    map_columns,
    parse_decimal,
    source,
)
from jixiao.model import BasicDataRow, BasicDataTable, Form

BASIC_DATA = "basic_data"


@dataclass
class BasicDraft(Draft):
    rows: list[BasicDataRow] = field(default_factory=list)
    staff: ColumnMap | None = None
    columns: list[tuple[int, str]] = field(default_factory=list)

    def build(self) -> Form | None:
        if not self.rows and "authorized_staff" not in self.values:
            return None
        return BasicDataTable(rows=self.rows, sources=self.sources, **self.values)


def staff_header(row: Row, vocab: Vocabulary) -> ColumnMap | None:
    columns, _ = map_columns(row, vocab.basic_data)
    if header_like(row) and {"authorized_staff", "actual_staff"} <= columns.keys():
        return columns
    return None


def read_row(row: Row, draft: BasicDraft) -> bool:
    """A staffing row, a new column header, or an item row with its values."""
    if draft.staff is not None:
        staff, draft.staff = draft.staff, None
        return _staff_values(row, staff, draft)
    cells = row.cells
    if len(cells) >= 2 and header_like(row) and all(not _is_item(c) for c in cells[1:]):
        draft.columns = [(c.col, flat(c.text)) for c in cells[1:]]
        year = next((find_year(name) for _, name in draft.columns if find_year(name)), None)
        draft.put("year", year, None)
        return True
    if not draft.columns or len(cells) < 1 or len(row.slots) < 2:
        return False
    item_col = draft.columns[0][0] - 1
    item = next((c for c in row.slots[:item_col] if c is not None and c.text.strip()), None)
    if item is None:
        return False
    values = {}
    sources = {"item": source(row.grid, item)}
    for col, name in draft.columns:
        cell = row.at(col)
        values[name] = parse_decimal(cell.text) if cell is not None else None
        if cell is not None:
            sources[name] = source(row.grid, cell)
    draft.rows.append(BasicDataRow(item=flat(item.text), values=values, sources=sources))
    return True


def _is_item(cell: Cell) -> bool:
    """Column headers are short names without figures."""
    return parse_decimal(cell.text) is not None or len(flat(cell.text)) > 20


def _staff_values(row: Row, staff: ColumnMap, draft: BasicDraft) -> bool:
    found = False
    for fld in ("authorized_staff", "actual_staff", "staff_control_rate"):
        cell = row.at(staff.get(fld))
        if cell is None:
            continue
        found = True
        ref = source(row.grid, cell)
        if fld == "staff_control_rate":
            draft.put("claimed_staff_control_rate", cell.text.strip(), ref)
            continue
        value = parse_decimal(cell.text)
        if value is not None and value >= 0 and value == value.to_integral_value():
            draft.put(fld, int(value), ref)
        else:
            draft.sources.setdefault(fld, ref)
    return found
