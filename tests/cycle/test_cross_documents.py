"""One project's declaration, monitoring form and self-evaluation, in three real files
(.docx, .xlsx, .docx), related and audited by ``jixiao audit`` as a user runs it; and how
records are matched into projects."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sheets import write_docx, write_xlsx

from jixiao.audit.framework import Severity
from jixiao.audit.project_check import audit_projects
from jixiao.audit.relate import Entry, Record, relate

CODE = "43010024000107"
DECLARATION = {"title": "项目支出绩效目标申报表", "year_line": "（2024年度）", "rows": [
    ["项目名称", "乡村道路养护", "<", "<", "<"],
    ["项目编码", CODE, "<", "主管部门", "某县交通运输局"],
    ["资金总额", "500", "<", "<", "<"],
    ["其中：财政拨款", "500", "<", "<", "<"],
    ["年度目标", "完成乡村道路养护", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
    ["产出指标", "数量指标", "养护里程", "≥120公里", ""],
    ["^", "时效指标", "完工时间", "2024年11月底前", ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", ""]]}
MONITORING = {"title": "项目支出绩效运行监控表", "year_line": "（2024年度）", "rows": [
    ["项目名称", "乡村道路养护", "<", "<", "<", "<", "<"],
    ["项目编码", CODE, "<", "<", "<", "<", "<"],
    ["项目资金（万元）", "资金来源", "年初预算数", "1-7月执行数", "全年预计执行数", "<", "<"],
    ["^", "年度资金总额", "500", "300", "500", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况",
     "完成目标可能性"],
    ["产出指标", "数量指标", "养护里程", "≥120公里", "70公里", "120公里", "确定能"],
    ["^", "时效指标", "完工时间", "2024年11月底前", "未开工", "未完成", "完全不可能"]]}


def self_evaluation(target: str, actual: str, timely: str, note: str = "") -> dict[str, object]:
    return {"title": "项目支出绩效自评表", "year_line": "（2024年度）", "rows": [
        ["项目名称", "乡村道路养护", "<", "<", "<", "<", "<", "<"],
        ["项目编码", CODE, "<", "<", "<", "<", "<", "<"],
        ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
         "得分"],
        ["年度资金总额", "<", "500", "500", "480", "10", "96%", "9.6"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "养护里程", target, actual, "40", "32", note],
        ["^", "时效指标", "完工时间", "2024年11月底前", "2024年11月", "40", timely, ""],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "10", "10", ""],
        ["总分", "<", "<", "<", "<", "100", "91.6", ""]]}  # fmt: skip


def audit(folder: Path) -> tuple[int, dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "jixiao.cli.main", "audit", str(folder), "--format", "json",
         "--select", "JX83"],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def test_three_files_of_one_project_are_related_by_code(tmp_path: Path) -> None:
    write_docx(DECLARATION, tmp_path / "申报表.docx")
    write_xlsx(MONITORING, tmp_path / "监控表.xlsx")
    write_docx(self_evaluation("≥100公里", "80公里", "40"), tmp_path / "自评表.docx")
    code, result = audit(tmp_path)
    [project] = result["projects"]  # type: ignore[misc]
    assert project["how"] == f"按项目编码“{CODE}”关联"
    assert project["documents"] == ["2024年绩效目标申报表（申报表.docx）",
                                    "2024年1-7月绩效运行监控表（监控表.xlsx）",
                                    "2024年绩效自评表（自评表.docx）"]  # fmt: skip
    found = {(f["code"], f["severity"], f["claimed"], f["expected"], Path(f["document"]).name)
             for f in result["findings"]}  # type: ignore[attr-defined]
    assert found == {
        ("JX831", "error", "≥100公里", "≥120公里", "自评表.docx"),  # the target was lowered
        ("JX832", "warning", "40", "低于满分 40，或写明完成依据", "自评表.docx"),
        ("JX833", "warning", "80公里", "接近 120公里，或在偏差原因中说明", "自评表.docx"),
    }
    assert code == 1  # an error across files fails the run like any other


def test_the_same_project_as_declared_and_explained_is_quiet(tmp_path: Path) -> None:
    write_docx(DECLARATION, tmp_path / "申报表.docx")
    write_xlsx(MONITORING, tmp_path / "监控表.xlsx")
    note = "受汛期影响，两个标段顺延至次年"
    write_docx(self_evaluation("≥120公里", "80公里", "20", note), tmp_path / "自评表.docx")
    code, result = audit(tmp_path)
    assert result["findings"] == [] and code == 0
    assert len(result["projects"]) == 1  # type: ignore[arg-type]


def record(kind: str, name: str, *, code: str | None = None, unit: str | None = None,
           year: int | None = 2024, file: str = "a", target: str = "≥10个") -> Record:
    entries = (Entry(0, "建设站点", "数量指标", target=target, actual="8个", weight=Decimal(20),
                     claimed_score=Decimal(20)),)  # fmt: skip
    return Record(file, 0, kind, name, code, unit, year, entries=entries)  # type: ignore[arg-type]


def test_names_match_when_printed_with_a_year_or_without_the_word_project() -> None:
    [project] = relate([record("declaration", "2024年智慧社区建设项目", file="a"),
                        record("self_evaluation", "智慧社区建设", file="b")])
    assert project.how == "按项目名称「2024年智慧社区建设项目」关联" and not project.near


@pytest.mark.parametrize("first, second", [
    ({"code": "A-1"}, {"code": "A-2"}),  # the same name under two codes: two projects
    ({"unit": "甲县教育局"}, {"unit": "乙县卫生健康局"}),  # the same name in two units
])  # fmt: skip
def test_same_name_is_not_enough_against_a_different_code_or_unit(
    first: dict[str, str], second: dict[str, str]
) -> None:
    assert relate([record("declaration", "办公楼维修", file="a", **first),
                   record("self_evaluation", "办公楼维修", file="b", **second)]) == []


def test_near_names_are_related_as_a_guess_and_never_give_an_error() -> None:
    records = [record("declaration", "城乡居民基本医疗保险补助资金", file="a"),
               record("self_evaluation", "城乡居民基本医疗保险补助", file="b", target="≥8个")]
    [project] = relate(records)
    assert project.near and "名称相近" in project.how
    [report] = audit_projects(records, select=["JX831"])
    [finding] = report.findings
    assert finding.severity is Severity.WARNING and "未必是同一项目" in finding.message


def test_a_form_without_a_year_pairs_only_as_a_warning() -> None:
    records = [record("declaration", "智慧社区建设", file="a"),
               record("self_evaluation", "智慧社区建设", file="b", year=None, target="≥8个")]
    [finding] = audit_projects(records, select=["JX831"])[0].findings
    assert finding.severity is Severity.WARNING and "未印明年度" in finding.message


def test_pairs_inside_one_file_are_left_to_that_file() -> None:
    records = [record("declaration", "智慧社区建设", file="a"),
               record("self_evaluation", "智慧社区建设", file="a", target="≥8个"),
               record("monitoring", "智慧社区建设", file="b")]
    [report] = audit_projects(records, select=["JX831"])
    assert report.findings == []  # the lowered target is reported with file a alone


def test_next_years_declaration_is_compared_with_this_years_actual() -> None:
    records = [record("self_evaluation", "智慧社区建设", file="a", year=2024),
               record("declaration", "智慧社区建设", file="b", year=2025, target="≥5个")]
    [finding] = audit_projects(records, select=["JX834"])[0].findings
    assert (finding.code, finding.claimed, finding.expected) == ("JX834", "≥5个", "≥8个")


def test_names_apart_only_in_their_numbers_are_other_projects() -> None:
    assert relate([record("declaration", "城区污水管网改造一期工程", file="a"),
                   record("self_evaluation", "城区污水管网改造二期工程", file="b")]) == []


def test_units_apart_only_in_their_numbers_are_other_units() -> None:
    assert relate([record("declaration", "校舍维修", unit="第1中学", file="a"),
                   record("self_evaluation", "校舍维修", unit="第10中学", file="b")]) == []
    [project] = relate([record("declaration", "校舍维修", unit="某县教育局", file="a"),
                        record("self_evaluation", "校舍维修", unit="某县教育局本级", file="b")])
    assert len(project.records) == 2


def test_many_forms_of_one_name_group_by_unit() -> None:
    """Thousands of forms named alike: one project per unit for one name, none for names
    apart in their numbers (benchmarks/bench_cycle.py times relating such a batch)."""
    records = [record("self_evaluation", f"项目经费{n}", file=str(n)) for n in range(2_000)]
    records += [record("self_evaluation", "办公经费", unit=f"单位{n % 50}", file=f"u{n}")
                for n in range(2_000)]
    projects = relate(records)
    assert len(projects) == 50 and all(len(p.records) == 40 for p in projects)


def test_a_batch_prints_only_the_related_projects_with_findings(tmp_path: Path) -> None:
    """Thirty projects of two self-evaluations each (2024 and 2025, nothing to compare) are
    summed up in one line; the one with a lowered target is printed whole."""
    import yaml

    fail = yaml.safe_load((Path(__file__).parents[1] / "fixtures" / "checks" / "JX831" /
                           "fail.yaml").read_text("utf-8"))
    declaration, evaluation = fail["forms"]
    for n in range(30):
        for year in (2024, 2025):
            form = {**evaluation, "name": f"第{n}号工程", "code": f"C{n}", "year": year}
            (tmp_path / f"{n}-{year}.yaml").write_text(yaml.safe_dump(
                {"format_version": 1, "forms": [form]}, allow_unicode=True), "utf-8")
    for name, form in (("decl", declaration), ("self", evaluation)):
        (tmp_path / f"x-{name}.yaml").write_text(yaml.safe_dump(
            {"format_version": 1, "forms": [form]}, allow_unicode=True), "utf-8")
    done = subprocess.run([sys.executable, "-m", "jixiao.cli.main", "audit", str(tmp_path),
                           "--select", "JX83"], capture_output=True, text=True, timeout=300,
                          check=False)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout.count("跨文件关联：") == 1 and "JX831" in done.stdout
    assert "另有 30 个项目跨文件关联，未发现问题" in done.stdout


@pytest.mark.parametrize("printed, severity", [
    ("≥8个", Severity.ERROR),  # another figure
    (">10个", Severity.WARNING),  # the same figure under another sign
    ("10个", None),  # no sign printed: read as the declared ≥
    ("≥10 个", None),
])  # fmt: skip
def test_a_changed_target_is_an_error_only_for_another_figure(
    printed: str, severity: Severity | None
) -> None:
    records = [record("declaration", "智慧社区建设", file="a"),
               record("self_evaluation", "智慧社区建设", file="b", target=printed)]
    found = [f.severity for r in audit_projects(records, select=["JX831"]) for f in r.findings]
    assert found == ([severity] if severity else [])
