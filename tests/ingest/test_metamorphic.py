"""Metamorphic tests of the recognizer: the same form printed differently reads the same."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.ingest.readers.text import read_text
from jixiao.ingest.recognize import recognize
from jixiao.model import Document

HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"]
SYNONYMS = {"分值": "权重", "年度指标值": "目标值", "实际完成值": "业绩值", "得分": "自评得分"}
ROWS = [
    ["产出指标(50分)", "数量指标", "培训人数", "30", "≥100人", "100人", "30"],
    ["", "质量指标", "合格率", "20", "≥95%", "96%", "18"],
    ["效益指标(50分)", "社会效益指标", "就业人数", "50", "≥20人", "20人", "50"],
]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def read(header: list[str], rows: list[list[str]], order: list[int]) -> Document:
    lines = ["\t".join(header[i] for i in order)]
    lines += ["\t".join(row[i] for i in order) for row in rows]
    text = "项目支出绩效自评表\n\n" + "\n".join(lines) + "\n"
    return recognize(read_text(text, "f.txt")).document


def reading(document: Document) -> list[tuple[object, ...]]:
    form = document.forms[0]
    return [(i.level1, i.level2, i.name, i.weight, i.claimed_score)
            for i in form.indicators]  # type: ignore[union-attr]


BASE = reading(read(HEADER, ROWS, list(range(7))))


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(range(3, 7))), st.booleans(), st.booleans())
def test_value_columns_permuted_synonyms_and_full_width_digits(
    values: list[int], synonyms: bool, wide: bool
) -> None:
    header = [SYNONYMS.get(h, h) if synonyms else h for h in HEADER]
    rows = [[c.translate(FULL_WIDTH) if wide and c.isdigit() else c for c in r] for r in ROWS]
    assert reading(read(header, rows, [0, 1, 2, *values])) == BASE


def test_stray_spaces_in_labels() -> None:
    rng = random.Random(7)
    header = [" ".join(h) if rng.random() < 0.5 else h for h in HEADER]
    assert reading(read(header, ROWS, list(range(7)))) == BASE
