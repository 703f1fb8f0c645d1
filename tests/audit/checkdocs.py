"""Build docs/checks/JXnnn.md from each check's docstring and its fixtures (sqlfluff style).

Run ``uv run python tests/audit/checkdocs.py`` after changing a check or its fixtures;
``test_check_docs.py`` fails while a page is out of date. JX6xx pages belong to the
final-accounts checks and are not generated here.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from jixiao.audit.framework import SEVERITY_ZH, Check, all_checks, run_audit
from jixiao.model.io import load_document
from jixiao.rules.infer import resolve_pack

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "checks"
FIXTURES = ROOT / "tests" / "fixtures" / "checks"
FAMILIES = {
    "structure": "JX1xx 结构与分值",
    "arithmetic": "JX2xx 重新计算",
    "rule_conformance": "JX3xx 规则符合性",
    "indicator_quality": "JX4xx 指标质量",
    "completeness": "JX5xx 完整性与模板占位符",
    "final_accounts": "JX6xx 决算恒等式",
    "prose": "JX7xx 正文与表格",
    "monitoring": "JX80x 绩效运行监控",
    "declaration": "JX82x 绩效目标申报",
    "cycle": "JX83x 同一项目的申报、监控与自评之间",
}


def generated_codes() -> list[str]:
    return [code for code in all_checks() if not code.startswith("JX6")]


def _findings(check: type[Check], path: Path) -> list[str]:
    document = load_document(path)
    pack, _ = resolve_pack("auto", document)
    return [
        f"- {SEVERITY_ZH[f.severity]}：{f.message}"
        + (f"（原文 {f.claimed}，应为 {f.expected}）" if f.claimed or f.expected else "")
        for f in run_audit(document, pack, select=[check.code])
    ]


def _fixture(path: Path) -> str:
    lines = path.read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#"))


def render_page(code: str) -> str:
    check = all_checks()[code]
    doc = inspect.cleandoc(check.__doc__ or "")
    summary, _, body = doc.partition("\n")
    fail, good = FIXTURES / code / "fail.yaml", FIXTURES / code / "pass.yaml"
    said = "\n".join(_findings(check, fail)) or "（无）"
    return f"""# {code} {check.title}

- 级别：{SEVERITY_ZH[check.severity]}（`{check.severity.value}`）
- 类别：{FAMILIES.get(check.family, check.family)}
- 选择：`jixiao audit --select {code}`；忽略：`--ignore {code}`

## 检查什么

{summary}

## 为什么、怎么改

{body.strip()}

## 反例（审核报告）

```yaml
{_fixture(fail)}
```

审核结果：

{said}

## 正例（不报告）

```yaml
{_fixture(good)}
```

以上两例即测试用例 `tests/fixtures/checks/{code}/fail.yaml` 与 `pass.yaml`。
"""


def render_index() -> str:
    rows = []
    for code, check in all_checks().items():
        rows.append(
            f"| [{code}]({code}.md) | {SEVERITY_ZH[check.severity]} | {check.title} | "
            f"{FAMILIES.get(check.family, check.family)} |"
        )
    return (
        "# 审核规则一览\n\n"
        "`jixiao audit` 逐项重新计算，报告每处不一致：代码、级别、中文说明、位置（表、行、列或"
        "段落与字符位置）、原文数值、应为数值与容差。`jixiao checks` 在命令行列出同一张表。\n\n"
        "- 级别：错误（error，退出码 1）、警告（warning）、提示（info，如截尾、四舍五入尾差）。\n"
        "- 印刷数字按原文精度四舍五入比较：真值四舍五入到原文的小数位后等于原文即为正确；"
        "截尾得到的原文以“提示”报告。\n"
        "- 选择：`--select JX1`（整个类别）或 `--select JX301`；`--ignore` 同理。\n\n"
        "| 代码 | 级别 | 名称 | 类别 |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for code in generated_codes():
        (DOCS / f"{code}.md").write_text(render_page(code), "utf-8")
    (DOCS / "index.md").write_text(render_index(), "utf-8")
    sys.stdout.write(f"写入 {len(generated_codes())} 页及 index.md\n")


if __name__ == "__main__":
    main()
