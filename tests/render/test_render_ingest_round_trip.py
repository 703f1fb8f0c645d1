"""Round trip through the ingest readers: the exported form, read back as a document,
carries the computed values, and scoring it again agrees with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.assessment import assess
from jixiao.model.document import Document
from jixiao.model.evaluation import SelfEvaluationBase
from jixiao.render.xlsx import FormsOptions, write_forms
from jixiao.rules.pack import Pack
from jixiao.scoring import FormResult, score_document


def test_exported_forms_read_back_through_ingest(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    ingest = pytest.importorskip("jixiao.ingest")
    load_any = getattr(ingest, "load_any", None)
    if load_any is None:
        pytest.skip("jixiao.ingest.load_any 尚不存在")
    document, pack, _ = seed004
    path = tmp_path / "seed004.xlsx"
    write_forms(assess(document, pack), path, FormsOptions(recomputed=True))
    again: Document = load_any(path)
    result = score_document(document, pack)
    originals = [f for f in document.forms if isinstance(f, SelfEvaluationBase)]
    read = [f for f in again.forms if isinstance(f, SelfEvaluationBase)]
    assert [f.name for f in read] == [f.name for f in originals]
    computed = [f for f in result.forms if isinstance(f, FormResult)]
    for original, back, scored in zip(originals, read, computed, strict=True):
        assert [i.name for i in back.indicators] == [i.name for i in original.indicators]
        assert [i.weight for i in back.indicators] == [i.weight for i in original.indicators]
        assert [i.claimed_score for i in back.indicators] == [
            i.computed_score for i in scored.indicators
        ]
        assert back.claimed_total == scored.computed_total
        assert back.total_funding is not None and original.total_funding is not None
        assert back.total_funding.executed == original.total_funding.executed
    rescored = score_document(again, pack)
    assert [f.computed_total for f in rescored.forms if isinstance(f, FormResult)] == [
        f.computed_total for f in computed
    ]
