"""What the source 情况说明 says beyond its figures, imported into the regenerated one.

The figures come from the extracted accounts; the words a unit wrote (what 人员经费 and 公用
经费 consist of, the 三公 团组/人次/批次 and vehicle counts, its 预算绩效 narrative, 会议费
and 培训费, 其他需说明的事项, its 名词解释) are taken from the source by section. Sections
are recognised by the words of their headings, not by their numbers, which differ from one
unit to the next (001 puts 三公 at 七、, 004 at 九、).

Every imported sentence is checked against the spans that ``jixiao accounts`` flags: a
sentence holding a flagged figure is marked 【待核实】 with the finding's reason instead of
being copied silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.audit.framework import Finding
from jixiao.model.document import Paragraph

# First match wins: narrow phrases before broad ones.
SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("glossary", ("名词解释",)),
    ("other", ("其他需说明", "其他需要说明")),
    ("general", ("一般性支出", "会议费", "培训费")),
    ("performance", ("预算绩效", "绩效情况", "绩效管理")),
    ("sangong", ("三公",)),
    ("assets", ("国有资产",)),
    ("office", ("机关运行经费",)),
    ("basic", ("基本支出",)),
)
_TOP = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.．])")
_NUMBERED_TOP = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_SECOND = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]")
_START = re.compile(r"决算情况说明\s*$")
_END = re.compile(r"^\s*(?:附\s*件|附\s*表|部门决算表)")
_DETAIL_WORDS = ("团组", "人次", "批次", "保有量", "购置数", "开支内容", "差异原因")
_SENTENCE = re.compile(r"[^。；;]+[。；;]?")
SPACES = re.compile(r"\s+")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*[、.．]\s*")
_PART = re.compile(r"^\s*第[一二三四五六七八九十]+部分\s*$")
_REASON = re.compile(r"原因(?:是|为|主要是)?[：:]?\s*(.+)$")
_AMOUNT = re.compile(r"\d\s*(?:万元|元|亿元)")


@dataclass
class Line:
    text: str
    number: int  # the source paragraph number (from 1)
    heading: int = 0  # 0: text; 1: a top-level heading; 2: a second-level heading


@dataclass
class SourceExplanation:
    """The source's sections (key → its lines, headings inside kept) and the flagged spans."""

    sections: dict[str, list[Line]] = field(default_factory=dict)
    flags: dict[int, list[tuple[int, int, Finding]]] = field(default_factory=dict)
    lines: dict[int, str] = field(default_factory=dict)  # paragraph number → text

    def reason_after(self, paragraph: int, offset: int) -> str | None:
        """The reason a clause gives right after a figure (``…，主要原因是：X。``), when no
        other amount stands between the figure and the reason."""
        rest = self.lines.get(paragraph, "")[offset:].split("。")[0]
        match = _REASON.search(rest)
        if match is None or _AMOUNT.search(rest[: match.start()]):
            return None
        return match.group(1).strip().rstrip("。；;，,") or None

    def flag_in(self, line: Line, start: int = 0, end: int | None = None) -> Finding | None:
        """The first finding whose span lies inside ``line.text[start:end]``."""
        stop = len(line.text) if end is None else end
        for begin, finish, finding in self.flags.get(line.number, []):
            if start <= begin and finish <= stop:
                return finding
        return None

    def checked(self, line: Line, start: int = 0, end: int | None = None) -> str:
        """The text of a stretch of a line, marked when it holds a flagged figure."""
        text = line.text[start:end].strip()
        finding = self.flag_in(line, start, end)
        if finding is None:
            return text
        return f"{text}【待核实：{finding.title}，见文末数字核对说明】"

    def texts(self, key: str) -> list[tuple[int, str]]:
        """The section's lines as (heading level, checked text), its own heading left out."""
        return [(line.heading, self.checked(line)) for line in self.sections.get(key, [])]

    def details(
        self, key: str, words: Sequence[str] = _DETAIL_WORDS, *, after: str | None = None
    ) -> list[str]:
        """The sentences of a section that state one of ``words`` (counts, contents); with
        ``after``, only what follows that word in such a sentence (the figures before it are
        written from the accounts)."""
        found = []
        for line in self.sections.get(key, []):
            for match in _SENTENCE.finditer(line.text):
                if any(word in match.group() for word in words):
                    start = match.start()
                    cut = match.group().find(after) if after else -1
                    if after and cut >= 0:
                        start += cut
                    text = _LIST_MARK.sub("", self.checked(line, start, match.end()))
                    found.append(text.rstrip("；;") if text.endswith(("；", ";")) else text)
        return [text if text.endswith(("。", "】")) else text + "。" for text in found]

    def composition(self, name: str) -> str | None:
        """What an item consists of: the list after ``人员经费…包括：`` in the 基本支出 section."""
        pattern = re.compile(re.escape(name) + r"[^。]*?包括[：:]?\s*([^。]+)")
        for line in self.sections.get("basic", []):
            match = pattern.search(line.text)
            if match:
                return self.checked(line, match.start(1), match.end(1)).rstrip("，,；;")
        return None


def _key_of(heading: str) -> str | None:
    words = SPACES.sub("", heading)
    for key, phrases in SECTION_WORDS:
        if any(phrase in words for phrase in phrases):
            return key
    return None


def _level(text: str) -> int:
    if len(text) > 40 or "。" in text:
        return 0
    if _TOP.match(text):
        return 1
    return 2 if _SECOND.match(text) else 0


def _region(lines: list[Line]) -> list[Line]:
    """The lines from the 情况说明's title to the annexes (the whole text if no title)."""
    begin = next(
        (
            i + 1
            for i, line in enumerate(lines)
            if _START.search(line.text) and not _NUMBERED_TOP.match(line.text)
        ),
        0,
    )
    for index in range(begin, len(lines)):
        if _END.match(lines[index].text) and len(lines[index].text) < 40:
            return lines[begin:index]
    return lines[begin:]


def read_source(paragraphs: Sequence[Paragraph], findings: Sequence[Finding]) -> SourceExplanation:
    """Split the source's 情况说明 into sections and note where its flagged figures are."""
    lines = []
    for index, paragraph in enumerate(paragraphs):
        number = paragraph.source.paragraph if paragraph.source is not None else None
        text = paragraph.text.strip()
        if text:
            lines.append(Line(text, number if number is not None else index + 1, _level(text)))
    result = SourceExplanation(lines={line.number: line.text for line in lines})
    top: str | None = None
    current: str | None = None
    previous: Line | None = None
    for line in _region(lines):
        if previous is not None and _PART.match(previous.text) and _key_of(line.text):
            line.heading = 1  # "第四部分" with its title on the next line: "名词解释"
        previous = line
        if line.heading == 1:
            top = current = _key_of(line.text)
            continue
        if line.heading == 2:
            current = _key_of(line.text) or top
            if current is not None and current == top:
                result.sections.setdefault(current, []).append(line)
            continue
        if current is not None:
            result.sections.setdefault(current, []).append(line)
    for finding in findings:
        at = finding.location.source
        if finding.severity.value == "info" or at is None or at.paragraph is None:
            continue
        if at.start is not None and at.end is not None:
            result.flags.setdefault(at.paragraph, []).append((at.start, at.end, finding))
    return result
