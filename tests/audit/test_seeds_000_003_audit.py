"""Seeds 000–003: every finding of seeds_000_003_expected.yaml that the tables show is
reported with its code, claimed and expected values; the narrative ones with the report
text (../shared/seeds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from auditing import audit, pick
from seedtext import with_prose

from helpers import SEEDS
from jixiao.model.io import load_document

ORACLE: list[dict[str, Any]] = yaml.safe_load(
    (SEEDS / "seeds_000_003_expected.yaml").read_text("utf-8"))["forms"]
# oracle kind → (check code, which values to compare: "both", "claimed" or "")
KINDS: dict[str, tuple[str, str]] = {
    "items_vs_total_weight": ("JX103", "both"),
    "items_vs_claimed_total": ("JX201", "both"),
    "title_mismatch": ("JX110", ""),
    "actual_is_score": ("JX409", ""),
    "staff_control_rate": ("JX213", "both"),
    "subitems_vs_total": ("JX214", "both"),
    "budget_overrun": ("JX215", "both"),
    "missing_budget": ("JX509", ""),
    "execution_rate_printed": ("JX203", "both"),
    "initial_gt_adjusted": ("JX206", "both"),
    "deduction_without_reason": ("JX411", "both"),
    "placeholder_rows": ("JX505", "both"),
    "blank_funding": ("JX503", ""),
    "group_weight_mismatch": ("JX101", "both"),
    "group_score_exceeds_weight": ("JX104", "both"),
    "score_without_weight": ("JX507", "both"),
    "misplaced_indicator": ("JX410", ""),
    "empty_name": ("JX506", ""),
    "missing_rule": ("JX508", ""),
    "rule_points_vs_weight": ("JX108", "both"),
    "garbled_name": ("JX412", "claimed"),
    "blank_total_score": ("JX501", ""),
    "blank_grade": ("JX502", ""),
    "no_weights": ("JX507", ""),
    "empty_indicator": ("JX506", ""),
    "value_as_name": ("JX412", "claimed"),
    "blank_executed": ("JX503", "both"),
    "qualitative_actual": ("JX408", "claimed"),
    "group_weight_conflict": ("JX107", "both"),
    "score_contradicts_rule": ("JX301", "both"),
    "score_exceeds_rule_max": ("JX108", "both"),
    "name_weight_mismatch": ("JX106", "both"),
    "code_group_mismatch": ("JX109", ""),
    "evidence_year": ("JX413", ""),
    "counts_exceed_valid": ("JX209", "both"),
    "total_points": ("JX210", "both"),
    "average_score": ("JX211", "both"),
    "option_labels": ("JX212", ""),
}
# Found by reading the tables the way the printed page is laid out, not derivable from the
# transcribed values: shifted columns, a 绩效 label, a merged weight cell, a rule typo/gap.
NOT_DERIVABLE = {"shifted_columns", "level_label", "merged_weight", "rule_typo", "rule_gap"}
FINDINGS = {
    name: audit(SEEDS / name)
    for name in sorted({form["file"] for form in ORACLE})
}
CASES = [
    (form["file"], form["form"], finding)
    for form in ORACLE
    for finding in form.get("findings", [])
    if finding["kind"] not in NOT_DERIVABLE
]


def test_every_oracle_kind_is_mapped() -> None:
    kinds = {f["kind"] for form in ORACLE for f in form.get("findings", [])}
    assert kinds <= set(KINDS) | NOT_DERIVABLE


@pytest.mark.parametrize("file,form,finding", CASES,
                         ids=[f"{c[0][:7]}-{c[1]}-{c[2]['kind']}" for c in CASES])
def test_oracle_finding_is_reported(file: str, form: int, finding: dict[str, Any]) -> None:
    code, compare = KINDS[finding["kind"]]
    values: dict[str, object] = {"form": form}
    if compare:
        values["claimed"] = finding["claimed"]
    if compare == "both":
        values["expected"] = finding["expected"]
    assert pick(FINDINGS[file], code, **values), (code, finding["what"])


def test_recomputed_values_stay_quiet_where_the_oracle_checked() -> None:
    # seed 003 questionnaire: only question 7 exceeds the valid count.
    survey = pick(FINDINGS["seed003_yunnan.yaml"], "JX209")
    assert [f.claimed for f in survey] == ["50"]
    # seed 002: the 项目支出绩效评价指标体系 adds up (weights 100, scores 98).
    assert not pick(FINDINGS["seed002_hunan_reference.yaml"], "JX201", form=1)
    assert not pick(FINDINGS["seed002_hunan_reference.yaml"], "JX103", form=1)


@pytest.fixture
def narrative(shared: Path) -> list[Any]:
    seed = next((shared / "seeds").glob("003_*.txt"))
    document = with_prose(load_document(SEEDS / "seed003_yunnan.yaml"), seed)
    return audit(document, "JX6", "JX7")


def test_narrative_checks_of_seed_003(narrative: list[Any]) -> None:
    oracle = next(f for f in ORACLE if f["seed"] == "003" and f["form"] == 0)
    by_label = {"A部门决策": "部门决策", "A2部门职能": "部门职能", "B1预算管理": "预算管理",
                "B部门管理": "部门管理", "C2部门效果": "部门效果"}
    for item in oracle["narrative_checks"]:
        if item["kind"] == "narrative_vs_table":
            label = by_label[item["where"]]
            assert [f for f in pick(narrative, "JX707", claimed=item["claimed"],
                                    expected=item["expected"]) if label in f.message], item
    assert pick(narrative, "JX708", claimed=8, expected=9)
    # 三公 items summed in prose: the final-accounts check judges 2.79 (its items are
    # keyed); the sum of unkeyed prose items stays with JX705
    assert pick(narrative, "JX606", claimed="2.79", expected="2.78")
    assert pick(narrative, "JX705", claimed="20.50万元", expected="20.51万元")
    assert pick(narrative, "JX701", claimed="23人", expected="32人")


@pytest.fixture
def accounts_prose(shared: Path) -> list[Any]:
    seed = next((shared / "seeds").glob("001_*.txt"))
    document = with_prose(load_document(SEEDS / "seed001_hunan.yaml"), seed)
    return audit(document, "JX6", "JX7")


def test_final_accounts_sentences_of_seed_001(accounts_prose: list[Any]) -> None:
    """Each slip of the explanation is read by one reader and reported once: by the
    final-accounts check (JX6xx) where it judges the figure, else by the prose check."""

    def has(codes: tuple[str, str], claimed: str, expected: str, severity: str = "error") -> bool:
        found = [
            f
            for code in codes
            for sign in ("", "-")
            for f in pick(accounts_prose, code, claimed=sign + claimed.rstrip("%"),
                          expected=sign + expected.rstrip("%"))
        ]
        spots = [(f.location.source.paragraph, f.location.source.start)
                 for f in found if f.location.source is not None]
        once = len(spots) == len(set(spots)) == len(found)
        return bool(found) and once and all(f.severity.value == severity for f in found)

    share, growth, budget = ("JX603", "JX702"), ("JX604", "JX703"), ("JX605", "JX704")
    assert has(share, "0.79%", "79.15%")  # 171.38 / 216.53, the ratio printed as a percent
    assert has(share, "19%", "18.31%")  # 31.84 / 173.86
    assert has(share, "81%", "81.69%", "warning")  # truncated
    assert has(growth, "0.14%", "14.35%")  # 36.28 / (216.53 + 36.28)
    assert has(growth, "82%", "84.81%")  # 2.68 / (0.48 + 2.68)
    assert has(growth, "13%", "13.80%", "warning")
    assert has(budget, "91%", "72.29%")  # 171.38 / 237.06
    assert any(
        f.claimed in ("17", "17%") and f.expected is not None and "预算" in f.expected
        for code in budget for f in pick(accounts_prose, code)
    )
