"""Seeds 001 and 004: every arithmetic error found, verified by hand, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from accounts_helpers import SEEDS, seed_document

from jixiao.cli.commands.accounts import check_accounts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "accounts"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_findings_match_the_verified_list(shared: Path, seed: str) -> None:
    expected = yaml.safe_load((FIXTURES / f"seed{seed}_expected.yaml").read_text("utf-8"))
    findings = check_accounts(seed_document(shared, seed))
    got = sorted(
        (
            f.code,
            f.severity.value,
            f.location.source.paragraph if f.location.source else None,
            f.location.field,
            f.location.source.text if f.location.source else None,
            f.claimed,
            f.expected,
        )
        for f in findings
    )
    want = sorted(
        (
            e["code"],
            e["severity"],
            e["paragraph"],
            e["field"],
            e["printed"],
            e["claimed"],
            e["expected"],
        )
        for e in expected["findings"]
    )
    assert got == want


def test_seed004_correct_figures_give_no_error(shared: Path) -> None:
    findings = check_accounts(seed_document(shared, "004"))
    assert [f for f in findings if f.severity.value != "info"] == []


def test_seed001_every_finding_points_at_its_figure(shared: Path) -> None:
    document = seed_document(shared, "001")
    texts = {i: p.text for i, p in enumerate(document.paragraphs, 1)}
    for finding in check_accounts(document):
        source = finding.location.source
        assert source is not None and source.paragraph is not None
        assert source.start is not None and source.end is not None
        assert texts[source.paragraph][source.start : source.end] == source.text
