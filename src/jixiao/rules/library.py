"""The indicator library: common indicators (共性指标) by level and sector, as versioned
YAML data under ``jixiao/rules/indicators/`` (one file per level or sector), extendable with
the user's own files of the same shape. Searched by ``jixiao indicators``."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field

from jixiao.errors import JixiaoError
from jixiao.model.common import StrictModel
from jixiao.model.io import validated

Direction = Literal["正向", "反向", "等于"]
Scoring = Literal["比例", "分档", "定性"]


class LibraryIndicator(StrictModel):
    name: str = Field(description="指标名称")
    aliases: list[str] = Field(default_factory=list, description="常见别名")
    level1: str = Field(description="一级指标")
    level2: str | None = Field(default=None, description="二级指标")
    direction: Direction = Field(description="正向（越高越好）/反向（越低越好）/等于")
    unit: str | None = Field(default=None, description="单位，% 或计量单位；定性为空")
    scoring: Scoring = Field(description="评分方式")
    range: tuple[Decimal, Decimal] | None = Field(default=None, description="取值范围")
    typical: str | None = Field(default=None, description="常见指标值（不是规定值）")
    explanation: str | None = Field(default=None, description="计算方法/指标解释")


class LibraryFile(StrictModel):
    version: Literal[1] = 1
    level: str = Field(description="项目支出 / 部门整体支出")
    sector: str = Field(description="行业；通用指标为“通用”")
    source: str = Field(description="出处")
    indicators: list[LibraryIndicator]


@dataclass(frozen=True)
class Entry:
    """An indicator with the level, sector and source of the file it came from."""

    indicator: LibraryIndicator
    level: str
    sector: str
    source: str


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum()).lower()


def _load(text: str, origin: str) -> list[Entry]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise JixiaoError("E311", "指标库 YAML 格式错误", file=origin) from None
    book = validated(LibraryFile, data, code="E312", file=origin)
    return [Entry(i, book.level, book.sector, book.source) for i in book.indicators]


@cache
def builtin_library() -> tuple[Entry, ...]:
    folder = resources.files("jixiao.rules").joinpath("indicators")
    entries: list[Entry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            entries.extend(_load(item.read_text("utf-8"), f"indicators/{item.name}"))
    return tuple(entries)


def library(extra: Iterable[Path] = ()) -> list[Entry]:
    """The shipped entries, then those of the user's files (a folder: its *.yaml)."""
    entries = list(builtin_library())
    for path in extra:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                raise JixiaoError("E310", "无法读取指标库文件（须为 UTF-8 YAML）",
                                  file=str(file)) from None  # fmt: skip
            entries.extend(_load(text, str(file)))
    return entries


def search(entries: Iterable[Entry], query: str, *, level: str | None = None,
           sector: str | None = None) -> list[Entry]:
    """Entries whose name, an alias, level or explanation contains ``query`` (best first:
    the name itself, then names containing it, then aliases, then the rest)."""
    wanted = _norm(query)
    ranked: list[tuple[int, int, int, Entry]] = []
    for order, entry in enumerate(entries):
        item = entry.indicator
        if level and _norm(level) not in _norm(entry.level):
            continue
        if sector and _norm(sector) not in _norm(entry.sector):
            continue
        name = _norm(item.name)
        aliases = [_norm(a) for a in item.aliases]
        others = [_norm(t) for t in (item.level1, item.level2 or "", item.explanation or "",
                                     entry.sector)]  # fmt: skip
        if not wanted or name == wanted:
            rank = 0
        elif wanted in name:
            rank = 1
        elif wanted in aliases or any(wanted in a for a in aliases):
            rank = 2
        elif any(wanted in t for t in others):
            rank = 3
        else:
            continue
        ranked.append((rank, len(name), order, entry))
    return [entry for *_, entry in sorted(ranked, key=lambda r: r[:3])]
