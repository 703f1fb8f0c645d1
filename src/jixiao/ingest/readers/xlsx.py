"""Excel (.xlsx): every sheet becomes one grid with its merged ranges.

The parts are parsed with lxml directly: that is about the cost of unzipping and parsing
the XML (our floor), it honours merges, and it lets us print numbers as Excel shows them
(``0.9599`` in a ``0.00%`` cell is ``95.99%``; ``9.6`` in a ``0.00`` cell is ``9.60``), which
keeps the printed precision the checks depend on. Text cells are kept as typed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from posixpath import join, normpath

from lxml import etree

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import BlockBuilder, Cell, RawDocument
from jixiao.ingest.readers.docx import OLE_MAGIC
from jixiao.ingest.safety import (
    MAX_CELLS,
    MAX_SHEET_COLS,
    MAX_SHEET_ROWS,
    SafeZip,
    parse_xml,
)
from jixiao.model.limits import FORMAT_DECIMALS, MERGED_AREA, number_in_bounds

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF_RE = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
_BUILTIN_FORMATS = {
    1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "yyyy-mm-dd h:mm",
    49: "@",
}  # fmt: skip
_QUOTED_RE = re.compile(r'"([^"]*)"')
_DATE_TOKENS_RE = re.compile(r"[ymd]", re.I)


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _split_ref(ref: str) -> tuple[int, int] | None:
    match = _REF_RE.match(ref)
    if not match:
        return None
    return int(match.group(2)), column_number(match.group(1))


def format_number(raw: str, code: str) -> str:
    """The number as Excel prints it under format ``code`` (the common cases)."""
    if len(raw) > 100:  # no stored number is that long: keep the text, do no arithmetic
        return raw
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return raw
    if not number_in_bounds(value):  # Excel itself shows such cells as #### or raw
        return raw
    section = code.split(";")[0]
    literal = "".join(_QUOTED_RE.findall(section))
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", section)
    if _DATE_TOKENS_RE.search(bare) and "0" not in bare:
        try:
            day = date(1899, 12, 30) + timedelta(days=int(value))
        except (OverflowError, ValueError):
            return raw
        return f"{day.year}年{day.month}月{day.day}日" if "年" in section else day.isoformat()
    if "0" not in bare and "#" not in bare:  # General or text: Excel shows up to 15 digits
        text = format(float(value), ".15g")
        return format(Decimal(text), "f") if "e" in text else text
    percent = "%" in bare
    if percent:
        value *= 100
    decimals = len(re.sub(r"[^0#]", "", bare.split(".", 1)[1])) if "." in bare else 0
    if decimals > FORMAT_DECIMALS.value:
        return raw
    with localcontext() as context:  # enough digits for any bounded value at these places
        context.prec = max(context.prec, value.adjusted() + decimals + 3)
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{value:,.{decimals}f}" if "," in bare else f"{value:.{decimals}f}"
    prefix, suffix = ("", literal) if bare.rstrip("%").endswith(("0", "#")) else (literal, "")
    return prefix + text + ("%" if percent else "") + suffix


_CONSTANT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*(%?)\s*$")


def _constant(formula: str | None) -> str | None:
    """The value of a formula that is a number (``=100%``, ``=12.5``) saved without its
    result; None for any other formula (its value is not known without evaluating it)."""
    found = _CONSTANT.match(formula or "")
    if found is None:
        return None
    number = Decimal(found.group(1))
    return format(number / 100 if found.group(2) else number, "f")


def _texts(element: etree._Element, path: str) -> list[str]:
    found = element.xpath(path, namespaces={"s": S[1:-1]})
    return [str(t) for t in found] if isinstance(found, list) else []


class _Workbook:
    def __init__(self, archive: SafeZip, file: str) -> None:
        self.archive = archive
        self.file = file
        self.shared = self._shared_strings()
        self.formats = self._cell_formats()

    def _xml(self, name: str) -> etree._Element:
        return parse_xml(self.archive.read(name), self.file, name)

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.archive.names:
            return []
        root = self._xml("xl/sharedStrings.xml")
        # Phonetic runs (rPh) are not printed.
        return ["".join(_texts(si, "./s:t/text()|./s:r/s:t/text()"))
                for si in root.iterfind(f"{S}si")]  # fmt: skip

    def _cell_formats(self) -> list[str]:
        if "xl/styles.xml" not in self.archive.names:
            return []
        root = self._xml("xl/styles.xml")
        custom = {
            int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "")
            for fmt in root.iterfind(f"{S}numFmts/{S}numFmt")
            if fmt.get("numFmtId", "").isdigit()
        }
        codes: list[str] = []
        for xf in root.iterfind(f"{S}cellXfs/{S}xf"):
            number_id = int(xf.get("numFmtId", "0")) if xf.get("numFmtId", "").isdigit() else 0
            codes.append(custom.get(number_id, _BUILTIN_FORMATS.get(number_id, "General")))
        return codes

    def sheets(self) -> list[tuple[str, str]]:
        """(name, part path) of every worksheet, in workbook order."""
        book = self._xml("xl/workbook.xml")
        rels = self._xml("xl/_rels/workbook.xml.rels")
        targets = {
            rel.get("Id"): rel.get("Target", "") for rel in rels.iterfind(f"{PR}Relationship")
        }
        out: list[tuple[str, str]] = []
        for sheet in book.iterfind(f"{S}sheets/{S}sheet"):
            target = targets.get(sheet.get(f"{R}id"), "")
            path = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
            if path in self.archive.names:
                out.append((sheet.get("name", ""), path))
        return out

    def cell_text(self, c: etree._Element) -> str:
        kind = c.get("t", "n")
        if kind == "inlineStr":
            return "".join(_texts(c, "./s:is//s:t/text()"))
        v = c.findtext(f"{S}v")
        if not v and kind == "n":  # no stored result: a formula that is a constant has one
            v = _constant(c.findtext(f"{S}f"))
        if v is None:
            return ""
        if kind == "s":
            index = int(v) if v.isdigit() else -1
            return self.shared[index] if 0 <= index < len(self.shared) else ""
        if kind == "b":
            return "TRUE" if v == "1" else "FALSE"
        if kind in ("str", "e", "d"):
            return v
        style = c.get("s", "0")
        index = int(style) if style.isdigit() else 0
        code = self.formats[index] if index < len(self.formats) else "General"
        return format_number(v, code)

    def sheet_rows(self, path: str) -> list[list[Cell]]:
        root = self._xml(path)
        merges: dict[tuple[int, int], tuple[int, int]] = {}  # origin → far corner
        for merge in root.iterfind(f"{S}mergeCells/{S}mergeCell"):
            first, _, last = merge.get("ref", "").partition(":")
            start, end = _split_ref(first), _split_ref(last or first)
            if start and end and end[0] >= start[0] and end[1] >= start[1]:
                merges[start] = end
                if len(merges) > MAX_CELLS:
                    raise JixiaoError("E408", "合并单元格过多，已停止读取", file=self.file)
        texts: dict[tuple[int, int], tuple[str, str]] = {}
        for c in root.iter(f"{S}c"):
            at = _split_ref(c.get("r", ""))
            if at is None:
                continue
            if at[0] > MAX_SHEET_ROWS or at[1] > MAX_SHEET_COLS:
                raise JixiaoError(
                    "E408", f"工作表超出 {MAX_SHEET_ROWS} 行或 {MAX_SHEET_COLS} 列", file=self.file
                )
            text = self.cell_text(c).strip()
            if text or at in merges:
                texts[at] = (text, c.get("r", ""))
                if len(texts) > MAX_CELLS:
                    raise JixiaoError("E408", "单元格过多，已停止读取", file=self.file)
        spans, covered = self._spans(merges, {at for at, (text, _) in texts.items() if text})
        height = max((r for r, _ in texts), default=0)
        grid: list[list[Cell]] = [[] for _ in range(height)]
        for (r, col), (text, address) in sorted(texts.items()):
            if (r, col) in covered or not text:
                continue
            rows, cols = spans.get((r, col), (1, 1))
            grid[r - 1].append(Cell(text, r, col, rows, cols, address))
        return grid

    def _spans(
        self, merges: dict[tuple[int, int], tuple[int, int]], filled: set[tuple[int, int]]
    ) -> tuple[dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
        """Merges clipped to the extent of the filled cells (a merge over empty space prints
        nothing), and the filled positions hidden under a filled merge origin. The work is
        bounded by the merged area, which is checked before any position is visited."""
        bottom = max((r for r, _ in filled), default=0)
        right = max((c for _, c in filled), default=0)
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        area = 0
        for (r, c), (last_r, last_c) in merges.items():
            rows, cols = min(last_r, bottom) - r + 1, min(last_c, right) - c + 1
            spans[(r, c)] = (max(rows, 1), max(cols, 1))
            if (r, c) in filled and rows * cols > 1:
                area += rows * cols
                if area > MERGED_AREA.value:
                    raise MERGED_AREA.error(file=self.file)
        covered: set[tuple[int, int]] = set()
        for (r, c), (rows, cols) in spans.items():
            if (r, c) not in filled or rows * cols == 1:
                continue
            if rows * cols <= len(filled):
                inside = ((r + dr, c + dc) for dr in range(rows) for dc in range(cols))
                covered.update(at for at in inside if at in filled and at != (r, c))
            else:
                covered.update(
                    at for at in filled
                    if r <= at[0] < r + rows and c <= at[1] < c + cols and at != (r, c)
                )
        return spans, covered


def read_xlsx(data: bytes, file: str) -> RawDocument:
    if data.startswith(OLE_MAGIC):
        raise JixiaoError("E402", "旧版 Excel 97-2003（.xls）格式不支持，请另存为 .xlsx", file=file)
    archive = SafeZip(data, file, "Excel (.xlsx)")
    book = _Workbook(archive, file)
    out = BlockBuilder(file, "xlsx", max_cells=MAX_CELLS)
    for name, path in book.sheets():
        rows = book.sheet_rows(path)
        if all(cell.col == 1 and cell.colspan == 1 for row in rows for cell in row):
            for row in rows:  # a one-column sheet is a page of text, not a table
                for cell in row:
                    out.paragraph(cell.text)
        else:
            out.grid(rows, sheet=name)
    return out.document
