"""Metamorphic tests on real files: a form written to .docx/.xlsx in another layout (columns
permuted, header synonyms, optional columns dropped, full-width digits, stray spaces) reads
back as the same document and gets the same findings."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from forms import HEADERS, INDICATOR_COLUMNS, Layout, sample_project, write_docx, write_xlsx

from jixiao.audit.framework import Severity, run_audit
from jixiao.ingest import ingest
from jixiao.model import Document, ProjectSelfEvaluation
from jixiao.rules.infer import resolve_pack

LEVELS = INDICATOR_COLUMNS[:3]
VALUES = INDICATOR_COLUMNS[3:]
OPTIONAL = ("completion", "rule", "deviation_note")
SYNONYMS = {
    "level1": "一级", "level2": "二级", "name": "指标名称", "weight": "指标分值",
    "target": "预期目标值", "actual": "实际完成数", "completion": "指标完成率",
    "claimed_score": "评价得分", "rule": "评分标准", "deviation_note": "偏差原因",
}  # fmt: skip
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
Writer = Callable[[ProjectSelfEvaluation, Path, Layout], None]
WRITERS: dict[str, Writer] = {"docx": write_docx, "xlsx": write_xlsx}


def erroneous() -> ProjectSelfEvaluation:
    """The sample form with mistakes a reviewer must see whatever the layout: a score above
    its weight, a full score for a target half met, and a total that is not the sum."""
    form = sample_project(3)
    items = list(form.indicators)
    items[3] = items[3].model_copy(update={"claimed_score": Decimal(12)})
    items[1] = items[1].model_copy(update={"actual": "300人", "completion": "50%"})
    return form.model_copy(update={"indicators": items, "claimed_total": Decimal("99.5")})


def read(form: ProjectSelfEvaluation, layout: Layout, fmt: str, tmp: Path) -> Document:
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / f"form.{fmt}"
    WRITERS[fmt](form, path, layout)
    return ingest(path).document


def reading(document: Document, fields: tuple[str, ...]) -> list[tuple[object, ...]]:
    form = document.forms[0]
    assert isinstance(form, ProjectSelfEvaluation)
    rows = [tuple(str(getattr(i, f)) for f in ("level1", "level2", "name", *fields))
            for i in form.indicators]  # fmt: skip
    funding = [(f.initial_budget, f.adjusted_budget, f.executed) for f in form.funding]
    return [*rows, (form.claimed_total, form.total_weight, form.claimed_execution_score),
            *funding]  # fmt: skip


def findings(document: Document, skip: frozenset[str] = frozenset()) -> set[tuple[object, ...]]:
    pack, reason = resolve_pack("auto", document)
    return {
        (f.code, f.severity, f.location.indicator_name, f.location.field, f.claimed, f.expected)
        for f in run_audit(document, pack, pack_reason=reason)
        if f.code not in skip
    }


@pytest.fixture(scope="module", params=sorted(WRITERS))
def base(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> tuple[str, Document]:  # fmt: skip
    fmt = str(request.param)
    return fmt, read(erroneous(), Layout(), fmt, tmp_path_factory.mktemp(fmt))


def test_base_findings_are_the_planted_mistakes(base: tuple[str, Document]) -> None:
    codes = {f[0] for f in findings(base[1]) if f[1] is Severity.ERROR}
    assert {"JX104", "JX301"} <= codes


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_value_columns_permuted(base: tuple[str, Document], tmp_path: Path, seed: int) -> None:
    fmt, document = base
    order = list(VALUES)
    random.Random(seed).shuffle(order)
    again = read(erroneous(), Layout(columns=[*LEVELS, *order]), fmt, tmp_path)
    assert reading(again, tuple(VALUES)) == reading(document, tuple(VALUES))
    assert findings(again) == findings(document)


def test_header_synonyms(base: tuple[str, Document], tmp_path: Path) -> None:
    fmt, document = base
    again = read(erroneous(), Layout(headers=HEADERS | SYNONYMS), fmt, tmp_path)
    assert reading(again, tuple(VALUES)) == reading(document, tuple(VALUES))
    assert findings(again) == findings(document)


@pytest.mark.parametrize("dropped", [(c,) for c in OPTIONAL] + [OPTIONAL])
def test_optional_columns_dropped(
    base: tuple[str, Document], tmp_path: Path, dropped: tuple[str, ...]
) -> None:
    fmt, document = base
    kept = [c for c in INDICATOR_COLUMNS if c not in dropped]
    again = read(erroneous(), Layout(columns=kept), fmt, tmp_path)
    fields = tuple(c for c in VALUES if c not in dropped)
    assert reading(again, fields) == reading(document, fields)
    # Findings that read a dropped column may go. New ones may appear only where a dropped
    # cell held something: a deduction no longer explained (no 偏差原因) is reported.
    before, after = findings(document), findings(again)
    kept_keys = {(f[0], f[2], f[3]) for f in after}
    lost = {f[0] for f in before - after if (f[0], f[2], f[3]) not in kept_keys}
    assert lost <= {"JX208", "JX403", "JX404", "JX411", "JX108", "JX508"}, lost
    held = {i.name for i in erroneous().indicators if any(getattr(i, c) for c in dropped
                                                            if c == "deviation_note")}
    assert {f[2] for f in after - before} <= held, after - before


def test_stray_spaces_in_headers(base: tuple[str, Document], tmp_path: Path) -> None:
    fmt, document = base
    rng = random.Random(5)
    spaced = {c: " ".join(h) if rng.random() < 0.6 else f" {h} " for c, h in HEADERS.items()}
    again = read(erroneous(), Layout(headers=spaced), fmt, tmp_path)
    assert reading(again, tuple(VALUES)) == reading(document, tuple(VALUES))
    assert findings(again) == findings(document)


def test_full_width_digits(tmp_path: Path) -> None:
    """Typed with a Chinese input method: digits, points and per cent signs full-width (a
    Word table; Excel stores numbers as numbers)."""
    form = erroneous()
    wide = form.model_copy(update={"indicators": [
        i.model_copy(update={f: getattr(i, f).translate(FULL_WIDTH)
                             for f in ("target", "actual", "completion") if getattr(i, f)})
        for i in form.indicators
    ]})  # fmt: skip
    document = read(form, Layout(), "docx", tmp_path / "a")
    again = read(wide, Layout(), "docx", tmp_path / "b")
    assert findings(again) == findings(document)
    assert quantities(again) == quantities(document)


def quantities(document: Document) -> list[tuple[object, ...]]:
    form = document.forms[0]
    assert isinstance(form, ProjectSelfEvaluation)
    return [(q.kind, q.comparator, q.number, q.unit)
            for i in form.indicators for q in (i.target_quantity, i.actual_quantity)]
