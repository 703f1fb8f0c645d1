"""Each check against its own failing and passing example (tests/fixtures/checks/JXnnn)."""

from __future__ import annotations

import pytest
from auditing import audit
from checkdocs import FIXTURES, generated_codes


@pytest.mark.parametrize("code", generated_codes())
def test_fail_example_is_reported(code: str) -> None:
    findings = audit(FIXTURES / code / "fail.yaml", code)
    assert findings, f"{code} 没有报告其反例"
    for finding in findings:
        assert finding.message and finding.title and finding.location is not None


@pytest.mark.parametrize("code", generated_codes())
def test_pass_example_is_quiet(code: str) -> None:
    assert audit(FIXTURES / code / "pass.yaml", code) == []


def test_every_check_has_fixtures() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert set(generated_codes()) <= folders
