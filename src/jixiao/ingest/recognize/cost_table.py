"""成本测算 of a project's declaration: 构成 | 金额 | 测算依据 rows under their header,
closed by a 合计 row (or by the next header or label the declaration reads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao.ingest.recognize.cycle import Lines, cycle_words, text_of
from jixiao.ingest.recognize.headers import WordTable, key
from jixiao.ingest.recognize.rows import parse_decimal
from jixiao.model import CostItem, SourceRef


@lru_cache(maxsize=1)
def _words() -> tuple[WordTable, tuple[str, ...]]:
    data = cycle_words()["costs"]
    columns = WordTable({name: data[name] for name in ("name", "amount", "basis")})
    return columns, tuple(key(str(word)) for word in data["total"])


@dataclass
class CostGrid:
    columns: dict[str, int] | None = None
    items: list[CostItem] = field(default_factory=list)
    total: Decimal | None = None
    total_ref: SourceRef | None = None

    def header(self, lines: Lines, r: int) -> bool:
        """Whether row ``r`` heads a cost table (a part, an amount and a basis column)."""
        words, _ = _words()
        columns: dict[str, int] = {}
        for cell in lines.cells(r):
            match = words.match(cell.text) if cell.row == r else None
            if match is not None and match.field not in columns:
                columns[match.field] = cell.col
        if {"name", "amount", "basis"} <= columns.keys():
            self.columns = columns
            return True
        return False

    def row(self, lines: Lines, r: int) -> bool:
        """Read row ``r`` as a cost line or the total; False ends the table (not one)."""
        _, totals = _words()
        columns = self.columns or {}
        at = {f: c for f, col in columns.items()
              if (c := lines.carried(r, col)) is not None and c.row == r}  # fmt: skip
        name, amount = text_of(at.get("name")), at.get("amount")
        value = parse_decimal(amount.text) if amount is not None else None
        if name is None or (value is None and amount is not None):
            self.columns = None
            return False
        if key(name) in totals:
            self.total = value
            self.total_ref = lines.ref(amount) if amount is not None else None
            self.columns = None
            return True
        self.items.append(CostItem(name=name, amount=value, basis=text_of(at.get("basis")),
                                   sources={f: lines.ref(c) for f, c in at.items()}))
        return True
