"""With no province identified the national pack is assumed: a rule finding is a warning,
unless the printed figure is wrong under every built-in pack's rule (then still an error)."""

from __future__ import annotations

from pathlib import Path

from jixiao.assessment import assess
from jixiao.audit.every_pack import wrong_under_every_pack
from jixiao.audit.framework import Severity
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.recognize import recognize
from jixiao.model import Document
from jixiao.rules.pack import load_pack

HEADER = "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分"
FUNDING = [
    "资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t80\t80\t80\t10\t100%\t10",
]


def _document(*rows: str, total: str) -> Document:
    lines = [*FUNDING, HEADER, *rows, f"总分\t\t\t100\t\t\t{total}"]
    text = "某中心项目支出绩效自评表\n\n" + "\n".join(lines) + "\n"  # names no province
    return recognize(read_text(text, "form.txt")).document


ROWS = [
    "产出指标(50分)\t数量指标\t巡查次数\t30\t≥200次\t240次\t30",
    "\t质量指标\t整改完成率\t20\t≥90%\t92%\t20",
    "效益指标(30分)\t社会效益指标\t隐患发现数\t30\t≥40处\t45处\t30",
]


def test_score_wrong_under_every_pack_stays_an_error_when_province_unknown() -> None:
    wrong = "满意度指标(10分)\t满意度指标\t群众满意度\t10\t≥85%\t93%\t6"
    assessment = assess(_document(*ROWS, wrong, total="96"), select=["JX301", "JX302"])
    assert assessment.pack_assumed
    found = {f.code: f for f in assessment.findings}
    assert found["JX301"].severity is Severity.ERROR
    assert "未识别出省份" in found["JX301"].message
    assert "评分规则系假定" not in found["JX301"].message
    assert found["JX302"].severity is Severity.ERROR


def test_score_some_pack_allows_is_a_warning(tmp_path: Path) -> None:
    # A pack that deducts for over-achievement allows the printed 15 for 150 of 100.
    penalising = tmp_path / "penalising.yaml"
    penalising.write_text(
        "name: penalising\nextends: national\ntitle: 超额扣分\ndescription: 测试\n"
        "sources: [测试]\nplaces: []\nindicator_rules:\n"
        "  - when: {form: [project_self_evaluation]}\n"
        "    kind: ratio\n    params: {over: penalize}\n",
        encoding="utf-8",
    )
    over = "产出指标(50分)\t数量指标\t巡查次数\t30\t≥100次\t150次\t15"
    met = "满意度指标(10分)\t满意度指标\t群众满意度\t10\t≥85%\t93%\t10"
    document = _document(over, *ROWS[1:], met, total="85")
    packs = [load_pack("national"), load_pack(str(penalising))]
    assert not wrong_under_every_pack(document, 0, 0, "claimed_score", packs)
    assert wrong_under_every_pack(document, 0, 0, "claimed_score", packs[:1])


def test_qualitative_score_inside_every_packs_band_is_no_finding() -> None:
    inside = "满意度指标(10分)\t满意度指标\t服务态度\t10\t良好\t良好\t9"
    outside = inside[: inside.rindex("\t")] + "\t3"
    assert assess(_document(*ROWS, inside, total="99"), select=["JX301"]).findings == []
    found = assess(_document(*ROWS, outside, total="93"), select=["JX301"]).findings
    assert [(f.severity, f.claimed) for f in found] == [(Severity.ERROR, "3")]
