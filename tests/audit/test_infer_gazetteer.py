"""``--pack auto`` recognises the province from a gazetteer of all provinces and prefectures."""

from __future__ import annotations

import pytest

from jixiao.model.document import Document, Paragraph
from jixiao.rules.infer import gazetteer, infer_pack, province_of


def test_gazetteer_has_every_provincial_division() -> None:
    data = gazetteer()
    assert len(data.provinces) == 34
    assert sum(1 for p in data.places if p.province == "新疆维吾尔自治区") == 15
    assert any(p.name == "延边朝鲜族自治州" and p.short == "延边" for p in data.places)


@pytest.mark.parametrize(
    ("document", "pack", "said"),
    [
        (Document(province="新疆"), "xinjiang", "新疆维吾尔自治区"),
        (Document(unit="昌吉回族自治州人力资源和社会保障局"), "xinjiang", "昌吉"),
        (Document(unit="延边州人社局"), "jilin", "延边"),
        (Document(unit="寻甸县人社局"), "yunnan", "寻甸"),
        (Document(unit="深圳市人力资源和社会保障局"), "national", "广东省"),
        (Document(province="广西"), "national", "广西壮族自治区"),
        (Document(paragraphs=[Paragraph(text="全年共接待来宾34人次")]), "national", "未在文件"),
        (Document(paragraphs=[Paragraph(text="地址：广西壮族自治区来宾市")]), "national", "广西"),
    ],
)
def test_inference(document: Document, pack: str, said: str) -> None:
    chosen, reason = infer_pack(document)
    assert chosen.name == pack and said in reason


def test_province_names() -> None:
    assert province_of("湖南省") == "湖南省"
    assert province_of("内蒙古") == "内蒙古自治区"
    assert province_of("昌吉") is None


def test_county_named_alone_gives_its_province() -> None:
    from jixiao.model import Document, ScoredEvaluation
    from jixiao.rules.infer import county_mentions, recognise_province

    form = ScoredEvaluation(name="填报单位：新邵县图书馆", indicators=[])
    province, why = recognise_province(Document(forms=[form]))
    assert province == "湖南省" and "新邵县" in why
    assert county_mentions("旺苍县卫生健康局") == [("四川省", "旺苍县")]
    assert county_mentions("朝阳区教育局") == []  # 朝阳区 is in two provinces: no evidence


def test_traditional_characters_are_matched_as_simplified() -> None:
    from jixiao.rules.infer import recognise_province

    prose = Document(paragraphs=[Paragraph(text="杜集區政府辦本年度經費支出決算説明")])
    assert recognise_province(prose) == ("安徽省", "正文中出现“杜集区”")
    stated = Document(province="廣東")
    assert recognise_province(stated)[0] == "广东省"


@pytest.mark.parametrize(
    "text",
    ["本單位地處開發區，轄城區三個社區", "经开区、高新区、市辖区的项目", "长安街沿线与城中区改造"],
)
def test_common_words_are_not_counties(text: str) -> None:
    from jixiao.rules.infer import recognise_province

    assert recognise_province(Document(paragraphs=[Paragraph(text=text)])) == (None, "")
