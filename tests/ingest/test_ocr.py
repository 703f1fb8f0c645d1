"""OCR of a table image drawn here, and the auditor's care with uncertain readings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from forms import sample_project
from PIL import Image, ImageDraw, ImageFont

from jixiao.audit.framework import Severity, run_audit
from jixiao.errors import JixiaoError
from jixiao.ingest import read_raw
from jixiao.ingest.readers.ocr import engine_available
from jixiao.model import Document
from jixiao.model.common import SourceRef
from jixiao.rules.infer import resolve_pack

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
ROWS = [["指标名称", "分值", "得分"], ["巡查里程", "30", "28"], ["群众满意度", "20", "19.5"]]
needs_ocr = pytest.mark.skipif(not engine_available(), reason="未安装 OCR 组件")


def _table_image(path: Path) -> None:
    if not FONT.exists():
        pytest.skip("没有中文字体")
    font = ImageFont.truetype(str(FONT), 24)
    image = Image.new("RGB", (760, 330), "white")
    draw = ImageDraw.Draw(image)
    draw.text((60, 20), "项目绩效自评表", fill="black", font=font)
    xs, ys = [60, 360, 540, 720], [80, 160, 240, 320]
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill="black", width=2)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill="black", width=2)
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            draw.text((xs[c] + 14, ys[r] + 24), text, fill="black", font=font)
    image.save(path, dpi=(150, 150))


@needs_ocr
def test_image_table_cells_with_confidence(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    _table_image(path)
    raw = read_raw(path)
    (grid,) = raw.grids
    assert [[c.text for c in row] for row in grid.rows] == ROWS
    assert all(0 < (c.confidence or 0) <= 1 and c.page == 1 for row in grid.rows for c in row)
    assert [p.text for p in raw.paragraphs] == ["项目绩效自评表"]


def test_broken_image(tmp_path: Path) -> None:
    path = tmp_path / "x.jpg"
    path.write_bytes(b"\xff\xd8 not really a jpeg")
    with pytest.raises(JixiaoError) as error:
        read_raw(path)
    assert error.value.code in ("E441", "E442")


def _audit(document: Document) -> list[tuple[str, Severity, str]]:
    pack, reason = resolve_pack("auto", document)
    return [(f.code, f.severity, f.message) for f in run_audit(document, pack, pack_reason=reason)]


def test_uncertain_cell_never_gives_an_error() -> None:
    form = sample_project()
    form.claimed_total = Decimal("80.00")  # the total is wrong: an error when read for sure
    errors = [f for f in _audit(Document(forms=[form])) if f[1] is Severity.ERROR]
    assert errors
    form.indicators[0].sources["claimed_score"] = SourceRef(
        table=1, row=8, col=8, text="18.50", page=2, confidence=0.62)
    findings = _audit(Document(forms=[form]))
    assert not [f for f in findings if f[1] is Severity.ERROR]
    downgraded = [f for f in findings if f[2].startswith("识别不确定")]
    assert {f[0] for f in downgraded} == {f[0] for f in errors}
    assert all("第2页" in f[2] and "0.62" in f[2] for f in downgraded)


def test_confident_cells_keep_their_errors() -> None:
    form = sample_project()
    form.claimed_total = Decimal("80.00")
    form.indicators[0].sources["claimed_score"] = SourceRef(text="18.50", confidence=0.99)
    assert [f for f in _audit(Document(forms=[form])) if f[1] is Severity.ERROR]
