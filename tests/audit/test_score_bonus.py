"""JX104 reads the criteria: points above the weight are an error unless the criteria text
explicitly allows extra points (then a warning asking for the basis)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from auditing import audit

from jixiao.audit.framework import Severity


def form(criteria: str, score: int) -> dict[str, object]:
    return {
        "format_version": 1,
        "province": "广东",
        "year": 2024,
        "forms": [{
            "type": "project_self_evaluation",
            "name": "乡村道路养护",
            "year": 2024,
            "indicators": [
                {"level1": "过程指标", "level2": "组织实施", "name": "部署落实", "weight": 2,
                 "rule": criteria, "target": "完成", "actual": "完成", "claimed_score": score},
                {"level1": "产出指标", "level2": "数量指标", "name": "养护里程", "weight": 98,
                 "target": ">=40公里", "actual": "41公里", "claimed_score": 98},
            ],
            "total_weight": 100,
        }],
    }  # fmt: skip


def run(tmp_path: Path, criteria: str, score: int) -> list[Severity]:
    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump(form(criteria, score), allow_unicode=True), "utf-8")
    return [f.severity for f in audit(path, "JX104") if f.location.indicator_name == "部署落实"]


@pytest.mark.parametrize("criteria", [
    "列入年度重点工作的得2分；获上级表扬的每次加1分，最多加2分",
    "按时部署得2分，经验被推广的奖励1分",
    "部署到位得满分，另有创新做法的可酌情加分",
])  # fmt: skip
def test_criteria_allowing_extra_points_make_a_warning(tmp_path: Path, criteria: str) -> None:
    assert run(tmp_path, criteria, 3) == [Severity.WARNING]


@pytest.mark.parametrize("criteria", [
    "列入年度重点工作的得2分，未列入的扣1分",
    "部署到位得2分，其他情形不加分",
    "",
])  # fmt: skip
def test_criteria_without_extra_points_make_an_error(tmp_path: Path, criteria: str) -> None:
    assert run(tmp_path, criteria, 3) == [Severity.ERROR]


def test_score_within_weight_is_quiet_whatever_the_criteria(tmp_path: Path) -> None:
    assert run(tmp_path, "每次加1分，最多加2分", 2) == []
