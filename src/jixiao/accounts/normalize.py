"""Text normalisation that remembers where every character came from.

Matching runs on a normalised copy of a paragraph: full-width forms become ASCII,
traditional characters become simplified (OpenCC ``t2s``), white space and
pinyin glosses (``政務(wù)``) are dropped. ``origin`` maps each normalised character back to
its offset in the printed paragraph, so that every figure is located in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.hanzi import simplified


def _table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
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
    mapped = simplified(raw.translate(_MAP))
    keep = [i for i, char in enumerate(mapped) if not char.isspace()]
    if len(keep) == len(mapped) and "(" not in mapped:
        return Normalized(mapped, tuple(keep))
    text = "".join(mapped[i] for i in keep)
    origin = keep
    if "(" in text:
        dropped: set[int] = set()
        for match in _PINYIN_RE.finditer(text):
            dropped.update(range(match.start(), match.end()))
        if dropped:
            text = "".join(c for i, c in enumerate(text) if i not in dropped)
            origin = [o for i, o in enumerate(origin) if i not in dropped]
    return Normalized(text, tuple(origin))


_LABEL_NOISE_RE = re.compile(r"[、“”\"'‘’《》「」\[\]【】]")


def clean_label(text: str) -> str:
    """A label for matching and display: quotes and enumeration commas removed."""
    return _LABEL_NOISE_RE.sub("", text)
