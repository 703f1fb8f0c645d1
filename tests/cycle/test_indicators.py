"""The indicator library: shipped YAML, searched best first, extended by the user's files,
and the ``jixiao indicators`` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.errors import JixiaoError
from jixiao.rules.library import builtin_library, library, search


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao.cli.main", "indicators", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_every_shipped_indicator_names_its_source_and_direction() -> None:
    entries = builtin_library()
    assert len(entries) >= 40
    for entry in entries:
        assert entry.source.startswith("《") and entry.indicator.direction
        if entry.indicator.unit == "%" and entry.indicator.range is not None:
            assert entry.indicator.range[1] <= 100


def test_search_puts_the_closest_name_first() -> None:
    found = search(builtin_library(), "执行率")
    assert [e.indicator.name for e in found][:2] == ["预算执行率", "政府采购执行率"]
    assert search(builtin_library(), "支出进度")[0].indicator.name == "预算执行率"  # an alias
    department = search(builtin_library(), "满意度", level="部门")
    assert [e.level for e in department] == ["部门整体支出"]
    assert search(builtin_library(), "不存在的指标") == []


def test_user_library_extends_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "education.yaml").write_text(
        "version: 1\nlevel: 项目支出\nsector: 教育\nsource: 《本地指标库》\nindicators:\n"
        "- {name: 研学旅行课程覆盖率, level1: 产出, level2: 产出数量, direction: 正向,"
        " unit: '%', scoring: 比例}\n", "utf-8")
    found = search(library([tmp_path]), "研学", sector="教育")
    assert [(e.indicator.name, e.source) for e in found] == [
        ("研学旅行课程覆盖率", "《本地指标库》")]
    shipped = {e.indicator.name for e in search(library(), "资助", sector="教育")}
    assert "资助学生人数" in shipped  # the shipped sector file is searched too


def test_bad_library_file_is_a_chinese_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nlevel: 项目支出\nsector: 通用\nsource: x\nindicators:\n"
                   "- {name: 某率, level1: 产出, direction: 越大越好, scoring: 比例}\n", "utf-8")
    with pytest.raises(JixiaoError) as caught:
        library([bad])
    assert caught.value.code == "E312" and "direction" in (caught.value.field or "")
    done = _run("率", "--library", str(bad))
    assert done.returncode != 0 and "[E312]" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_command_prints_one_line_per_indicator() -> None:
    done = _run("三公")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and all(line.count("\t") == 7 for line in lines)
    assert "财预〔2013〕53号" in lines[0]
    assert _run("没有这个指标").returncode == 1
    assert _run("--help").returncode == 0
