"""Text normalisation that remembers where every character came from.

Matching runs on a normalised copy of a paragraph: full-width forms become ASCII, the
traditional characters of final-accounts vocabulary become simplified, white space and
pinyin glosses (``政務(wù)``) are dropped. ``origin`` maps each normalised character back to
its offset in the printed paragraph, so that every figure is located in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRADITIONAL = (
    "總計結餘轉撥費經決數預萬與較長減務車購運維護國說體項類資產採貨單門關機構業屬繳營補級開專"
    "實際財異為佔況億發應場報個輛積價額區縣權會議辦對於從進處員離職勞動險醫療衛當號稅僅達這劃"
    "設備內點廳傳統築樓範圍隊檢優鄉鎮農壓縮節約標準證據規則條嚴厲環養齡災轄簡亞協調兩"
)
_SIMPLIFIED = (
    "总计结余转拨费经决数预万与较长减务车购运维护国说体项类资产采货单门关机构业属缴营补级开专"
    "实际财异为占况亿发应场报个辆积价额区县权会议办对于从进处员离职劳动险医疗卫当号税仅达这划"
    "设备内点厅传统筑楼范围队检优乡镇农压缩节约标准证据规则条严厉环养龄灾辖简亚协调两"
)


def _table() -> dict[int, str]:
    table = {ord(t): s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True)}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    table.update({ord("﹪"): "%", ord("−"): "-", ord("–"): "-", ord("〇"): "0"})
    return table


_MAP = _table()
_PINYIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and, for each of its characters, the offset in the raw text."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets ``[start, end)`` of the normalised stretch ``[start, end)``."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else self._end()
            return at, at
        return self.origin[start], self.origin[end - 1] + 1

    def _end(self) -> int:
        return self.origin[-1] + 1 if self.origin else 0


def normalize(raw: str) -> Normalized:
    """Normalise ``raw`` for matching, keeping the way back to the printed offsets."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        mapped = _MAP.get(ord(char), char)
        if mapped.isspace():
            continue
        chars.append(mapped)
        origin.append(index)
    text = "".join(chars)
    if "(" in text:
        keep = [True] * len(text)
        for match in _PINYIN_RE.finditer(text):
            for i in range(match.start(), match.end()):
                keep[i] = False
        text = "".join(c for c, k in zip(text, keep, strict=True) if k)
        origin = [o for o, k in zip(origin, keep, strict=True) if k]
    return Normalized(text, tuple(origin))


_LABEL_NOISE_RE = re.compile(r"[、“”\"'‘’《》「」\[\]【】]")


def clean_label(text: str) -> str:
    """A label for matching and display: quotes and enumeration commas removed."""
    return _LABEL_NOISE_RE.sub("", text)
