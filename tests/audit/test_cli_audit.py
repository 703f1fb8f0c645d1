"""``jixiao audit`` and ``jixiao checks`` run as a user runs them (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES, SEEDS

JIXIAO = [sys.executable, "-m", "jixiao.cli.main"]


def jixiao(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*JIXIAO, *args], capture_output=True, text=True, timeout=180,
                          check=False)


def test_json_findings_carry_everything() -> None:
    done = jixiao("audit", str(SEEDS / "seed004_xinjiang.yaml"), "--format", "json")
    assert done.returncode == 1, done.stderr  # errors found
    result = json.loads(done.stdout)
    assert result["documents"][0]["pack"] == "xinjiang"
    assert "新疆" in result["documents"][0]["pack_reason"]
    finding = next(f for f in result["findings"] if f["code"] == "JX204")
    assert {"document", "code", "severity", "title", "message", "location", "claimed",
            "expected", "tolerance"} <= set(finding)
    assert finding["location"]["form_name"] == "州人社局尾款项目"
    assert (finding["claimed"], finding["expected"]) == ("10.00", "9.98")
    assert result["summary"]["error"] >= 1 and "JX204" in result["summary"]["by_code"]


def test_correct_forms_exit_zero_and_table_says_why_the_pack() -> None:
    done = jixiao("audit", str(FIXTURES / "correct"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "识别为广东省" in done.stdout and "national" in done.stdout
    assert "未发现问题" in done.stdout


def test_select_ignore_by_family_and_code() -> None:
    seed = str(SEEDS / "seed003_yunnan.yaml")
    only = json.loads(jixiao("audit", seed, "-f", "json", "--select", "JX2").stdout)
    assert only["findings"] and all(f["code"].startswith("JX2") for f in only["findings"])
    rest = json.loads(jixiao("audit", seed, "-f", "json", "--select", "JX2",
                             "--ignore", "JX209,JX212").stdout)
    assert {f["code"] for f in rest["findings"]} == {"JX210", "JX211"}


def test_unknown_code_is_a_usage_error() -> None:
    done = jixiao("audit", str(SEEDS / "seed003_yunnan.yaml"), "--select", "JX999")
    assert done.returncode == 2 and "E601" in done.stderr


def test_bad_file_is_reported_and_the_others_audited(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("forms: [1, 2", "utf-8")
    good = tmp_path / "nested" / "good.yaml"
    good.parent.mkdir()
    good.write_text((FIXTURES / "correct" / "project.yaml").read_text("utf-8"), "utf-8")
    done = jixiao("audit", str(tmp_path), "-f", "json")
    assert done.returncode == 2
    result = json.loads(done.stdout)
    assert [d["file"] for d in result["documents"]] == [str(good)]
    assert result["failures"][0]["code"] == "E102" and "YAML" in result["failures"][0]["message"]
    assert "无法读取" in done.stderr


def test_html_report_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = jixiao("audit", str(SEEDS / "seed001_hunan.yaml"), "-f", "html", "-o", str(out))
    assert done.returncode == 1
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert "JX203" in page and "80&amp;" in page and "show-error" in page
    assert "怀化市劳动监察支队" in page


def test_checks_lists_every_check() -> None:
    done = jixiao("checks")
    assert done.returncode == 0
    for code in ("JX101", "JX203", "JX301", "JX401", "JX505", "JX701"):
        assert code in done.stdout


def test_folder_on_several_processes_matches_one_process(tmp_path: Path) -> None:
    """Every core gives the same findings, in the same file order, as one process; a bad
    file among them is reported and the others are still audited."""
    sources = sorted(p for p in SEEDS.glob("*.yaml") if "expected" not in p.name)
    for copy in range(3):
        for source in sources:
            (tmp_path / f"{copy}-{source.name}").write_bytes(source.read_bytes())
    (tmp_path / "1-broken.yaml").write_text("forms: [", encoding="utf-8")
    one = jixiao("audit", str(tmp_path), "-f", "json", "--jobs", "1")
    many = jixiao("audit", str(tmp_path), "-f", "json", "--jobs", "2")
    assert one.returncode == many.returncode == 2, many.stderr  # the broken file
    first, second = json.loads(one.stdout), json.loads(many.stdout)
    assert first == second
    assert first["summary"]["documents"] == 3 * len(sources)
    assert [f["file"] for f in first["failures"]] == [str(tmp_path / "1-broken.yaml")]
    table = jixiao("audit", str(tmp_path), "--jobs", "2")
    assert f"共审核 {3 * len(sources)} 个文件" in table.stdout
    assert "1 个文件无法读取" in table.stdout


def test_redirected_table_is_one_tab_separated_line_per_finding() -> None:
    """Redirected (not a terminal), each finding is one line of six tab-separated fields
    (级别, 代码, 位置, 说明, 原文, 应为), as grep and spreadsheets want it."""
    done = jixiao("audit", str(SEEDS / "seed004_xinjiang.yaml"))
    assert done.returncode == 1, done.stderr
    report = json.loads(
        jixiao("audit", str(SEEDS / "seed004_xinjiang.yaml"), "--format", "json").stdout
    )
    lines = [line for line in done.stdout.splitlines() if line.count("\t") == 5]
    assert len(lines) == len(report["findings"])
    codes = [line.split("\t")[1] for line in lines]
    assert sorted(codes) == sorted(f["code"] for f in report["findings"])
    assert "[bold]" not in done.stdout and "seed004_xinjiang.yaml" in done.stdout.splitlines()[0]
