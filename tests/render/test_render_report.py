"""docx reports: outline, generated sentences, charts, placeholders, templates, findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from lxml import etree

from jixiao.assessment import assess
from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.model.evaluation import DepartmentSelfEvaluation
from jixiao.render.demo import load_sample
from jixiao.render.report import ReportOptions, write_report
from jixiao.rules.infer import resolve_pack
from jixiao.rules.pack import Pack

DEPARTMENT_OUTLINE = [
    "一、部门（单位）基本情况",
    "二、部门整体支出管理及使用情况",
    "三、绩效自评工作开展情况",
    "四、部门整体支出绩效情况",
    "五、存在的问题及原因分析",
    "六、下一步改进措施",
    "七、其他需要说明的情况",
    "附件",
]
PROJECT_OUTLINE = [
    "一、项目基本情况",
    "二、绩效评价工作开展情况",
    "三、综合评价情况及评价结论",
    "四、绩效评价指标分析",
    "五、主要经验及做法、存在的问题及原因分析",
    "六、有关建议",
    "七、其他需要说明的问题",
    "附件",
]
INTERNAL_WORDS = (
    "规则包",
    "识别为",
    "xinjiang",
    "hunan",
    "national",
    "（0分及以上）",
    "以计算结果为准",
)


def _text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def xinjiang_report(
    seed004: tuple[Document, Pack, str], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    document, pack, reason = seed004
    path = tmp_path_factory.mktemp("docx") / "seed004.docx"
    summary = write_report(
        assess(document, pack, pack_reason=reason), path, ReportOptions(with_findings=True)
    )
    assert summary.charts == 3
    assert summary.annexes == 18  # 17 score tables + findings
    assert summary.findings is not None
    return path


def test_outline_in_order(xinjiang_report: Path) -> None:
    document = docx.Document(str(xinjiang_report))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == DEPARTMENT_OUTLINE
    title = document.paragraphs[0]
    assert title.style.name == "Title"
    assert (
        title.text == "昌吉回族自治州人力资源和社会保障局2024年度部门（单位）整体支出绩效自评报告"
    )


def test_quantitative_sentences_come_from_the_engine(xinjiang_report: Path) -> None:
    text = _text(docx.Document(str(xinjiang_report)))
    assert (
        "年初预算数2,317.88万元，全年预算数4,329.46万元，全年执行数4,155.92万元，"
        "预算执行率95.99%，得9.60分（分值10分）" in text
    )
    assert "未执行173.54万元" in text
    # the unit left the total blank: the report gives what the form's SUM shows
    assert "绩效综合得分99.60分（满分100分），评价等次为“优”" in text
    body = text[: text.index("\n附件\n")]  # the findings annex quotes the checks' messages
    assert not [word for word in INTERNAL_WORDS if word in body]
    assert "“实现城镇新增就业人数”（分值15分）：目标值≥2.30万人，实际完成2.42万人" in text
    # Project forms are summarised with computed totals and annexed.
    assert "本年度开展绩效自评的项目共16个" in text
    assert "附件2：2019年自治区高层次人才引进工程专项经费项目支出绩效自评表" in text
    assert "审核发现" in text


def test_missing_narrative_is_a_highlighted_placeholder(xinjiang_report: Path) -> None:
    document = docx.Document(str(xinjiang_report))
    marked = [
        run
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.text.startswith("【待填写：")
    ]
    labels = {run.text for run in marked}
    assert "【待填写：主要经验及做法】" in labels
    assert "【待填写：存在的问题及原因分析】" in labels
    assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in marked)


def test_charts_are_embedded(xinjiang_report: Path) -> None:
    document = docx.Document(str(xinjiang_report))
    assert len(document.inline_shapes) == 3
    captions = [p.text for p in document.paragraphs if p.text.startswith("图")]
    assert captions == [
        "图1  预算执行情况（按资金来源）",
        "图2  一级指标分值与得分",
        "图3  各项指标分值与得分",
    ]


def test_official_style_fonts_page_and_numbers(xinjiang_report: Path) -> None:
    """GB/T 9704: A4 and its margins, East Asian font names in defaults and styles."""
    document = docx.Document(str(xinjiang_report))
    east_asia = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"

    def font(style: str) -> str | None:
        value: str | None = document.styles[style].element.rPr.rFonts.get(east_asia)
        return value

    assert font("Normal") == "仿宋_GB2312"
    assert font("Title") == "方正小标宋简体"
    assert [font(f"Heading {n}") for n in (1, 2, 3)] == ["黑体", "楷体_GB2312", "仿宋_GB2312"]
    assert document.styles["Normal"].font.size.pt == 16
    assert document.styles["Heading 3"].font.bold
    defaults = document.styles.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults"
    )
    assert defaults is not None and 'w:eastAsia="仿宋_GB2312"' in etree.tostring(
        defaults, encoding="unicode"
    )
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml


def test_score_table_merges_level1_cells(xinjiang_report: Path) -> None:
    document = docx.Document(str(xinjiang_report))
    annex = next(
        t for t in document.tables if t.rows[0].cells[0].text == "一级指标" and len(t.columns) == 8
    )
    column = [row.cells[0] for row in annex.rows]
    # A merged cell is the same object for every row it spans.
    assert len({id(c._tc) for c in column}) < len(column)


def test_narrative_fills_sections(tmp_path: Path) -> None:
    document = load_sample()
    pack, reason = resolve_pack("auto", document)
    path = tmp_path / "demo.docx"
    summary = write_report(assess(document, pack, pack_reason=reason), path, ReportOptions())
    assert summary.placeholders == []
    text = _text(docx.Document(str(path)))
    assert "一是建立活动场地备用清单" in text
    # The report shows the filed figures like the form, and says what they should be.
    assert "绩效综合得分98.50分（满分100分）" in text
    assert "经审核，自评表填报总分98.50分，按评分规则计算为98.41分" in text
    assert "填报执行率得分9.58分，按评分规则应为9.57分" in text
    assert "以计算结果为准" not in text
    recomputed = tmp_path / "recomputed.docx"
    write_report(
        assess(document, pack, pack_reason=reason), recomputed, ReportOptions(recomputed=True)
    )
    text = _text(docx.Document(str(recomputed)))
    assert "绩效综合得分98.41分（满分100分）" in text
    assert "本报告采用按评分规则计算的结果，与所附自评表一致" in text


def test_unknown_narrative_section_is_an_error(tmp_path: Path) -> None:
    document = load_sample()
    form = document.forms[0]
    assert isinstance(form, DepartmentSelfEvaluation)
    form.narrative = {"experiance": "拼错了"}
    pack, _ = resolve_pack("auto", document)
    with pytest.raises(JixiaoError) as error:
        write_report(assess(document, pack), tmp_path / "x.docx")
    assert error.value.code == "E543"
    assert "experiance" in error.value.message


def test_template_styles_are_reused(tmp_path: Path) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Courier New"
    template.styles["Normal"].font.size = docx.shared.Pt(9)
    template.add_paragraph("模板里的旧内容")
    template_path = tmp_path / "template.docx"
    template.save(str(template_path))
    document = load_sample()
    pack, _ = resolve_pack("auto", document)
    path = tmp_path / "templated.docx"
    write_report(assess(document, pack), path, ReportOptions(template=template_path, charts=False))
    result = docx.Document(str(path))
    assert result.styles["Normal"].font.name == "Courier New"
    assert result.styles["Normal"].font.size == docx.shared.Pt(9)
    assert "模板里的旧内容" not in _text(result)
    assert len(result.inline_shapes) == 0
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(JixiaoError) as error:
        write_report(assess(document, pack), tmp_path / "y.docx", ReportOptions(template=bad))
    assert error.value.code == "E542"


def test_form_choice(seed004: tuple[Document, Pack, str], tmp_path: Path) -> None:
    document, pack, _ = seed004
    path = tmp_path / "project.docx"
    summary = write_report(assess(document, pack), path, ReportOptions(form=11, charts=False))
    assert summary.form_name == "州人社局尾款项目"
    text = _text(docx.Document(str(path)))
    assert text.startswith("州人社局尾款项目2024年度项目支出绩效自评报告")
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    assert headings == PROJECT_OUTLINE
    assert "自评表填报总分99.90分，按评分规则计算为99.98分" in text
    assert "（经审核，按评分规则应得4.00分。）" in text
    with pytest.raises(JixiaoError) as error:
        write_report(assess(document, pack), path, ReportOptions(form=99))
    assert error.value.code == "E544"


def test_scores_in_sentences_use_half_up(tmp_path: Path) -> None:
    document = load_sample()
    pack, _ = resolve_pack("auto", document)
    path = tmp_path / "demo.docx"
    write_report(assess(document, pack), path, ReportOptions(charts=False, recomputed=True))
    text = _text(docx.Document(str(path)))
    # 1298.75 / 1356.40 = 95.7497…% → 95.75%; 10 × 0.957497… = 9.57497… → 9.57
    assert "预算执行率95.75%，得9.57分" in text
    assert Decimal("1298.75") / Decimal("1356.40") < Decimal("0.9575")
