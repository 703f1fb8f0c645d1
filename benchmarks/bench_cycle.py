"""A bureau's budget cycle: COUNT projects, each with its 绩效目标申报表 (.docx), its 1-7月
绩效运行监控表 (.xlsx) and its 绩效自评表 (.docx), a quarter also with next year's declaration,
read, audited and related by ``jixiao audit`` (the command's own path, one process and all
cores).

    uv run python benchmarks/bench_cycle.py [COUNT]

Figures are varied by a fixed seed (funding sums wrong, spending behind, targets lowered in
the self-evaluation, "完全不可能" then full marks, a year end far from the forecast, next
year's target below this year's actual); half the projects print a project code, the others
are matched by name, and one in twenty self-evaluations prints a near name. Prints projects
per second beside the floor of the same files (unzip + lxml parse of the parts the readers
use), how the projects were matched, and the findings by code. The forms are laid out by
the writers of the tests (tests/cycle/sheets.py).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "cycle")]

from bench_ingest import unzip_and_parse  # noqa: E402
from sheets import write_docx, write_xlsx  # noqa: E402

from jixiao.audit.relate import Record, relate  # noqa: E402
from jixiao.audit.report import AuditRun  # noqa: E402
from jixiao.cli.commands.audit import audit_files  # noqa: E402

TOWNS = ["城关", "青山", "白沙", "石桥", "河口", "新塘", "东湖", "西岭", "南坪", "北港"]


def project(n: int) -> tuple[str, str]:
    """The project's name and code (blank for every other project, matched by name)."""
    name = f"{TOWNS[n % 10]}镇第{n // 10 + 1}批乡村道路养护"
    return name, f"4301{n:010d}" if n % 2 == 0 else ""


def heading(n: int, columns: int, name: str | None = None) -> list[list[str]]:
    printed, code = project(n)
    rows = [["项目名称", name or printed, *["<"] * (columns - 2)]]
    if code:
        rows.append(["项目编码", code, *["<"] * (columns - 2)])
    return rows


