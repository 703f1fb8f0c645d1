"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import shared_dir


@pytest.fixture
def shared() -> Path:
    """The shared documents folder; the test is skipped where it does not exist."""
    folder = shared_dir()
    if folder is None:
        pytest.skip("../shared 不存在（CI 之外的环境），跳过读取共享文档的测试")
    return folder
