"""The web layer sits at the top: nothing below imports it; charts escape their text."""

from __future__ import annotations

import ast
from pathlib import Path

from jixiao.web.charts import bar_chart

SRC = Path(__file__).resolve().parents[2] / "src" / "jixiao"


def test_nothing_below_imports_web() -> None:
    problems = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC)
        if relative.parts[0] in ("web", "cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            problems += [f"{relative}: {n}" for n in names if n.startswith("jixiao.web")]
    assert not problems


def test_chart_escapes_labels() -> None:
    svg = bar_chart(["<script>alert(1)</script>", "乙"], [3, 0], title="标题 & 说明")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "标题 &amp; 说明" in svg
    assert svg.count("<rect") == 2
    horizontal = bar_chart(["JX101 规则"], [5], title="按代码", horizontal=True)
    assert horizontal.startswith("<svg") and "JX101 规则" in horizontal


def test_empty_chart_says_there_is_no_data() -> None:
    for horizontal in (False, True):
        svg = bar_chart([], [], title="空", horizontal=horizontal)
        assert "<svg" in svg and "暂无已报送的数据" in svg and "<rect" not in svg
