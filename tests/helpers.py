"""Paths shared by the tests (importable as ``helpers``; pytest adds tests/ to the path)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"


def shared_dir() -> Path | None:
    """``../shared`` beside the repo (CI has it) or ``$JIXIAO_SHARED``; ``None`` if absent."""
    candidate = Path(os.environ.get("JIXIAO_SHARED", ROOT.parent / "shared"))
    return candidate if candidate.is_dir() else None
