"""Fixtures for the render tests: seed documents scored once and external tools."""

from __future__ import annotations

import shutil

import pytest

from helpers import SEEDS
from jixiao.model.document import Document
from jixiao.model.io import load_document
from jixiao.rules.infer import resolve_pack
from jixiao.rules.pack import Pack


def _seed(name: str) -> tuple[Document, Pack, str]:
    document = load_document(SEEDS / name)
    pack, reason = resolve_pack("auto", document)
    return document, pack, reason


@pytest.fixture(scope="session")
def seed004() -> tuple[Document, Pack, str]:
    return _seed("seed004_xinjiang.yaml")


@pytest.fixture(scope="session")
def seed001() -> tuple[Document, Pack, str]:
    path = SEEDS / "seed001_hunan.yaml"
    if not path.is_file():
        pytest.skip("seed001_hunan.yaml 尚不存在")
    return _seed(path.name)


@pytest.fixture(scope="session")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("未安装 LibreOffice（soffice）：运行 scripts/install-system-deps.sh 后可测")
    return found


@pytest.fixture(scope="session")
def poppler() -> None:
    missing = [t for t in ("pdftoppm", "pdftotext", "pdfinfo", "pdffonts") if not shutil.which(t)]
    if missing:
        pytest.skip(
            f"未安装 poppler-utils（缺 {'、'.join(missing)}）：运行 scripts/install-system-deps.sh"
        )
