"""Placing the cells of flattened text rows under their header.

A row flattened onto one line loses its empty and merged cells: under ``一级指标 二级指标
三级指标 指标值 实际完成值 分值 得分 偏差原因`` the line ``质量指标 合格率 ≥95% 98% 8 8`` has
six cells for eight columns. The cells keep their order, so the row is some run of the
columns; the run chosen is the one whose columns its cells fit best: category words
(``产出指标``, ``质量指标``) under the level columns, numbers under weights, scores and
amounts, words under the label columns. A total row (``总分 100 98.5``) puts its figures
under the weight and score columns in order. The placement is a guess, and the table says
so (``TextTable.guessed``): findings that rest on its columns are warnings, not errors.
"""

from __future__ import annotations

import re

from jixiao.ingest.recognize.headers import Vocabulary
from jixiao.ingest.recognize.rows import parse_decimal
from jixiao.ingest.recognize.selfeval import AMOUNT_FIELDS, EXECUTION_FIELDS

# The categories the national framework and every province we know of print at level 1 and
# level 2 (``产出指标（50分）``, ``社会效益指标``).
_LEVEL1 = re.compile(
    r"^(?:项目)?(?:产出|效益|满意度|成本|决策|过程|管理|履职效能|绩效)(?:指标)?\s*[(（]?"
)
_LEVEL2 = re.compile(
    r"^(?:数量|质量|时效|时限|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|"
    r"可持续影响|服务对象满意度|满意度)(?:指标)?\s*[(（]?"
)
_SCORES = ("weight", "claimed_score")  # in the order a total row prints them
_AMOUNTS = frozenset(AMOUNT_FIELDS + EXECUTION_FIELDS)  # the funding header's figures
_LEVELS = frozenset({"level1", "level2", "name"})
MAX_WIDTH = 40  # wider than any form; bounds the placement work (width² per row)


def _fit(text: str, field: str | None) -> int:
    """How well ``text`` fits a column of ``field``: positive fits, negative contradicts."""
    number = parse_decimal(text) is not None
    if field in _AMOUNTS or field in _SCORES:
        return 1 if number else -2
    level1, level2 = bool(_LEVEL1.match(text)), bool(_LEVEL2.match(text))
    if field == "level1":
        return 2 if level1 else -2 if level2 or number else 0
    if field == "level2":
        return 2 if level2 else -2 if level1 or number else 0
    if field == "name":
        return -1 if level1 or level2 or number else 0
    return -1 if number and field is None else 0


def header_fields(cells: list[str], vocab: Vocabulary) -> list[str | None] | None:
    """The field of each cell of an indicator header (three exact column names, a level
    among them) or a funding header (two exact amount names); None for other rows."""
    for table, wanted, least in ((vocab.indicator, _LEVELS, 3), (vocab.funding, _AMOUNTS, 2)):
        named = [f for f in (table.exact_field(text) for text in cells if text) if f]
        if len(named) >= least and wanted & set(named):
            return [m.field if (m := table.match(text)) else None for text in cells]
    return None


def _total_row(cells: list[str], header: list[str], vocab: Vocabulary) -> list[str] | None:
    """``总分 | 100 | 99.25``: the label first, the figures under the columns named exactly
    分值/权重 and 得分 (not ``得分计算方法``), in order."""
    columns = [n for n, text in enumerate(header) if vocab.indicator.exact_field(text) in _SCORES]
    figures = cells[1:]
    if not 0 < len(figures) <= len(columns) or any(parse_decimal(c) is None for c in figures):
        return None
    row = [cells[0]] + [""] * (len(header) - 1)
    for column, text in zip(columns, figures, strict=False):
        row[column] = text
    return row


def align(rows: list[list[str]], vocab: Vocabulary) -> tuple[list[list[str]], bool]:
    """The rows padded to the header's width (``rows[0]``), each short row placed where its
    cells fit best (on a tie, as far left as possible); and whether any row's columns are a
    guess (a row placed so, or one with more cells than the header)."""
    header = rows[0]
    fields = header_fields(header, vocab)
    if fields is None or len(header) > MAX_WIDTH:
        return rows, False
    width = len(header)
    placed = [header]
    for cells in rows[1:]:
        if len(cells) >= width or not cells:
            placed.append(cells)
            continue
        total = _total_row(cells, header, vocab) if vocab.is_total(cells[0]) else None
        if total is not None:
            placed.append(total)
            continue
        best = max(
            range(width - len(cells) + 1),
            key=lambda m: (sum(_fit(c, fields[m + i]) for i, c in enumerate(cells)), -m),
        )
        placed.append([""] * best + cells + [""] * (width - best - len(cells)))
    # a row with more cells than its header had a separator inside a cell ("年度 指标值"):
    # which of its cells belong together is a guess too
    overlong = any(len(cells) > width for cells in rows[1:])
    return placed, overlong or placed[1:] != rows[1:]
