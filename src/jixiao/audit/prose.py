"""Reading figures out of narrative sentences for the prose checks (JX4xx, JX7xx).

A *passage* is a stretch of text with its place: a document paragraph, or a text field of
a form (年度总体目标, 实际完成情况, 偏差原因). :func:`figures` finds every number with a
unit (money in 万元, percentages, counts such as 人/件/次) with its character offsets and
the label written before it. The analysers below return :class:`ProseIssue` records; the
checks turn them into findings. Text is never rewritten, so offsets point into the
original string.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.audit.common import plain, sum_tolerance_text
from jixiao.decimals import Agreement, agreement, round_half_up, sum_tolerance, tolerance_text
from jixiao.model.common import SourceRef
from jixiao.model.document import Document
from jixiao.model.evaluation import EvaluationBase, SelfEvaluationBase

HUNDRED = Decimal(100)
MONEY = {
    "亿元": Decimal(10_000),
    "万元": Decimal(1),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}
COUNT_UNITS = (
    "人次", "人", "名", "个", "件", "次", "家", "户", "项", "篇", "条", "场", "台", "辆",
    "套", "所", "批", "期", "份", "起", "天", "学时", "课时", "小时", "场次",
)  # fmt: skip
SAME_UNIT = {"名": "人"}  # 65名选手 and 65人 count the same thing
_UNIT_ALT = "|".join(sorted(COUNT_UNITS, key=len, reverse=True))
_FIGURE = re.compile(
    r"(?<![\d.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    rf"(?P<unit>亿元|万元|千元|元|[%％]|(?P<scale>[万亿])?(?:{_UNIT_ALT}))"
)
_SENTENCE_END = "。！？!?\n"
_CLAUSE_STOP = "，,；;：:。！？!?\n、（(）)“”\""
_LEADING = (
    "其中", "一是", "二是", "三是", "四是", "五是", "并", "共计", "合计", "累计", "共", "全年",
)  # fmt: skip
_TRAILING = ("达到", "实现", "完成", "共计", "合计", "为", "达", "共", "计", "有", "约", "是")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


class Kind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"


@dataclass(frozen=True)
class Figure:
    """A number with its unit, as printed. ``value`` is in 万元 for money, the plain count
    (scale applied) for counts, the percentage for ``%``."""

    number: Decimal
    unit: str
    kind: Kind
    value: Decimal
    start: int
    end: int
    label: str
    text: str
    aside: bool = False  # inside （…）: a remark such as （含参公管理5人）

    def same_unit(self, other: Figure) -> bool:
        if self.kind is not other.kind:
            return False
        if self.kind is Kind.COUNT:
            return SAME_UNIT.get(self.unit, self.unit) == SAME_UNIT.get(other.unit, other.unit)
        return True


@dataclass(frozen=True)
class Passage:
    """Text with its place: a paragraph (``paragraph`` index) or a form field."""

    text: str
    heading: str | None = None
    paragraph: int | None = None
    form: int | None = None
    field: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class ProseIssue:
    passage: Passage
    start: int
    end: int
    message: str
    claimed: str
    expected: str
    severe: bool = True  # False: within rounding, truncation or a matter of convention
    tolerance: str | None = None


def _clean_label(text: str) -> str:
    label = text
    for word in _LEADING:
        if label.startswith(word) and len(label) - len(word) >= 2:
            label = label[len(word) :]
            break
    for word in _TRAILING:
        if label.endswith(word) and len(label) - len(word) >= 2:
            label = label[: -len(word)]
            break
    return label


def _label_before(text: str, start: int) -> str:
    cut = start
    while cut > 0 and text[cut - 1] not in _CLAUSE_STOP and start - cut < 30:
        cut -= 1
    return _clean_label(text[cut:start].strip())


def _inside_brackets(text: str, position: int) -> bool:
    opened = max(text.rfind("（", 0, position), text.rfind("(", 0, position))
    closed = max(text.rfind("）", 0, position), text.rfind(")", 0, position))
    return opened > closed


def figures(text: str) -> list[Figure]:
    found = []
    for match in _FIGURE.finditer(text):
        if text[max(0, match.start() - 1) : match.start()] == "第":
            continue  # 第23条 is an ordinal
        number = Decimal(match.group("num").replace(",", ""))
        unit = match.group("unit").replace("％", "%")
        scale = match.group("scale") or ""
        if unit in MONEY:
            kind, value = Kind.MONEY, number * MONEY[unit]
        elif unit == "%":
            kind, value = Kind.PERCENT, number
        else:
            kind, value = Kind.COUNT, number * _SCALE[scale] if scale else number
            unit = unit.removeprefix(scale)
        found.append(
            Figure(
                number=number,
                unit=unit,
                kind=kind,
                value=value,
                start=match.start(),
                end=match.end(),
                label=_label_before(text, match.start()),
                text=match.group(0),
                aside=_inside_brackets(text, match.start()),
            )
        )
    return found


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and text[start - 1] not in _SENTENCE_END:
        start -= 1
    end = position
    while end < len(text) and text[end] not in _SENTENCE_END:
        end += 1
    return start, end


def passages(document: Document) -> list[Passage]:
    """Every narrative passage: document paragraphs, then the text fields of each form."""
    found = [
        Passage(p.text, p.heading, paragraph=n, source=p.source)
        for n, p in enumerate(document.paragraphs)
    ]
    for index, form in enumerate(document.forms):
        if isinstance(form, SelfEvaluationBase):
            for field in ("goal_expected", "goal_actual"):
                text = getattr(form, field)
                if text:
                    found.append(Passage(text, form=index, field=field,
                                         source=form.sources.get(field)))
        if isinstance(form, EvaluationBase):
            for number, item in enumerate(form.indicators):
                if item.deviation_note and len(item.deviation_note) > 6:
                    found.append(Passage(item.deviation_note, form=index,
                                         field=f"indicators.{number}.deviation_note",
                                         source=item.sources.get("deviation_note")))
    return found


# ---------------------------------------------------------------- percentages ----------


def _percent_issue(
    passage: Passage,
    start: int,
    end: int,
    printed: Decimal,
    truth: Decimal,
    what: str,
) -> ProseIssue | None:
    verdict = agreement(printed, truth)
    if verdict is Agreement.EXACT:
        return None
    shown = f"{round_half_up(truth)}%"
    if verdict is Agreement.TRUNCATED:
        return ProseIssue(passage, start, end, f"{what}应为 {shown}，原文 {printed}% 系截尾而非"
                          "四舍五入", f"{printed}%", shown, False, tolerance_text(printed))
    slip = agreement(printed, truth / HUNDRED) is not Agreement.WRONG
    message = f"{what}应为 {shown}，原文为 {printed}%"
    if slip:
        message += "（疑似把比值当作百分数，漏乘 100）"
    return ProseIssue(passage, start, end, message, f"{printed}%", shown, True,
                      tolerance_text(printed))


_SHARE = re.compile(
    r"占(?:比(?:重)?)?(?P<base>[^，,；;。%％\d]{0,16}?)(?:的|之)?(?:比重|比例)?(?:为|约|达)?"
    r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_TIME_WORDS = ("本年度", "本年", "全年", "当年", "年度")


def _base_key(base: str) -> str:
    key = base.strip()
    for word in _TIME_WORDS:
        key = key.removeprefix(word)
    return key


def _find_base(
    key: str, part: Figure, here: list[Figure], earlier: list[list[Figure]]
) -> Figure | None:
    """The nearest figure before ``part`` whose label names ``key``."""
    for group in [[f for f in here if f.end <= part.start], *earlier]:
        for figure in reversed(group):
            if figure is not part and figure.same_unit(part) and key in figure.label:
                return figure
    return None


def share_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``X万元，占(…的)Y%`` against X / base."""
    history: list[list[Figure]] = []
    opener: Figure | None = None  # the total of a paragraph ending with "其中："
    for passage in items:
        text = passage.text
        found = figures(text)
        for match in _SHARE.finditer(text):
            before = [f for f in found if f.end <= match.start() and f.kind is not Kind.PERCENT]
            if not before or match.start() - before[-1].end > 4:
                continue
            part = before[-1]
            key = _base_key(match.group("base"))
            base: Figure | None
            if key:
                wide = any(word in key for word in ("合计", "总计", "总额", "总体"))
                earlier = list(reversed(history)) if wide else ([[opener]] if opener else [])
                base = _find_base(key, part, found, earlier)
            else:
                start, _ = sentence_bounds(text, part.start)
                inside = [f for f in before if f.start >= start and f.same_unit(part)]
                pivot = text.rfind("其中", start, part.start)
                heads = [f for f in inside if f.end <= pivot] if pivot >= 0 else inside[:1]
                base = heads[-1] if heads else None
                if base is part or base is None:
                    base = opener if opener is not None and opener.same_unit(part) else None
            if base is None or base.value == 0 or base is part:
                continue
            issue = _percent_issue(
                passage, part.start, match.end(), Decimal(match.group("pct")),
                part.value / base.value * HUNDRED,
                f"{part.text} 占 {base.label or '合计'} {base.text} 的比例",
            )
            if issue:
                yield issue
        history.append(found)
        money = [f for f in found if f.kind is not Kind.PERCENT]
        if text.rstrip().endswith(("其中：", "其中:")) and money:
            opener = money[-1]  # the total of the list that the next paragraphs itemise
        elif not money:
            opener = None


