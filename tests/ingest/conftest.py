from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


def shared_dir() -> Path:
    env = os.environ.get("JIXIAO_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip("共享资料目录不存在（设置 JIXIAO_SHARED 或放在仓库旁的 ../shared）")
    return path


@pytest.fixture(scope="session")
def seeds(shared: Path) -> dict[str, Path]:
    found = {p.name[:3]: p for p in (shared / "seeds").glob("*.txt")}
    if len(found) < 5:
        pytest.skip("seeds 不完整")
    return found