def declaration(n: int, rng: random.Random, year: int, length: int) -> dict[str, object]:
    total = rng.randint(50, 900)
    other = rng.randint(0, total // 5)
    fiscal = total - other + (rng.choice([0, 0, 0, 5]))  # one in four does not add up
    rows = [*heading(n, 5),
            ["项目属性", "新增项目□ 延续项目√", "<", "主管部门", "某某局"],
            ["资金总额", str(total), "<", "<", "<"],
            ["其中：财政拨款", str(fiscal), "<", "<", "<"],
            ["其他资金", str(other), "<", "<", "<"],
            ["年度目标", "完成年度养护任务", "<", "<", "<"],
            ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
            ["产出指标", "数量指标", "养护里程", f"≥{length}公里", ""],
            ["^", "质量指标", "验收合格率", rng.choice(["=100%", "≥105%", "100"]), ""],
            ["^", "时效指标", "完工时间", f"{year}年11月底前", ""],
            ["效益指标", "社会效益指标", "群众出行条件", rng.choice(["明显改善", "≥95%"]), ""],
            ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", ""]]  # fmt: skip
    return {"title": "项目支出绩效目标申报表", "year_line": f"（{year}年度）", "rows": rows}


def monitoring(n: int, rng: random.Random, length: int, timely: str) -> dict[str, object]:
    budget = rng.randint(50, 900)
    spent = round(budget * rng.uniform(0.1, 0.8), 2)
    likely = rng.choice(["确定能", "确定能", "有可能"])
    rows = [*heading(n, 7),
            ["项目资金（万元）", "资金来源", "年初预算数", "1-7月执行数", "全年预计执行数", "<",
             "<"],
            ["^", "年度资金总额", str(budget), f"{spent:.2f}", str(budget), "<", "<"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况",
             "全年预计完成情况", "完成目标可能性"],
            ["产出指标", "数量指标", "养护里程", f"≥{length}公里",
             f"{rng.randint(0, length)}公里", f"{length}公里", likely],
            ["^", "时效指标", "完工时间", "2025年11月底前", "进行中", "按期完成",
             timely]]  # fmt: skip
    return {"title": "项目支出绩效运行监控表", "year_line": "（2025年度）", "rows": rows}


def self_evaluation(n: int, rng: random.Random, length: int, done: int) -> dict[str, object]:
    printed, _ = project(n)
    name = printed + "（续建）" if n % 20 == 7 else None  # a near name, matched as a guess
    target = length - 20 if rng.random() < 0.2 else length  # one in five lowered the target
    score = min(40, round(40 * done / target))
    rows = [*heading(n, 8, name),
            ["项目资金（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值",
             "执行率", "得分"],
            ["年度资金总额", "<", "500", "500", "480", "10", "96%", "9.6"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "养护里程", f"≥{target}公里", f"{done}公里", "40",
             str(score), ""],
            ["^", "时效指标", "完工时间", "2025年11月底前", "2025年11月", "40", "40", ""],
            ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", "10", "10",
             ""],
            ["总分", "<", "<", "<", "<", "100", str(score + 59.6), ""]]  # fmt: skip
    return {"title": "项目支出绩效自评表", "year_line": "（2025年度）", "rows": rows}


def write(folder: Path, count: int) -> list[Path]:
    rng = random.Random(11)
    paths: list[Path] = []
    for n in range(count):
        length = rng.randint(40, 200)
        done = round(length * rng.choice([1.0, 1.05, 0.9, 0.6]))  # one in four far short
        timely = rng.choice(["确定能"] * 9 + ["完全不可能"])
        forms = [(f"{n:04d}_2025申报.docx", write_docx, declaration(n, rng, 2025, length)),
                 (f"{n:04d}_2025监控.xlsx", write_xlsx, monitoring(n, rng, length, timely)),
                 (f"{n:04d}_2025自评.docx", write_docx, self_evaluation(n, rng, length, done))]
        if n % 4 == 0:
            nearer = rng.choice([done - 10, done + 10])  # half of them below this year's
            forms.append((f"{n:04d}_2026申报.docx", write_docx,
                          declaration(n, rng, 2026, nearer)))
        for name, writer, form in forms:
            paths.append(folder / name)
            writer(form, paths[-1])  # type: ignore[operator]
    return paths


def relating(count: int) -> tuple[float, float]:
    """Seconds to relate ``count`` records named like a bureau's batch (项目经费N, and one
    name printed by fifty units), and the floor: grouping the same records by name alone."""
    records = [Record(str(n), 0, "self_evaluation", f"项目经费{n}", None, None, 2025)
               for n in range(count // 2)]
    records += [Record(f"u{n}", 0, "self_evaluation", "办公经费", None, f"单位{n % 50}", 2025)
                for n in range(count // 2)]
    start = time.perf_counter()
    relate(records)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(record.name, []).append(record)
    return seconds, time.perf_counter() - start


def timed_audit(paths: list[Path], jobs: int) -> tuple[float, AuditRun]:
    start = time.perf_counter()
    run = audit_files(paths, "auto", [], [], jobs=jobs)
    return time.perf_counter() - start, run


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = write(Path(tmp), count)
        start = time.perf_counter()
        for path in paths:
            unzip_and_parse(path)
        floor = time.perf_counter() - start
        one, run = timed_audit(paths, 1)
        many, _ = timed_audit(paths, cores)
    if run.failures:
        raise SystemExit(f"{len(run.failures)} 个文件无法读取：{run.failures[0]}")
    unread = [d.file for d in run.documents if d.pack == ""]
    if unread:
        raise SystemExit(f"{len(unread)} 个文件未识别")
    how = Counter("名称相近（推测）" if p.near else "项目编码" if "项目编码" in p.how
                  else "项目名称" for p in run.projects)
    print(f"{count} 个项目，{len(paths)} 个文件（申报表 docx、监控表 xlsx、自评表 docx，"
          f"四分之一另有下年度申报表）")
    print(f"读入、审核并关联（1 个进程）：{one:.2f} 秒，{count / one:.1f} 项目/秒，"
          f"{len(paths) / one:.1f} 文件/秒")
    print(f"读入、审核并关联（{cores} 个进程）：{many:.2f} 秒，{count / many:.1f} 项目/秒")
    print(f"下限（解压 + 解析 XML，1 个进程）：{floor:.2f} 秒，{count / floor:.1f} 项目/秒；"
          f"1 个进程为下限的 {floor / one:.2f}")
    print(f"关联出 {len(run.projects)} 个项目：" + "，".join(
        f"按{reason} {n}" for reason, n in sorted(how.items())))
    seconds, floor = relating(20_000)
    print(f"只关联 20,000 份表的键（不读文件）：{seconds:.2f} 秒；下限（按名称分组的 dict）"
          f"{floor:.3f} 秒")
    codes = run.by_code()
    print("发现：" + "，".join(f"{code} {sum(n.values())}" for code, n in codes.items()))


if __name__ == "__main__":
    main()
