"""Placing the cells of flattened text rows under their header.

A row flattened onto one line loses its empty and merged cells: under ``一级指标 二级指标
三级指标 指标值 实际完成值 分值 得分 偏差原因`` the line ``质量指标 合格率 ≥95% 98% 8 8`` has
six cells for eight columns. The cells keep their order, so the row is some run of the
columns; the run chosen is the one whose columns its cells fit best — category words
(``产出指标``, ``质量指标``) under the level columns, numbers under weights and scores.
The choice is a guess, and the table says so (``TextTable.guessed``): findings that rest
on its columns are warnings, not errors.
"""

from __future__ import annotations

import re

from jixiao.ingest.recognize.headers import Vocabulary
from jixiao.ingest.recognize.rows import parse_decimal

# The categories the national framework and every province we know of print at level 1 and
# level 2 (``产出指标（50分）``, ``社会效益指标``).
_LEVEL1 = re.compile(
    r"^(?:项目)?(?:产出|效益|满意度|成本|决策|过程|管理|履职效能|绩效)(?:指标)?\s*[(（]?"
)
_LEVEL2 = re.compile(
    r"^(?:数量|质量|时效|时限|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|"
    r"可持续影响|服务对象满意度|满意度)(?:指标)?\s*[(（]?"
)
_NUMBERS = frozenset({"weight", "claimed_score"})
MAX_WIDTH = 40  # wider than any form; bounds the placement work (width² per row)
_TEXT = frozenset({"level1", "level2", "name"})


def _fit(text: str, field: str | None) -> int:
    """How well ``text`` fits a column of ``field``: positive fits, negative contradicts."""
    level1, level2 = bool(_LEVEL1.match(text)), bool(_LEVEL2.match(text))
    number = parse_decimal(text) is not None
    if field == "level1":
        return 2 if level1 else -2 if level2 or number else 0
    if field == "level2":
        return 2 if level2 else -2 if level1 or number else 0
    if field in _NUMBERS:
        return 1 if number else -2
    if field == "name":
        return -1 if level1 or level2 or number else 0
    return 0


def align(rows: list[list[str]], vocab: Vocabulary) -> tuple[list[list[str]], bool]:
    """The rows padded to the header's width (``rows[0]``), each short row placed where its
    cells fit best (on a tie, as far left as possible); and whether any row was placed so."""
    header = rows[0]
    fields = [
        m.field if (m := vocab.indicator.match(text)) is not None else None for text in header
    ]
    if not _TEXT & set(fields) or len(header) > MAX_WIDTH:
        return rows, False
    width = len(header)
    placed = [header]
    guessed = False
    for cells in rows[1:]:
        if len(cells) >= width:
            placed.append(cells)
            continue
        offsets = range(width - len(cells) + 1)
        best = max(
            offsets, key=lambda m: (sum(_fit(c, fields[m + i]) for i, c in enumerate(cells)), -m)
        )
        placed.append([""] * best + cells + [""] * (width - best - len(cells)))
        guessed = True
    return placed, guessed
