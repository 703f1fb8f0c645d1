"""Seed 004 (Xinjiang): the engine reproduces every printed score that follows the rule and
names each place that does not, against the hand-verified oracle."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import yaml

from helpers import SEEDS
from jixiao.decimals import parse_percent
from jixiao.model.io import load_document
from jixiao.rules.infer import infer_pack
from jixiao.scoring import FormResult, score_document

DOCUMENT = load_document(SEEDS / "seed004_xinjiang.yaml")
ORACLE: list[dict[str, Any]] = yaml.safe_load(
    (SEEDS / "seed004_expected.yaml").read_text("utf-8"))["forms"]
PACK, REASON = infer_pack(DOCUMENT)
RESULT = score_document(DOCUMENT, PACK)


def test_inferred_xinjiang() -> None:
    assert PACK.name == "xinjiang"
    assert "新疆" in REASON


def test_all_forms_scored() -> None:
    assert len(DOCUMENT.forms) == 17
    assert [f.name for f in RESULT.forms] == [o["name"] for o in ORACLE]


@pytest.mark.parametrize("index", range(17))
def test_form_against_oracle(index: int) -> None:
    oracle = ORACLE[index]
    form = RESULT.forms[index]
    assert isinstance(form, FormResult)
    assert form.computed_total == Decimal(str(oracle["total"]["expected"]))
    assert form.execution is not None
    if "execution" in oracle:
        assert form.execution.computed_score == Decimal(str(oracle["execution"]["expected"]))
        assert form.execution.agrees is False
    else:
        assert form.execution.agrees is True
    wrong_scores = {m["indicator"]: m for m in oracle["mismatches"]
                    if m["field"] == "claimed_score"}
    for item in form.indicators:
        if item.name in wrong_scores:
            assert item.agrees is False, item.name
            assert item.claimed_score == Decimal(str(wrong_scores[item.name]["claimed"]))
            assert item.computed_score == Decimal(str(wrong_scores[item.name]["expected"]))
        else:
            assert item.agrees is True, (item.name, item.claimed_score, item.computed_score)
    for mismatch in oracle["mismatches"]:
        if mismatch["field"] == "completion":
            item = next(i for i in form.indicators if i.name == mismatch["indicator"])
            assert item.computed_completion == parse_percent(mismatch["expected"])


def test_penalised_over_achievement_is_reproduced() -> None:
    form = RESULT.forms[6]
    assert isinstance(form, FormResult)
    scores = {i.name: i.computed_score for i in form.indicators}
    assert scores["农村劳动力外出务工人次数"] == Decimal("9.68")
    assert scores["脱贫人口稳岗就业人数"] == Decimal("9.06")
