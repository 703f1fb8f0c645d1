"""The cycle checks on forms read from real files: the published examples and the
national template layout, through the one assessment."""

from __future__ import annotations

import copy
from pathlib import Path

from sheets import WRITERS, load
from test_recognize_cycle import TICKS

from jixiao.assessment import assess
from jixiao.audit.framework import Finding, Severity
from jixiao.ingest import ingest


def _findings(form: dict[str, object], tmp_path: Path, fmt: str = "docx") -> list[Finding]:
    path = tmp_path / f"form.{fmt}"
    WRITERS[fmt](form, path)
    return [f for f in assess(ingest(path).document).findings if f.code.startswith("JX8")]


def test_huangshi_spending_is_yellow(tmp_path: Path) -> None:
    findings = _findings(load("huangshi_2019_monitoring.yaml"), tmp_path)
    [spending] = [f for f in findings if f.code == "JX801"]
    # 87.57 / 220 = 39.8% of the budget after 6 months (50%): 79.6% of schedule
    assert spending.severity is Severity.WARNING and "黄灯" in spending.message
    assert "79.6%" in spending.message and spending.location.source is not None


def test_batang_funding_adds_up(tmp_path: Path) -> None:
    findings = _findings(load("ningxiang_batang_2021_declaration.yaml"), tmp_path, "xlsx")
    assert not [f for f in findings if f.code == "JX821"]


def test_sentence_funding_that_does_not_add_up_is_only_a_warning(tmp_path: Path) -> None:
    form = load("ningxiang_batang_2021_declaration.yaml")
    rows = form["rows"]
    rows[4] = [rows[4][0], rows[4][1].replace("3683.3970", "3600.0000"), *rows[4][2:]]
    [wrong] = [f for f in _findings(form, tmp_path) if f.code == "JX821"]
    assert wrong.severity is Severity.WARNING and "无法确定" in wrong.message
    assert (wrong.claimed, wrong.expected) == ("10606.7522", "10523.3552")


def test_national_template_findings(tmp_path: Path) -> None:
    findings = _findings(copy.deepcopy(TICKS), tmp_path, "xlsx")
    codes = sorted((f.code, f.severity.value, f.location.indicator) for f in findings)
    assert codes == [
        ("JX801", "error", None),  # 150 / 500 = 30% after 7 months: 51.4% of schedule
        ("JX802", "warning", 0),  # 30 / 120 km: 42.9% of schedule
        ("JX804", "warning", 1),  # 未开工
        ("JX805", "error", 0),  # 有可能: a cause ticked, no measure
        ("JX805", "error", 1),  # 完全不可能: neither
    ]


def test_missing_measure_is_only_a_warning_when_the_form_has_no_place_for_it(
        tmp_path: Path) -> None:
    form = copy.deepcopy(TICKS)
    form["rows"] = [row[:-1] for row in form["rows"]]  # no 整改措施 column
    unexplained = [f for f in _findings(form, tmp_path) if f.code == "JX805"]
    assert [f.severity for f in unexplained] == [Severity.WARNING, Severity.WARNING]
    assert all("没有整改措施栏" in f.message for f in unexplained)
