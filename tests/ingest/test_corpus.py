"""Unseen provinces' documents in three formats: never crash; self-evaluations yield forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.errors import JixiaoError
from jixiao.ingest import ingest


def test_corpus(shared: Path) -> None:
    files = sorted(
        p for p in (shared / "corpus").glob("*_*.*") if p.suffix in (".txt", ".docx", ".xlsx")
    )
    if not files:
        pytest.skip("corpus 为空")
    selfeval = with_forms = with_tables = with_tables_forms = 0
    formats: dict[str, list[int]] = {}
    for path in files:
        try:
            result = ingest(path)
        except JixiaoError as error:  # pragma: no cover - reported with its file
            pytest.fail(f"{path.name}: {error}")
        if "selfeval" not in path.name:
            continue
        got = bool(result.document.forms)
        selfeval += 1
        with_forms += got
        formats.setdefault(path.suffix, []).append(got)
        if result.tables:
            with_tables += 1
            with_tables_forms += got
    # Several originals kept no table at all (prose only); of those with tables, nearly all.
    assert with_forms * 100 >= 60 * selfeval
    assert with_tables_forms * 100 >= 90 * with_tables
    # The three renderings of a document agree.
    counts = {suffix: sum(v) for suffix, v in formats.items()}
    assert len(set(counts.values())) == 1, counts
