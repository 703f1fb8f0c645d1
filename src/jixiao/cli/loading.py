"""Load any input the user names: canonical YAML/JSON here, documents via ingest."""

from __future__ import annotations

from pathlib import Path

from jixiao.model.document import Document
from jixiao.model.io import load_document

CANONICAL_SUFFIXES = (".yaml", ".yml", ".json")


def load_input(path: Path) -> Document:
    if path.suffix.lower() in CANONICAL_SUFFIXES:
        return load_document(path)
    from jixiao.ingest import load_any  # documents (docx/xlsx/txt/html) need the readers

    return load_any(path)
