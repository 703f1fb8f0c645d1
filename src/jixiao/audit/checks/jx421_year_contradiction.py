"""JX421: years that contradict the year of the evaluation or themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from jixiao.audit.common import evaluations, form_location
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.model.common import SourceRef

YEAR = r"((?:19|20)\d{2})"
ANY_YEAR = re.compile(r"(?:19|20)\d{2}")
TITLE_YEAR = re.compile(YEAR + r"\s*年度?")
FILE_YEAR = re.compile(YEAR + r"\s*年度")
# A heading or contents line naming an evaluation of a year.
HEADING = re.compile(
    YEAR + r"\s*年度?[^，。；,;]{0,40}?(?:自评表|自评报告|绩效自评|绩效评价报告|决算)"
)
RANGE = re.compile(r"(?<!\d)" + YEAR + r"\s*年?\s*(?:—+|–|-|－|~|～|至|到)\s*" + YEAR + r"(?!\d)")
# A scoring criterion that names the year whose works it evaluates.
STALE = re.compile(
    r"以\s*" + YEAR + r"\s*年度?(?:完工|竣工|建成|完成|实施|开工)的.{0,20}?为(?:评价|考核)"
)


def _year_of(text: str | None) -> int | None:
    """The one year a title names ("2023年度…"); none for a span ("2015—2018年度")."""
    if RANGE.search(text or ""):
        return None
    found = TITLE_YEAR.search(text or "")
    return int(found.group(1)) if found else None


class YearContradiction(Check):
    """年份前后矛盾：标题（或目录行、文件名）的年度与数据年度不符、年份区间倒置、评分标准
    仍以往年为评价内容。

    反例：文件名为“2022年度……自评”，表头却是“2023年度部门整体绩效自评表”；立项依据写
    “行动计划（2018—2010）”；2022 年度的评分标准写“以2015年完工的新建楼堂馆所为评价内容”。
    正例：文件名、标题、目录与表中数据是同一年度；区间写作“2018—2020”；评分标准的年份
    随评价年度更新。
    评价年度取表的年度，缺时取文件标题中的“YYYY年度”。
    """

    code = "JX421"
    title = "年份前后矛盾"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        document = context.document
        year = document.year or _year_of(document.title)
        # Every pattern below names a year: texts without one are skipped before any
        # location is made for them (most cells and many paragraphs have none).
        texts: list[tuple[str, Location]] = [
            (p.text, Location(source=SourceRef(paragraph=n, text=p.text[:60])))
            for n, p in enumerate(document.paragraphs, 1)
            if ANY_YEAR.search(p.text)
        ]
        if document.title:
            texts.append((document.title, Location(field="title")))
        for index, form in evaluations(context):
            year = year or form.year
            where = form_location(index, form)
            texts.append((form.name, where))
            for item in form.indicators:
                texts.extend((t, where) for t in (item.name, item.rule, item.points,
                                                   item.explanation, item.target)
                             if t and ANY_YEAR.search(t))
        yield from self._file_name(document.source_file, year)
        for text, where in texts:
            yield from self._ranges(text, where)
            if year is not None:
                yield from self._stale(text, where, year)
                yield from self._headings(text, where, year)

    def _file_name(self, source: str | None, year: int | None) -> Iterator[Finding]:
        # Only "YYYY年度" counts, and only one such year: "2023年公开2022年度决算" names the
        # publication year too.
        named_years = set(FILE_YEAR.findall(PurePath(source).stem)) if source else set()
        if len(named_years) != 1 or year is None:
            return
        named = int(named_years.pop())
        if named != year:
            yield self.finding(
                f"文件名写 {named} 年度，表头（标题）却是 {year} 年度",
                location=Location(field="source_file"),
                claimed=f"{year}年度",
                expected=f"{named}年度（与文件名一致）",
                tolerance="年度须完全一致",
            )

    def _ranges(self, text: str, where: Location) -> Iterator[Finding]:
        for match in RANGE.finditer(text):
            start, end = int(match.group(1)), int(match.group(2))
            if end < start:
                yield self.finding(
                    f"年份区间“{match.group(0)}”止年早于起年",
                    location=where,
                    claimed=match.group(0),
                    expected=f"止年不早于 {start} 年",
                    tolerance="止年须不早于起年",
                )

    def _stale(self, text: str, where: Location, year: int) -> Iterator[Finding]:
        for match in STALE.finditer(text):
            if int(match.group(1)) != year:
                yield self.finding(
                    f"{year} 年度的评价，评分标准却“{match.group(0)}”（年份未随评价年度更新）",
                    location=where,
                    claimed=f"{match.group(1)}年",
                    expected=f"{year}年",
                    tolerance="评分标准所指年份须为评价年度",
                )

    def _headings(self, text: str, where: Location, year: int) -> Iterator[Finding]:
        if len(text) > 60:
            return  # a heading or contents line is short; longer text is prose
        for match in HEADING.finditer(text):
            if int(match.group(1)) not in (year,):
                yield self.finding(
                    f"标题/目录行“{text.strip()}”写 {match.group(1)} 年度，文件其余部分为 "
                    f"{year} 年度",
                    location=where,
                    claimed=f"{match.group(1)}年度",
                    expected=f"{year}年度",
                    tolerance="年度须完全一致",
                )
