"""Which files ingest reads, by suffix: the one list the CLI and the web upload use."""

from __future__ import annotations

CANONICAL_SUFFIXES = (".yaml", ".yml", ".json")
DOCUMENT_SUFFIXES = (
    ".docx", ".xlsx", ".xlsm", ".txt", ".html", ".htm",
    ".pdf", ".doc", ".wps", ".xls", ".et",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff",
)  # fmt: skip
INPUT_SUFFIXES = CANONICAL_SUFFIXES + DOCUMENT_SUFFIXES
