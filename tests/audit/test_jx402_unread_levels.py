"""JX402 judges categories only from level names the table prints."""

from __future__ import annotations

from pathlib import Path

import yaml
from auditing import audit
from checkdocs import FIXTURES


def _without_levels(tmp_path: Path, name: str) -> Path:
    data = yaml.safe_load((FIXTURES / "JX402" / name).read_text("utf-8"))
    for form in data["forms"]:
        for item in form.get("indicators", []):
            item["level1"] = item["level2"] = ""
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_no_level_names_is_not_a_missing_category(tmp_path: Path) -> None:
    assert audit(FIXTURES / "JX402" / "fail.yaml", "JX402")
    assert audit(_without_levels(tmp_path, "fail.yaml"), "JX402") == []
