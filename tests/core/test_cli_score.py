"""The ``score`` and ``packs`` commands, run as a user runs them (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import SEEDS

JIXIAO = [sys.executable, "-m", "jixiao.cli.main"]


def jixiao(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*JIXIAO, *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_score_json_gives_claimed_beside_computed() -> None:
    done = jixiao("score", str(SEEDS / "seed004_xinjiang.yaml"), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["pack"] == "xinjiang"
    form = next(f for f in result["forms"] if f["name"] == "农村劳动力外出务工工作经费")
    item = form["indicators"][0]
    assert {"name", "weight", "target", "actual", "claimed_score", "computed_score"} <= set(item)
    assert (item["claimed_score"], item["computed_score"]) == ("9.68", "9.68")
    assert form["subtotals"] and form["computed_total"] == "98.74"
    assert form["computed_grade"] == "优"


def test_score_table_names_mismatch() -> None:
    done = jixiao("score", str(SEEDS / "seed004_xinjiang.yaml"), "--pack", "xinjiang")
    assert done.returncode == 0, done.stderr
    assert "州人社局尾款项目" in done.stdout and "✗" in done.stdout


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    return str(path)


MINIMAL = """forms:
  - type: project_self_evaluation
    name: 测试
    execution_weight: 10
    indicators:
"""


def test_bad_inputs_give_chinese_errors(tmp_path: Path) -> None:
    cases = [
        ("forms: [", "E102", "YAML"),
        ("forms:\n  - type: nope\n    name: x\n", "E202", "forms.0"),
        (MINIMAL + "      - {level1: 产出, name: a, weight: abc}\n", "E202", "weight"),
        (MINIMAL + "      - {level1: 产出, name: a, weight: -5}\n", "E202", "负数"),
        (MINIMAL + "      - {level1: 产出, name: a, weight: 10, colour: red}\n", "E202",
         "colour"),
    ]
    for text, code, words in cases:
        done = jixiao("score", _write(tmp_path, text))
        assert done.returncode == 2, text
        assert code in done.stderr and words in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


def test_unknown_pack_and_missing_file(tmp_path: Path) -> None:
    done = jixiao("score", str(SEEDS / "seed004_xinjiang.yaml"), "--pack", "atlantis")
    assert done.returncode == 2 and "E304" in done.stderr
    done = jixiao("score", str(tmp_path / "none.yaml"))
    assert done.returncode == 2 and "E101" in done.stderr


def test_strict_pack_rejects_wrong_weights(tmp_path: Path) -> None:
    text = MINIMAL + (
        "      - {level1: 产出指标, name: a, weight: 60, target: '>=1', actual: '1'}\n"
        "      - {level1: 效益指标, name: b, weight: 20, target: '>=1', actual: '1'}\n"
        "      - {level1: 满意度指标, name: c, weight: 10, target: '>=90%', actual: '95%'}\n")
    done = jixiao("score", _write(tmp_path, text), "--pack", "hunan")
    assert done.returncode == 2
    assert "E203" in done.stderr and "forms.0.indicators" in done.stderr
    assert "产出" in done.stderr and "50" in done.stderr
    done = jixiao("score", _write(tmp_path, text), "--pack", "national")
    assert done.returncode == 0 and "分值与规则包框架不一致" in done.stdout


def test_packs_command() -> None:
    done = jixiao("packs")
    assert done.returncode == 0 and "xinjiang" in done.stdout
    done = jixiao("packs", "xinjiang")
    assert done.returncode == 0 and "penalize" in done.stdout


def test_score_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("forms: [\n", "utf-8")
    good = str(SEEDS / "seed004_xinjiang.yaml")
    done = jixiao("score", good, str(bad), good, "--format", "json")
    assert done.returncode == 2
    assert [r["pack"] for r in json.loads(done.stdout)] == ["xinjiang", "xinjiang"]
    assert "broken.yaml" in done.stderr and "2 个文件已计分，1 个失败" in done.stderr
    assert "Traceback" not in done.stderr
