"""A 60-indicator form: page breaks only before level-1 groups, the header repeated, and
LibreOffice prints it on the pages the breaks imply (issue 15)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from jixiao.assessment import assess
from jixiao.model.document import Document
from jixiao.render.demo import load_sample
from jixiao.render.xlsx import FormsOptions, write_forms
from jixiao.rules.infer import resolve_pack
from jixiao.rules.pack import Pack


def _long_document(document: Document) -> Document:
    form = document.forms[0]
    base = form.indicators  # type: ignore[union-attr]
    # each indicator repeated in order, so level-1 groups stay contiguous
    many = [base[n * len(base) // 60].model_copy(update={"name": f"指标项{n}"}) for n in range(60)]
    long_form = form.model_copy(update={"indicators": many})
    return document.model_copy(update={"forms": [long_form]})


def _printed(soffice: str, xlsx: Path) -> tuple[int, list[str]]:
    """``xlsx`` printed to PDF by LibreOffice: its page count (pdfinfo) and each page's text."""
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(xlsx.parent), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = xlsx.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return pages, text.split("\f")[:pages]


def test_sixty_indicators_break_between_level1_groups(
    seed004: tuple[Document, Pack, str], tmp_path: Path, soffice: str, poppler: None
) -> None:
    document, pack, _ = seed004
    long_document = _long_document(document)
    path = tmp_path / "long.xlsx"
    summary = write_forms(assess(long_document, pack), path, FormsOptions(recomputed=True))
    ws = load_workbook(path).worksheets[0]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert ws.print_title_rows is not None, "the indicator header repeats on every page"
    header = int(ws.print_title_rows.split(":")[0].strip("$"))
    level1 = {r.min_row for r in ws.merged_cells.ranges if r.min_col == 2 and r.min_row > header}
    assert all(b + 1 in level1 for b in breaks), "a break falls inside a level-1 group"
    assert header not in breaks, "the header is never left alone at the foot of a page"
    pages, printed = _printed(soffice, path)
    review = sum("审核说明" in page for page in printed)
    # the estimate the breaks rest on errs by at most one page, on the safe side
    estimate = summary.pages[ws.title]
    assert 1 < estimate - 1 <= pages - review <= estimate
    for number, page in enumerate(printed, start=1):
        assert f"第{number}页，共{pages}页" in "".join(page.split())  # the footer fits the page
    # its weights sum far above 100: the export says so, and so does the 审核说明 sheet
    assert any("超过100分" in w for w in summary.warnings)
    assert "超过100分" in "".join("".join(printed).split())


def test_layout_file_adds_breakdown_rows_and_signature_lines(
    seed004: tuple[Document, Pack, str], tmp_path: Path
) -> None:
    document, pack, _ = seed004
    path = tmp_path / "hunan.xlsx"
    write_forms(assess(document, pack), path, FormsOptions(layout="hunan"))
    ws = load_workbook(path).worksheets[0]
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"按收入性质分：", "按支出性质分："} <= texts  # the layout's funding breakdown rows
    last = [c.value for c in ws[ws.max_row] if c.value]
    assert last == ["填表人：", "填报日期：", "联系电话：", "单位（盖章）："]


def test_the_indicator_header_is_never_left_alone_under_the_funding_block(
    tmp_path: Path, soffice: str, poppler: None
) -> None:
    """The sample department form: its funding block and targets fill most of page 1, its
    first level-1 group does not fit below them. The group starts under its header and runs
    on; no break leaves the header alone at the foot of page 1."""
    document = load_sample()
    pack, _ = resolve_pack("auto", document)
    path = tmp_path / "sample.xlsx"
    write_forms(assess(document, pack), path)
    ws = load_workbook(path).worksheets[0]
    assert ws.print_title_rows is not None
    header = int(ws.print_title_rows.split(":")[0].strip("$"))
    assert header not in [b.id for b in ws.row_breaks.brk]
    _, printed = _printed(soffice, path)
    assert "产出指标" in "".join(printed[0].split()), "rows follow the header on page 1"
