"""The audit report as one self-contained HTML page (inline CSS, a tiny inline filter script,
no network), grouped by document and form, in Chinese."""

from __future__ import annotations

from html import escape

from jixiao.audit.framework import SEVERITY_ZH, Finding, Severity
from jixiao.audit.project_check import ProjectReport
from jixiao.audit.report import AuditRun, DocumentReport

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em;
color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #ccc;margin-top:2em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.error{border-left:5px solid #c62828}.warning{border-left:5px solid #ef8f00}
.info{border-left:5px solid #1e6fd9}
.tag{display:inline-block;padding:0 .5em;border-radius:3px;color:#fff;font-size:.85em}
.tag.error{background:#c62828}.tag.warning{background:#ef8f00}.tag.info{background:#1e6fd9}
.muted{color:#666;font-size:.9em}.fail{color:#c62828}
.filters label{margin-right:1em}
"""

SCRIPT = """
function apply(){for(const s of ['error','warning','info']){const on=
document.getElementById('show-'+s).checked;for(const r of document.querySelectorAll('tr.'+s))
{r.style.display=on?'':'none';}}}
"""


def _cell(value: str | None) -> str:
    return escape(value) if value else ""


def _row(finding: Finding) -> str:
    where = finding.location
    place = " ".join(
        part
        for part in (
            f"指标「{where.indicator_name}」" if where.indicator_name else "",
            where.field or "",
            where.source.describe() if where.source else "",
        )
        if part
    )
    quote = where.source.text if where.source and where.source.text else ""
    severity = finding.severity.value
    return (
        f'<tr class="{severity}"><td><span class="tag {severity}">'
        f"{SEVERITY_ZH[finding.severity]}</span></td>"
        f"<td><b>{finding.code}</b><br><span class='muted'>{escape(finding.title)}</span></td>"
        f"<td>{escape(finding.message)}"
        + (f"<br><span class='muted'>原文：“{escape(quote)}”</span>" if quote else "")
        + f"</td><td>{_cell(place)}</td><td>{_cell(finding.claimed)}</td>"
        f"<td>{_cell(finding.expected)}</td>"
        f"<td class='muted'>{_cell(finding.tolerance)}</td></tr>"
    )


def _document(report: DocumentReport) -> str:
    parts = [
        f"<h2>{escape(report.file)}</h2>",
        f"<p class='muted'>规则包：{escape(report.pack)}（{escape(report.pack_reason)}）；"
        f"发现 {len(report.findings)} 项</p>",
    ]
    if not report.findings:
        parts.append("<p>未发现问题。</p>")
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        name = finding.location.form_name or (
            "正文" if finding.location.source and finding.location.source.paragraph else "整个文件"
        )
        groups.setdefault(name, []).append(finding)
    for name, findings in groups.items():
        parts.append(f"<h3>{escape(name)}（{len(findings)} 项）</h3>")
        parts.append(
            "<table><tr><th>级别</th><th>代码</th><th>说明</th><th>位置</th><th>原文</th>"
            "<th>应为</th><th>容差</th></tr>"
            + "".join(_row(f) for f in findings)
            + "</table>"
        )
    return "\n".join(parts)


def _project(report: ProjectReport) -> str:
    documents = "".join(f"<li>{escape(d)}</li>" for d in report.documents)
    rows = "".join(_row(f) for f in report.findings)
    table = (
        "<table><tr><th>级别</th><th>代码</th><th>说明</th><th>位置</th><th>原文</th>"
        f"<th>应为</th><th>容差</th></tr>{rows}</table>"
        if rows else "<p>未发现问题。</p>"
    )
    return (f"<h3>{escape(report.name)}</h3><p class='muted'>{escape(report.how)}</p>"
            f"<ul>{documents}</ul>{table}")


def render_html(run: AuditRun, *, title: str = "审核报告") -> str:
    counts = "".join(
        f"<tr><td>{code}</td><td>{escape(next(f.title for f in run.findings if f.code == code))}"
        f"</td>"
        + "".join(f"<td>{by.get(s.value, 0)}</td>" for s in Severity)
        + "</tr>"
        for code, by in run.by_code().items()
    )
    filters = "".join(
        f"<label><input type='checkbox' id='show-{s.value}' checked onchange='apply()'> "
        f"{SEVERITY_ZH[s]}（{run.count(s)}）</label>"
        for s in Severity
    )
    failures = "".join(
        f"<li class='fail'>{escape(f.file)}：[{escape(f.code)}] {escape(f.message)}</li>"
        for f in run.failures
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{STYLE}</style><script>{SCRIPT}</script></head><body>
<h1>{escape(title)}</h1>
<p>{escape(run.summary_text())}</p>
<div class="filters">显示：{filters}</div>
{"<h2>无法读取的文件</h2><ul>" + failures + "</ul>" if failures else ""}
<h2>各审核规则的发现数</h2>
<table><tr><th>代码</th><th>规则</th><th>错误</th><th>警告</th><th>提示</th></tr>{counts}</table>
{"".join(_document(d) for d in run.documents)}
{"<h2>跨文件关联的项目</h2>" + "".join(_project(p) for p in run.projects) if run.projects else ""}
</body></html>
"""
