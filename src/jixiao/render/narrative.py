"""Import the narrative a source document already contains into the report's sections.

A self-evaluation file often carries its own report (部门整体支出绩效自评报告, 项目支出绩效
自评报告) as paragraphs. Its region is found by its title; inside it, a heading at the first
or second level (一、 / （一） / 8、 / （2）) whose words name a section starts that section,
and every other line (sub-headings, lists, prose) is kept in order as its text. Sections are
recognised by meaning (keywords such as 经验, 存在的问题, 建议), not by numbering, which the
documents get wrong as often as right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.model.document import Paragraph

# First match wins; the order puts the narrow phrases before the broad ones.
SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("goals", ("绩效目标",)),
    ("analysis", ("指标分析",)),
    ("experience", ("经验",)),
    ("problems", ("存在的问题", "存在问题")),
    ("suggestions", ("建议", "改进措施", "整改措施")),
    ("other", ("其他需要说明", "其他需说明", "其他说明")),
    ("management", ("管理及使用", "使用及管理", "资金使用", "支出管理", "资金投入")),
    ("process", ("评价工作", "工作开展", "组织实施")),
    ("conclusion", ("评价结论", "综合评价", "主要绩效")),
    ("performance", ("整体支出绩效", "绩效情况")),
    ("overview", ("基本情况", "概况")),
)
KIND_WORDS = {
    "department_self_evaluation": ("整体支出",),
    "project_self_evaluation": ("项目",),
    "scored_evaluation": ("评价报告",),
}
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、.．](?!\d))\s*"
)
_TITLE = re.compile(r"(自评报告|评价报告)\s*$")
_END = re.compile(r"^\s*(报告应包括以下附件|附\s*件\s*\d|件\d-\d)")
_INSTRUCTION = re.compile(r"^\s*[（(](参考提纲|参考格式|格式)[）)]\s*$")
HEADING_CHARS = 40
SUBHEADING_CHARS = 24


def is_subheading(text: str) -> bool:
    """A numbered line that reads as a heading (short, no clause inside), not a list item."""
    words = heading_text(text)
    return (
        words is not None
        and len(words) <= SUBHEADING_CHARS
        and not any(mark in words for mark in "，,；;")
    )


def _section_of(heading: str) -> str | None:
    for key, words in SECTION_WORDS:
        if any(word in heading for word in words):
            return key
    return None


def heading_text(text: str) -> str | None:
    """The words of a numbered heading line (without its number), else ``None``."""
    stripped = text.strip()
    match = _NUMBERED.match(stripped)
    if match is None or len(stripped) > HEADING_CHARS:
        return None
    rest = stripped[match.end() :].strip().rstrip("。:：")
    return rest or None


def _is_title(text: str) -> bool:
    line = text.strip()
    return len(line) <= HEADING_CHARS and _TITLE.search(line) is not None


def _region(texts: list[str], kind: str) -> tuple[int, int] | None:
    """Lines of the report about ``kind`` (else of the first report) in the document."""
    words = KIND_WORDS.get(kind, ())
    titles = [n for n, text in enumerate(texts) if _is_title(text)]
    chosen = [n for n in titles if any(w in texts[n] for w in words)] or titles
    if not chosen:
        return None
    start = chosen[0] + 1
    end = start
    while end < len(texts) and not (_END.match(texts[end]) or _is_title(texts[end])):
        end += 1
    return start, end


def import_narrative(paragraphs: Sequence[Paragraph], kind: str) -> dict[str, list[str]]:
    """Section id → the source's lines for it, from the report the document contains."""
    texts = [p.text for p in paragraphs]
    found = _region(texts, kind)
    if found is None:
        return {}
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for text in texts[found[0] : found[1]]:
        line = text.strip()
        if not line or _INSTRUCTION.match(line):
            continue
        words = heading_text(line)
        key = _section_of(words) if words else None
        if key is not None:
            current = key
            sections.setdefault(key, [])
            continue
        if current is not None:
            sections[current].append(line)
    return {key: lines for key, lines in sections.items() if lines}