_RISE = ("增加", "增长", "上升", "提高")
_FALL = ("减少", "下降", "降低", "节约", "减")
_GROWTH = re.compile(
    r"(?P<w1>增加|增长|上升|提高|减少|下降|降低|节约)了?\s*(?P<amount>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(?P<unit>亿元|万元|千元|元)[，,、]?\s*(?:同比)?(?P<w2>增加|增长|上升|提高|减少|下降|降低|增幅|"
    r"降幅|减幅)?(?:为|了)?\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)


def growth_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``本年X万元 … 增加/减少D万元，增长/下降P%``: P against D / (X ∓ D)."""
    for passage in items:
        text = passage.text
        found = figures(text)
        for match in _GROWTH.finditer(text):
            rising = match.group("w1") in _RISE
            second = match.group("w2")
            if second and (second.startswith(_RISE) or second == "增幅") != rising:
                yield ProseIssue(
                    passage, match.start(), match.end(),
                    f"同一句先说“{match.group('w1')}”又说“{second}”，增减方向自相矛盾",
                    second, match.group("w1"),
                )
                continue
            delta = Decimal(match.group("amount").replace(",", "")) * MONEY[match.group("unit")]
            current = [
                f for f in found
                if f.end <= match.start() and f.kind is Kind.MONEY
            ]
            if not current:
                continue
            now = current[-1].value
            previous = now - delta if rising else now + delta
            if previous <= 0:
                continue
            issue = _percent_issue(
                passage, match.start(), match.end(), Decimal(match.group("pct")),
                delta / previous * HUNDRED,
                f"由 {current[-1].text} 与{match.group('w1')}额 {match.group('amount')}"
                f"{match.group('unit')} 推算，{'增长' if rising else '下降'}率",
            )
            if issue:
                yield issue


_COMPLETE = re.compile(
    r"完成(?P<which>年初预算|全年预算|调整预算|年度预算|预算)数?的?\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_DIFFERENCE = re.compile(r"差异率(?:为)?\s*(?P<pct>-?\d+(?:\.\d+)?)\s*[%％]")
_COMPARE = re.compile(r"决算数?(?P<cmp>大于|小于|等于|高于|低于|超过)(?P<which>年初)?预算数?")


def _budget_pair(
    found: list[Figure], start: int, end: int, initial: bool
) -> tuple[Figure, Figure] | None:
    money = [f for f in found if start <= f.start < end and f.kind is Kind.MONEY]
    budgets = [f for f in money if "预算" in f.label and (not initial or "年初" in f.label)]
    actuals = [f for f in money if "预算" not in f.label and re.search("决算|支出|执行", f.label)]
    if not budgets or not actuals:
        return None
    return budgets[-1], actuals[-1]


def budget_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """完成预算的P%, 预决算差异率 and 决算大于/小于预算 against the figures of the sentence."""
    for passage in items:
        text = passage.text
        found = figures(text)
        for pattern in (_COMPLETE, _DIFFERENCE, _COMPARE):
            for match in pattern.finditer(text):
                start, _ = sentence_bounds(text, match.start())
                initial = "年初" in (match.groupdict().get("which") or "")
                pair = _budget_pair(found, start, match.start(), initial)
                if pair is None:
                    continue
                budget, actual = pair
                if pattern is _COMPARE:
                    relation = match.group("cmp")
                    bigger = relation in ("大于", "高于", "超过")
                    holds = (
                        actual.value > budget.value if bigger
                        else actual.value < budget.value if relation in ("小于", "低于")
                        else actual.value == budget.value
                    )
                    if not holds:
                        yield ProseIssue(
                            passage, match.start(), match.end(),
                            f"决算 {actual.text}、预算 {budget.text}，原文却说决算数{relation}"
                            "预算数", relation, "与数字相符的比较",
                        )
                    continue
                if budget.value == 0:
                    if actual.value == 0 or Decimal(match.group("pct")) == 0:
                        continue
                    yield ProseIssue(
                        passage, match.start(), match.end(),
                        f"预算数为 0（{budget.text}），不能计算完成比例或差异率，原文却给出 "
                        f"{match.group('pct')}%", f"{match.group('pct')}%", "不适用（预算为 0）",
                    )
                    continue
                if pattern is _COMPLETE:
                    truth = actual.value / budget.value * HUNDRED
                    what = f"决算 {actual.text} ÷ 预算 {budget.text}，完成比例"
                else:
                    truth = (actual.value - budget.value) / budget.value * HUNDRED
                    what = f"（决算 {actual.text} − 预算 {budget.text}）÷ 预算，差异率"
                issue = _percent_issue(passage, match.start(), match.end(),
                                       Decimal(match.group("pct")), truth, what)
                if issue:
                    yield issue


# ------------------------------------------------------------------ components --------

_TOTAL_WORDS = re.compile(r"(?:共计|合计|总计|总额)")
_DETAIL_WORDS = re.compile(r"具体情况|具体如下|明细如下|分别为|分别是")


def _components(found: list[Figure], total: Figure, start: int, end: int) -> list[Figure]:
    parts = [
        f for f in found
        if start <= f.start < end and f.same_unit(total) and f is not total
        and not f.label.endswith(_RISE + _FALL)
        and (not f.aside or total.aside)
    ]
    running = Decimal(0)
    for number, part in enumerate(parts):
        running += part.value
        if running == total.value:
            return parts[: number + 1]  # the list is complete here; the rest is other news
    return parts


def _sum_issue(passage: Passage, total: Figure, parts: list[Figure],
               exhaustive: bool) -> ProseIssue | None:
    got = sum((p.value for p in parts), Decimal(0))
    if got == total.value:
        return None
    tolerance = sum_tolerance([p.number for p in parts] + [total.number])
    scale = MONEY.get(total.unit, Decimal(1)) if total.kind is Kind.MONEY else Decimal(1)
    within = abs(got - total.value) <= tolerance * scale
    # "其中" may list only part of the total: a shortfall there is not certain.
    severe = not within and (exhaustive or got > total.value)
    shown = " + ".join(p.text for p in parts)
    unit = total.unit if total.kind is not Kind.MONEY else "万元"
    return ProseIssue(
        passage, total.start, parts[-1].end,
        f"分项 {shown} = {plain(got)}{unit}，与所述合计 {total.text} 不符"
        + ("（在四舍五入尾差以内）" if within else ""),
        total.text, f"{plain(got)}{unit}", severe,
        sum_tolerance_text(len(parts) + 1, tolerance),
    )


def component_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``共X，其中A、B、C`` and ``共计X … 具体情况：A … B`` against A + B + C."""
    for passage in items:
        text = passage.text
        found = figures(text)
        for pivot in re.finditer("其中", text):
            heads = [f for f in found if f.end <= pivot.start() and f.kind is not Kind.PERCENT]
            if not heads or pivot.start() - heads[-1].end > 3:
                continue
            total = heads[-1]
            _, sentence_end = sentence_bounds(text, pivot.start())
            end = sentence_end
            if text[pivot.start() - 1 : pivot.start()] in ("（", "("):
                closing = min(
                    (at for at in (text.find("）", pivot.end()), text.find(")", pivot.end()))
                     if at >= 0), default=sentence_end,
                )
                end = min(end, closing)
            # A "；" ends the list when the next clause opens an enumeration of its own.
            for semi in re.finditer("[；;]", text[pivot.end():sentence_end]):
                at = pivot.end() + semi.start()
                following = text[at + 1: text.find("；", at + 1) if "；" in text[at + 1:
                                                                            sentence_end]
                                 else sentence_end]
                if len([f for f in figures(following) if f.same_unit(total)]) > 1:
                    end = at
                    break
            parts = _components(found, total, pivot.end(), end)
            if len(parts) >= 2 and (issue := _sum_issue(passage, total, parts, False)):
                yield issue
        for word in _TOTAL_WORDS.finditer(text):
            after = [f for f in found if f.start >= word.end() and f.kind is not Kind.PERCENT]
            if not after or after[0].start - word.end() > 3:
                continue
            total = after[0]
            detail = _DETAIL_WORDS.search(text, total.end)
            if detail is None:
                continue
            parts = _components(found, total, detail.end(), len(text))
            if len(parts) >= 2 and (issue := _sum_issue(passage, total, parts, True)):
                yield issue


# --------------------------------------------------------------- repeated counts ------

_NOUN_STOP = set("共和与及参的、，,；;。：:（()）“”\"0123456789")


def _noun_after(text: str, end: int) -> str:
    noun = ""
    for char in text[end : end + 6]:
        if char in _NOUN_STOP:
            break
        noun += char
    return noun


def _previous_clause(text: str, position: int) -> str:
    """The clause before the one holding ``position`` (context that names the subject)."""
    cut = position
    while cut > 0 and text[cut - 1] not in _CLAUSE_STOP:
        cut -= 1
    end = cut - 1
    start = end
    while start > 0 and text[start - 1] not in _CLAUSE_STOP:
        start -= 1
    return text[start:end] if end > 0 else ""


def count_keys(text: str) -> Iterator[tuple[tuple[str, ...], Figure]]:
    """Keys naming what a count counts: the label before it, or the noun after it."""
    for figure in figures(text):
        if figure.kind is not Kind.COUNT:
            continue
        unit = SAME_UNIT.get(figure.unit, figure.unit)
        if len(figure.label) >= 4:
            yield ("label", _previous_clause(text, figure.start), figure.label, unit), figure
        noun = _noun_after(text, figure.end)
        before = text[max(0, figure.start - 2) : figure.start]
        if len(noun) >= 2 and len(before) == 2 and not set(before) & _NOUN_STOP:
            yield ("noun", before, unit, noun), figure


def conflicting_counts(groups: list[list[Passage]]) -> Iterator[tuple[Figure, Passage, Figure,
                                                                       Passage]]:
    """The same count stated with two values within one group of passages."""
    seen_pairs: set[tuple[tuple[str, ...], Decimal, Decimal]] = set()
    for group in groups:
        first: dict[tuple[str, ...], tuple[Figure, Passage]] = {}
        for passage in group:
            for key, figure in count_keys(passage.text):
                if key not in first:
                    first[key] = (figure, passage)
                    continue
                earlier, where = first[key]
                if earlier.value == figure.value:
                    continue
                pair = (key, earlier.value, figure.value)
                if pair in seen_pairs:
                    continue
                seen_pairs.add(pair)
                yield earlier, where, figure, passage


# --------------------------------------------------------------- goal vs indicator ----

_GE_WORDS = ("不少于", "不低于", "以上", "至少", "达到", "大于", "超过", "不小于")
_LE_WORDS = ("不超过", "不高于", "以内", "以下", "控制在", "小于", "低于")


def bigrams(text: str) -> set[str]:
    chars = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {a + b for word in chars.split() for a, b in itertools.pairwise(word)}


@dataclass(frozen=True)
class GoalMention:
    clause: str
    figure: Figure
    start: int
    direction: str | None  # ">=", "<=" or None


def goal_mentions(text: str) -> list[GoalMention]:
    mentions = []
    for clause in re.finditer(r"[^，,；;。：:、\n]+", text):
        for figure in figures(clause.group(0)):
            words = clause.group(0)
            direction = (
                ">=" if any(w in words for w in _GE_WORDS)
                else "<=" if any(w in words for w in _LE_WORDS)
                else None
            )
            mentions.append(GoalMention(words, figure, clause.start() + figure.start, direction))
    return mentions


def match_goal(
    name: str, target: Figure, mentions: list[GoalMention], unique_unit: bool
) -> GoalMention | None:
    """The goal's mention of the same thing: the clause sharing most of the indicator name's
    character pairs, or — when the unit is used once on each side — the one figure in it."""
    wanted = bigrams(name)
    best: tuple[float, GoalMention] | None = None
    for mention in mentions:
        if not mention.figure.same_unit(target):
            continue
        common = len(wanted & bigrams(mention.clause))
        share = common / len(wanted) if wanted else 0.0
        if common >= 2 and share >= 0.4 and (best is None or share > best[0]):
            best = (share, mention)
    if best is not None:
        return best[1]
    same = [m for m in mentions if m.figure.same_unit(target) and m.figure.unit == target.unit]
    if unique_unit and len(same) == 1 and target.kind is not Kind.PERCENT:
        low, high = sorted((same[0].figure.value, target.value))
        if low > 0 and high / low <= 2:
            return same[0]
    return None


def target_figure(text: str | None) -> Figure | None:
    found = figures(text or "")
    return found[0] if len(found) == 1 else None
