"""The 部门决算情况说明 regenerated in the standard 部门决算公开 outline, as a Word file in
official document style (GB/T 9704, :mod:`jixiao.render.gbt9704`).

The figure sections are written from the extracted accounts
(:mod:`jixiao.render.explanation_writer`); the words only the unit can give (composition
lists, 三公 counts, 预算绩效, 会议费/培训费, 其他需说明的事项, 名词解释) are imported from the
source (:mod:`jixiao.render.explanation_source`). A figure the final-accounts checks flag is
never copied: it is corrected and marked, or left as 【待核实】 with the reason, and every
flagged figure is listed in a note for the preparer at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from docx.enum.text import WD_COLOR_INDEX

from jixiao.audit.framework import Finding
from jixiao.model.accounts import FinalAccounts
from jixiao.model.document import Paragraph
from jixiao.render.cells import xml_safe
from jixiao.render.docx_kit import DocxWriter, new_document
from jixiao.render.explanation_other import ExplanationWriter
from jixiao.render.explanation_source import SourceExplanation, read_source
from jixiao.render.explanation_writer import Correction, Corrections, Section

GLOSSARY = (
    "一、财政拨款收入：指本级财政当年拨付的资金。",
    "二、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "三、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    "四、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "五、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "六、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的"
    "基本支出中的公用经费支出。",
)
NOTE_HEADING = "附：数字核对说明（供填报人核对，公开前删除）"
# Checks whose expected value is the figure's right value (a total misfiled for another);
# for the others (parts that do not add up) it is not known which figure is wrong.
CORRECTING_CHECKS = frozenset({"JX601"})
_MARK = re.compile(r"(【[^】]*】)")


def corrections_from(accounts: FinalAccounts, findings: Sequence[Finding]) -> Corrections:
    """The flagged amounts: each printed amount a warning or an error points at."""
    amounts = {
        (at.paragraph, at.start): figure
        for figure in [
            *accounts.statements,
            *(line.figure for line in accounts.general_budget.lines),
        ]
        if figure.amount is not None
        and (at := figure.amount.source) is not None
        and at.paragraph is not None
        and at.start is not None
    }
    result: Corrections = {}
    for finding in findings:
        at = finding.location.source
        if finding.severity.value == "info" or at is None or at.paragraph is None:
            continue
        key = (at.paragraph, at.start if at.start is not None else -1)
        if key not in amounts or key in result:
            continue
        value: Decimal | None = None
        if finding.code in CORRECTING_CHECKS and finding.expected is not None:
            try:
                value = Decimal(finding.expected)
            except InvalidOperation:
                value = None
        result[key] = Correction(value, f"{finding.title}，见文末数字核对说明")
    return result


def _imported(
    source: SourceExplanation, key: str, missing: str, *, level: int = 2
) -> list[Section]:
    """The source's text of a section (its sub-headings kept, at ``level``) or a
    placeholder saying what is missing."""
    sections: list[Section] = []
    for heading, text in source.texts(key):
        if heading:
            sections.append(Section(text, [], level))
        elif sections:
            sections[-1].paragraphs.append(text)
        else:
            sections.append(Section("", [text], level))
    return sections or [Section("", [f"【待填写：{missing}】"], level)]


def _under(heading: str, imported: list[Section]) -> list[Section]:
    """A second-level section holding the imported text (its first untitled part)."""
    if imported and not imported[0].heading:
        return [Section(heading, imported[0].paragraphs, 2), *imported[1:]]
    return [Section(heading, [], 2), *imported]


def _joined(lines: list[str], details: list[str]) -> list[str]:
    if not lines:
        return details
    return [*lines[:-1], lines[-1] + "".join(details)]


def explanation_sections(
    accounts: FinalAccounts,
    *,
    glossary: bool = False,
    paragraphs: Sequence[Paragraph] = (),
    findings: Sequence[Finding] = (),
) -> list[Section]:
    """The sections of the standard 部门决算情况说明, figures written from the accounts."""
    w = ExplanationWriter(accounts, corrections_from(accounts, findings))
    source = w.source = read_source(paragraphs, findings)
    assets_details = source.details("assets", ("用车", "设备"), after="其中：")
    general = _imported(
        source, "general", "本年度会议费、培训费等一般性支出情况及与上年对比", level=3
    )
    performance = _imported(source, "performance", "预算绩效管理工作开展情况及绩效自评结果")
    other = _imported(source, "other", "其他需说明的事项（无则写“本单位无其他需说明的事项”）")
    sections = [
        Section("单位人员情况", w.staffing(), 0),
        Section("一、收入支出决算总体情况说明", w.overview()),
        Section("二、收入决算情况说明", w.income()),
        Section("三、支出决算情况说明", w.expenditure()),
        Section("四、财政拨款收入支出决算总体情况说明", w.fiscal()),
        Section("五、一般公共预算财政拨款支出决算情况说明"),
        *w.general_budget(),
        Section("六、一般公共预算财政拨款基本支出决算情况说明", w.basic()),
        Section(
            "七、政府性基金预算财政拨款收入支出决算情况说明",
            w.fund("fiscal.government_fund", "政府性基金预算"),
        ),
        Section(
            "八、国有资本经营预算财政拨款收入支出决算情况说明",
            w.fund("fiscal.state_capital", "国有资本经营预算"),
        ),
        Section("九、财政拨款“三公”经费支出决算情况说明", w.sangong()),
        Section("十、其他重要事项的情况说明"),
        Section("（一）机关运行经费支出情况", w.office_running(), 2),
        *_under("（二）一般性支出情况", general),
        Section("（三）政府采购情况", w.procurement(), 2),
        Section("（四）国有资产占用情况", _joined(w.assets(), assets_details), 2),
        Section("十一、预算绩效情况说明"),
        *performance,
        Section("十二、其他需说明的事项"),
        *other,
    ]
    imported_glossary = [text for level, text in source.texts("glossary") if not level]
    if imported_glossary or glossary:
        sections.append(Section("名词解释", imported_glossary or list(GLOSSARY)))
    note = [
        f"第{at.paragraph}段“{at.text}”：{finding.message}"
        for finding in findings
        if finding.severity.value != "info"
        and (at := finding.location.source) is not None
        and at.paragraph is not None
    ]
    if note:
        sections.append(Section(NOTE_HEADING, note))
    return sections


def _paragraph(doc: DocxWriter, text: str) -> None:
    """A body paragraph; 【待核实】/【待填写】 markers highlighted for the preparer."""
    paragraph = doc.paragraph("")
    for part in _MARK.split(text):
        if part:
            run = paragraph.add_run(xml_safe(part))
            if _MARK.fullmatch(part):
                run.bold = True
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def write_explanation(
    accounts: FinalAccounts,
    path: Path,
    *,
    unit: str | None = None,
    glossary: bool = False,
    paragraphs: Sequence[Paragraph] = (),
    findings: Sequence[Finding] = (),
    template: Path | None = None,
) -> None:
    """Write the explanation as a Word file in official document style."""
    doc = DocxWriter(new_document(template))
    name = unit or accounts.unit or ""
    year = f"{accounts.year}年度" if accounts.year else ""
    doc.title(f"{name}{year}部门决算情况说明", None)
    sections = explanation_sections(
        accounts, glossary=glossary, paragraphs=paragraphs, findings=findings
    )
    for index, section in enumerate(sections):
        if section.level == 0 and not section.paragraphs:
            continue
        if section.heading and section.level:
            doc.heading(section.heading, min(section.level, 3))
        following = sections[index + 1].level if index + 1 < len(sections) else 0
        empty = ["无。"] if section.heading and section.level == 2 and following != 3 else []
        for text in section.paragraphs or empty:
            _paragraph(doc, text)
    doc.document.save(str(path))
