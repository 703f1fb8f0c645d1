"""Paragraphs from plain text and Word files: feed pasted text or a written explanation to
:func:`~jixiao.accounts.extract.extract_accounts` without the document readers.

The seeds' text export puts a table row in a block of lines separated by a blank line, each
cell starting with a tab; every other non-empty line is a paragraph. Paragraphs are numbered
from 1 in document order, as the document readers number them.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.model.common import SourceRef
from jixiao.model.document import Paragraph


def _paragraph(text: str, number: int, file: str | None) -> Paragraph:
    return Paragraph(text=text, source=SourceRef(file=file, paragraph=number))


def paragraphs_from_text(text: str, *, file: str | None = None) -> list[Paragraph]:
    """The lines of a text export that lie outside its tab-led table blocks."""
    lines: list[str] = []
    in_table = False
    for raw in text.splitlines():
        if not raw.strip():
            in_table = False
            continue
        if raw.lstrip(" ").startswith("\t"):
            in_table = True
        if not in_table:
            lines.append(raw.strip())
    return [_paragraph(line, n, file) for n, line in enumerate(lines, 1)]


def paragraphs_from_docx(path: Path) -> list[Paragraph]:
    """The body paragraphs of a Word file (tables are left out)."""
    import docx  # python-docx

    texts = [p.text.strip() for p in docx.Document(str(path)).paragraphs]
    return [_paragraph(t, n, path.name) for n, t in enumerate((t for t in texts if t), 1)]
