"""Hand-made correct evaluations of every form type: the auditor finds nothing to say."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditing import audit

from helpers import FIXTURES

CORRECT = sorted((FIXTURES / "correct").glob("*.yaml"))


def test_every_form_type_is_covered() -> None:
    names = {p.stem for p in CORRECT}
    assert {"project", "department", "scored", "questionnaire"} <= names


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: p.stem)
def test_no_findings_on_a_correct_form(path: Path) -> None:
    findings = audit(path)
    assert [f"{f.code} {f.message}" for f in findings] == []
