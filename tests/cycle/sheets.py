"""Write a transcribed form (rows of cell texts, "^" merged from above, "<" from the left)
as a real .docx, .xlsx or pipe-table .txt file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl
import yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cycle"


@dataclass(frozen=True)
class Span:
    text: str
    row: int
    col: int
    rowspan: int
    colspan: int


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / name).read_text("utf-8"))
    return data


def spans(rows: list[list[str]]) -> list[Span]:
    """The printed cells with their merges."""
    width = max(len(row) for row in rows)
    grid = [[str(c) for c in row] + [""] * (width - len(row)) for row in rows]
    found: list[Span] = []
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text in ("^", "<"):
                continue
            colspan = 1
            while c + colspan < width and row[c + colspan] == "<":
                colspan += 1
            rowspan = 1
            while r + rowspan < len(grid) and grid[r + rowspan][c] == "^":
                rowspan += 1
            found.append(Span(text, r, c, rowspan, colspan))
    return found


def write_docx(form: dict[str, Any], path: Path) -> None:
    rows = form["rows"]
    document = docx.Document()
    document.add_paragraph(form["title"])
    document.add_paragraph(form.get("year_line", ""))
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for span in spans(rows):
        cell = table.cell(span.row, span.col)
        if span.rowspan > 1 or span.colspan > 1:
            cell = cell.merge(table.cell(span.row + span.rowspan - 1,
                                         span.col + span.colspan - 1))
        cell.text = span.text
    document.save(str(path))


def write_xlsx(form: dict[str, Any], path: Path) -> None:
    rows = form["rows"]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    width = max(len(row) for row in rows)
    sheet.cell(1, 1, form["title"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(2, 1, form.get("year_line") or None)
    for span in spans(rows):
        r, c = span.row + 3, span.col + 1
        sheet.cell(r, c, span.text or None)
        if span.rowspan > 1 or span.colspan > 1:
            sheet.merge_cells(start_row=r, start_column=c, end_row=r + span.rowspan - 1,
                              end_column=c + span.colspan - 1)
    book.save(str(path))


def write_txt(form: dict[str, Any], path: Path) -> None:
    """Pipe rows as chat tools print tables: merged cells blank, a wide cell once."""
    lines = [form["title"], form.get("year_line", ""), ""]
    for row in form["rows"]:
        cells = ["" if str(c) in ("^", "<") else str(c) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    path.write_text("\n".join(lines) + "\n", "utf-8")


WRITERS = {"docx": write_docx, "xlsx": write_xlsx, "txt": write_txt}
