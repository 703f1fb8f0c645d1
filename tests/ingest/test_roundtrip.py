"""A form printed to Word and Excel with a realistic merged layout reads back identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from forms import Layout, sample_project, without_sources, write_docx, write_xlsx

from jixiao.ingest import ingest
from jixiao.model import ProjectSelfEvaluation


@pytest.mark.parametrize("writer", [write_docx, write_xlsx], ids=["docx", "xlsx"])
def test_round_trip_identical(tmp_path: Path, writer: object) -> None:
    form = sample_project(3)
    path = tmp_path / ("form.docx" if writer is write_docx else "form.xlsx")
    writer(form, path)  # type: ignore[operator]
    result = ingest(path)
    assert [f.type for f in result.document.forms] == ["project_self_evaluation"]
    back = result.document.forms[0]
    assert isinstance(back, ProjectSelfEvaluation)
    assert without_sources(back.model_dump()) == without_sources(form.model_dump())
    assert not result.unrecognized


@pytest.mark.parametrize("writer", [write_docx, write_xlsx], ids=["docx", "xlsx"])
def test_sources_point_at_cells(tmp_path: Path, writer: object) -> None:
    path = tmp_path / ("form.docx" if writer is write_docx else "form.xlsx")
    writer(sample_project(), path)  # type: ignore[operator]
    form = ingest(path).document.forms[0]
    assert isinstance(form, ProjectSelfEvaluation)
    last = form.indicators[-1]
    assert last.claimed_score is not None and str(last.claimed_score) == "9.60"
    ref = last.sources["claimed_score"]
    assert ref.text == "9.60" and ref.table == 1
    # level1 of a merged cell points at the merge's origin, shared by the rows below it
    assert form.indicators[1].sources["level1"] == form.indicators[0].sources["level1"]
    if writer is write_xlsx:
        assert (
            ref.sheet == "项目自评表" and ref.cell is not None and ref.cell.endswith(str(ref.row))
        )


def test_layout_variants_round_trip(tmp_path: Path) -> None:
    layout = Layout(block_label=False, merge_levels=False)
    form = sample_project(1)
    write_docx(form, tmp_path / "v.docx", layout)
    back = ingest(tmp_path / "v.docx").document.forms[0]
    assert without_sources(back.model_dump()) == without_sources(form.model_dump())
