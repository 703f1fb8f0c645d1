"""A few hundred mutants of real documents (../shared, else the repo's own), each through
read/recognize, score, audit and convert: a result or a coded error, never anything else."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from mutate import FAMILIES, Seeds, mutant, run_pipeline, seed_files

from helpers import ROOT, shared_dir

PER_FAMILY = 80


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    return seed_files(ROOT, shared_dir(), tmp_path_factory.mktemp("seeds"))


@pytest.mark.parametrize("family", FAMILIES)
def test_mutants_end_in_results_or_coded_errors(
    family: str, seeds: Seeds, tmp_path: Path
) -> None:
    rng = random.Random(f"jixiao-{family}")
    outcomes: dict[str, int] = {}
    for n in range(PER_FAMILY):
        name, data = rng.choice(seeds[family])
        path = tmp_path / f"m{n}-{name}"
        path.write_bytes(mutant(family, data, rng))
        outcome = run_pipeline(path, tmp_path)  # anything but a JixiaoError fails the test
        assert outcome == "ok" or outcome.startswith("E"), outcome
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        path.unlink()
    assert sum(outcomes.values()) == PER_FAMILY
