"""Seed 004 (Xinjiang): every hand-verified finding of seed004_expected.yaml, with claimed and
expected values, and nothing where the oracle says the form is right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from auditing import audit, pick
from seedtext import with_prose

from helpers import SEEDS
from jixiao.audit.framework import Severity
from jixiao.model.io import load_document

DOCUMENT = load_document(SEEDS / "seed004_xinjiang.yaml")
ORACLE: dict[str, Any] = yaml.safe_load((SEEDS / "seed004_expected.yaml").read_text("utf-8"))
FINDINGS = audit(DOCUMENT)
FORMS = {form.name: n for n, form in enumerate(DOCUMENT.forms)}


def test_inferred_xinjiang_and_its_rule_is_not_flagged() -> None:
    penalised = pick(FINDINGS, "JX301", form=FORMS["农村劳动力外出务工工作经费"])
    assert penalised == []  # 13.41/13 → 9.68 follows Xinjiang's rule


@pytest.mark.parametrize(
    "oracle", [f for f in ORACLE["forms"] if f["mismatches"] or "execution" in f],
    ids=lambda f: f["name"],
)
def test_oracle_mismatches_are_reported(oracle: dict[str, Any]) -> None:
    form = FORMS[oracle["name"]]
    for mismatch in oracle["mismatches"]:
        code = "JX301" if mismatch["field"] == "claimed_score" else "JX208"
        found = pick(FINDINGS, code, form=form, indicator=mismatch["indicator"],
                     claimed=mismatch["claimed"], expected=mismatch["expected"])
        assert found, (code, mismatch)
    if "execution" in oracle:
        assert pick(FINDINGS, "JX204", form=form, claimed=oracle["execution"]["claimed"],
                    expected=oracle["execution"]["expected"])
        total = oracle["total"]
        assert pick(FINDINGS, "JX302", form=form, claimed=total["claimed"],
                    expected=total["expected"])


def test_truncated_completion_is_info_and_wrong_one_is_error() -> None:
    form = FORMS["就业工作经费"]
    truncated = pick(FINDINGS, "JX208", form=form, indicator="就业培训数据维护数量")
    wrong = pick(FINDINGS, "JX208", form=form, indicator="就业数据核验数量")
    assert [f.severity for f in truncated] == [Severity.INFO]
    assert [f.severity for f in wrong] == [Severity.ERROR]
    assert "四舍五入" in (wrong[0].tolerance or "")


def test_forms_the_oracle_calls_right_have_no_errors() -> None:
    wrong = {o["name"] for o in ORACLE["forms"] if o["mismatches"] or "execution" in o}
    wrong.add(DOCUMENT.forms[0].name)  # no total printed (other_findings)
    for finding in FINDINGS:
        name = DOCUMENT.forms[finding.location.form or 0].name
        if name not in wrong:
            assert finding.severity is not Severity.ERROR, finding


def test_other_findings_from_the_tables() -> None:
    department = FORMS["昌吉回族自治州人力资源和社会保障局"]
    assert pick(FINDINGS, "JX501", form=department, expected="99.60")
    over = pick(FINDINGS, "JX304", form=department)
    assert over and all(v in (over[0].expected or "") for v in ("14.22", "14.53", "8.09", "9.69"))
    assert pick(FINDINGS, "JX406", form=FORMS["农村劳动力外出务工工作经费"],
                claimed=">=13万人次", expected=">=13.6万人次")
    assert pick(FINDINGS, "JX406", form=FORMS["劳动保障监察工作经费"], claimed=">=2次",
                expected=">=4次")
    arbitration = FORMS["劳动人事争议调解仲裁工作经费"]
    missing = {f.location.indicator_name for f in pick(FINDINGS, "JX403", form=arbitration)}
    assert {"当期结案率（%）", "案件调解率（%）", "个案案件挽回当事人经济损失程度（%）"} <= missing
    employment = FORMS["就业工作经费"]
    missing = {f.location.indicator_name for f in pick(FINDINGS, "JX403", form=employment)}
    assert {"就业培训数据维护数量", "就业数据核验数量"} <= missing
    assert pick(FINDINGS, "JX404", form=employment, indicator="就失业登记数据维护成本")
    assert pick(FINDINGS, "JX408", form=FORMS["社保基金监督检查审计经费"],
                claimed="达到预期指标")


@pytest.fixture
def with_goals(shared: Path) -> list[Any]:
    seed = next((shared / "seeds").glob("004_*.txt"))
    return audit(with_prose(DOCUMENT, seed), "JX4", "JX7")


def test_other_findings_from_the_annual_goals(with_goals: list[Any]) -> None:
    def has(code: str, form: str, claimed: str, expected: str) -> bool:
        return bool(pick(with_goals, code, form=FORMS[form], claimed=claimed, expected=expected))

    assert has("JX405", "2019年自治区高层次人才引进工程专项经费", ">=13篇", "15篇")
    assert has("JX405", "劳动人事争议调解仲裁工作经费", ">=225件", "200件")
    assert has("JX405", "劳动人事争议调解仲裁工作经费", "<=3.91万元", "4.5万元")
    assert has("JX706", "劳动人事争议调解仲裁工作经费", ">=99%", "93%")
    assert has("JX405", "劳动人事争议调解仲裁工作经费", "=100%", "93%")
    assert has("JX405", "昌吉州“庭州英才”人才计划2024年支持资金", ">=29人", "46名")
    assert has("JX706", "事业单位新聘人员岗前公共科目培训工作", "<=5天", ">=5天")
    assert has("JX706", "州人社局尾款项目", "<=8.89万元", "8.895万元")
    assert has("JX705", "州人社局尾款项目", "74.01万元", "74.136万元")
