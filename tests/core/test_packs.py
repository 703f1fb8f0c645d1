from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.errors import JixiaoError
from jixiao.model import Document, ProjectSelfEvaluation
from jixiao.model.evaluation import Indicator
from jixiao.rules.infer import infer_pack
from jixiao.rules.pack import builtin_pack_names, load_pack

REQUIRED = {"national", "xinjiang", "hunan", "hunan-reference", "yunnan", "jilin"}


def test_builtin_packs_load() -> None:
    assert set(builtin_pack_names()) >= REQUIRED
    for name in builtin_pack_names():
        pack = load_pack(name)
        assert pack.sources, name
        assert pack.grades[-1].min == 0


@pytest.mark.parametrize(("total", "grade"), [(Decimal("90"), "优"), (Decimal("89.99"), "良"),
                                              (Decimal("60"), "中"), (Decimal("59.99"), "差")])
def test_national_grades_without_gaps(total: Decimal, grade: str) -> None:
    assert load_pack("national").grade_for(total) == grade


def test_jilin_grade_names_and_aliases() -> None:
    pack = load_pack("jilin")
    assert pack.grade_for(Decimal("95.5")) == "优秀"
    assert "优" in pack.grade_names("优秀")


def test_xinjiang_overrides_ratio_rule() -> None:
    indicator = Indicator(level1="产出指标", name="x", weight=Decimal(10), target=">=1",
                          actual="2", rule="按照完成比例赋分")
    assert load_pack("xinjiang").rule_for("project_self_evaluation", indicator) == (
        "ratio", {"over": "penalize", "reverse": "inverse"})
    assert load_pack("national").rule_for("project_self_evaluation", indicator)[1] == {}


def test_rule_text_captures_parameters() -> None:
    indicator = Indicator(level1="投入", name="财政供养人员控制率", weight=Decimal(5),
                          rule="以100%为标准。在职人员控制率≤100%,计5分；每超过一个百分点扣0.5分，扣完为止。")
    kind, params = load_pack("hunan-reference").rule_for("scored_evaluation", indicator)
    assert kind == "deduction"
    assert params == {"direction": "over", "threshold": 100, "per_point": Decimal("0.5")}


def test_user_pack_file_extends_builtin(tmp_path: Path) -> None:
    path = tmp_path / "my.yaml"
    path.write_text("name: my\ntitle: 测试省\nextends: national\nsources: [测试]\n"
                    "total_caps:\n  - {below: 80, cap: 89}\n", "utf-8")
    pack = load_pack(str(path))
    assert pack.total_caps[0].cap == 89
    assert pack.grades[0].name == "优"


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        ("name: [", "E302", "YAML"),
        ("- a\n- b\n", "E302", "映射"),
        ("name: x\ntitle: t\ngrades:\n  - {min: 90, name: 优}\n  - {min: 80, name: 良}\n",
         "E305", "空档"),
        ("name: x\ntitle: t\nextends: national\nindicator_rules:\n  - {kind: nope}\n", "E305",
         "nope"),
        ("name: x\ntitle: t\nextends: national\nindicator_rules:\n"
         "  - {when: {rule_text: '('}, kind: ratio}\n", "E305", "正则"),
    ],
)
def test_bad_pack_files(tmp_path: Path, content: str, code: str, words: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(JixiaoError) as caught:
        load_pack(str(path))
    assert caught.value.code == code
    assert words in caught.value.message


def test_unknown_pack_and_cycle(tmp_path: Path) -> None:
    with pytest.raises(JixiaoError, match="E304"):
        load_pack("atlantis")
    path = tmp_path / "loop.yaml"
    path.write_text(f"name: loop\ntitle: t\nextends: {path}\n", "utf-8")
    with pytest.raises(JixiaoError, match="E303"):
        load_pack(str(path))


@pytest.mark.parametrize(
    ("document", "pack"),
    [
        (Document(province="新疆维吾尔自治区"), "xinjiang"),
        (Document(unit="怀化市劳动监察支队"), "hunan"),
        (Document(forms=[ProjectSelfEvaluation(name="x", unit="寻甸县人社局")]), "yunnan"),
        (Document(unit="延边州人力资源和社会保障局"), "jilin"),
        (Document(unit="某单位"), "national"),
    ],
)
def test_infer_pack(document: Document, pack: str) -> None:
    assert infer_pack(document)[0].name == pack
