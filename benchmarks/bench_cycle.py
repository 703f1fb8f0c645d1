"""Declarations and monitoring forms of COUNT projects, read and audited (the one assessment).

    uv run python benchmarks/bench_cycle.py [COUNT]

Writes each project's 绩效目标申报表 (.docx) and 1-7月 绩效运行监控表 (.xlsx), with
figures varied by a fixed seed (some funding sums wrong, some spending behind), then prints
projects/second of ingest + assess beside the floor of the same files (unzip + lxml parse of
the parts the readers use), and the findings by code. Forms are laid out by the writers of
the tests (tests/cycle/sheets.py).
"""

from __future__ import annotations

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

from jixiao.assessment import assess  # noqa: E402
from jixiao.ingest import ingest  # noqa: E402


def declaration(n: int, rng: random.Random) -> dict[str, object]:
    total = rng.randint(50, 900)
    other = rng.randint(0, total // 5)
    fiscal = total - other + (rng.choice([0, 0, 0, 5]))  # one in four does not add up
    rows = [["项目名称", f"项目{n:04d}", "<", "<", "<"],
            ["项目属性", "新增项目□ 延续项目√", "<", "主管部门", "某某局"],
            ["资金总额", str(total), "<", "<", "<"],
            ["其中：财政拨款", str(fiscal), "<", "<", "<"],
            ["其他资金", str(other), "<", "<", "<"],
            ["年度目标", "完成年度建设任务", "<", "<", "<"],
            ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
            ["产出指标", "数量指标", "建设里程", f"≥{rng.randint(10, 200)}公里", ""],
            ["^", "质量指标", "验收合格率", rng.choice(["=100%", "≥105%", "100"]), ""],
            ["效益指标", "社会效益指标", "群众出行条件", rng.choice(["明显改善", "≥95%"]), ""],
            ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", ""]]  # fmt: skip
    return {"title": "项目支出绩效目标申报表", "year_line": "（2025年度）", "rows": rows}


def monitoring(n: int, rng: random.Random) -> dict[str, object]:
    budget = rng.randint(50, 900)
    spent = round(budget * rng.uniform(0.1, 0.8), 2)
    likely = rng.choice(["确定能", "确定能", "有可能"])
    rows = [["项目名称", f"项目{n:04d}", "<", "<", "<", "<", "<"],
            ["项目资金（万元）", "资金来源", "年初预算数", "1-7月执行数", "全年预计执行数", "<",
             "<"],
            ["^", "年度资金总额", str(budget), f"{spent:.2f}", str(budget), "<", "<"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "完成目标可能性",
             "整改措施"],
            ["产出指标", "数量指标", "建设里程", "≥120公里", f"{rng.randint(0, 150)}公里", likely,
             ""]]  # fmt: skip
    return {"title": "绩效运行监控表", "year_line": "（2025年度）", "rows": rows}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths: list[Path] = []
        for n in range(count):
            paths.append(folder / f"{n:04d}_申报.docx")
            write_docx(declaration(n, rng), paths[-1])
            paths.append(folder / f"{n:04d}_监控.xlsx")
            write_xlsx(monitoring(n, rng), paths[-1])
        start = time.perf_counter()
        for path in paths:
            unzip_and_parse(path)
        floor = time.perf_counter() - start
        codes: Counter[str] = Counter()
        start = time.perf_counter()
        for path in paths:
            document = ingest(path).document
            if len(document.forms) != 1:
                raise SystemExit(f"{path.name} 未识别出申报表或监控表")
            codes.update(f.code for f in assess(document).findings)
        seconds = time.perf_counter() - start
    print(f"{count} 个项目（{len(paths)} 个文件：申报表 docx + 监控表 xlsx）")
    print(f"读入并审核：{seconds:.2f} 秒，{count / seconds:.1f} 项目/秒")
    print(f"下限（解压 + 解析 XML）：{floor:.2f} 秒，{count / floor:.1f} 项目/秒；"
          f"为下限的 {floor / seconds:.2f}")
    print("发现：" + "，".join(f"{code} {n}" for code, n in sorted(codes.items())))


if __name__ == "__main__":
    main()
