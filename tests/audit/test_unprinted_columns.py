"""A blank is an omission only where the form prints a place for it: forms whose layout has
no 偏差原因 column or no 执行率 column are not told to fill them in (JX403, JX504)."""

from __future__ import annotations

from pathlib import Path

from jixiao.assessment import assess
from jixiao.ingest import ingest
from jixiao.rules.infer import resolve_pack

FUNDING_WITH_RATE = "资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分"
FUNDING_WITHOUT_RATE = "资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t得分"
INDICATORS = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"


def _form(tmp_path: Path, funding_header: str, deviation: bool) -> set[str]:
    rate = "\t" if "执行率" in funding_header else ""
    lines = [
        "项目支出绩效自评表",
        "项目名称\t乡村道路养护",
        funding_header,
        f"年度资金总额\t100\t100\t90\t10{rate}\t",  # rate and score left blank
        INDICATORS + ("\t偏差原因分析及改进措施" if deviation else ""),
        "产出指标\t数量指标\t养护里程\t≥100公里\t80公里\t50\t40" + ("\t" if deviation else ""),
        "效益指标\t社会效益指标\t通行条件改善\t明显改善\t明显改善\t30\t30",
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t10",
    ]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = ingest(path).document
    pack, reason = resolve_pack("auto", document)
    return {f.code + ":" + f.message for f in assess(document, pack, pack_reason=reason).findings}


def test_columns_printed_blank_are_reported(tmp_path: Path) -> None:
    found = _form(tmp_path, FUNDING_WITH_RATE, deviation=True)
    assert any(f.startswith("JX403:") and "未填写偏差原因" in f for f in found)
    assert any(f.startswith("JX504:执行率未填写") for f in found)


def test_columns_not_printed_are_not_asked_for(tmp_path: Path) -> None:
    found = _form(tmp_path, FUNDING_WITHOUT_RATE, deviation=False)
    assert not any(f.startswith("JX403:") for f in found)
    assert not any(f.startswith("JX504:执行率未填写") for f in found)
    assert any(f.startswith("JX504:执行率得分未填写") for f in found)  # its column is printed
