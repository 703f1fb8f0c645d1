"""Rule packs: a province's scoring practice as a YAML file.

A pack states its frameworks (level-1 weights per form type), which rule kind applies to
which indicator (first match wins; a child pack's rules come before its parent's), how
execution is scored, grade bands (lower bounds only, so there can be no gaps), rounding,
total caps and its sources. ``extends: national`` inherits everything not restated.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, PrivateAttr, field_validator, model_validator

from jixiao.errors import JixiaoError
from jixiao.model.common import StrictModel
from jixiao.model.evaluation import Indicator
from jixiao.model.io import validated
from jixiao.model.quantity import QuantityKind

PACKAGE_DIR = "jixiao.rules"
MATCH_CACHE_SIZE = 100_000
BUILTIN_DIR = "packs"


class RuleMatch(StrictModel):
    """Conditions (all must hold). Text conditions are regular expressions searched in the
    field; named groups of ``rule_text`` become rule parameters."""

    form: list[str] | None = None
    rule_text: str | None = None
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: Literal["number", "date", "qualitative", "empty"] | None = None

    @field_validator("rule_text", "level1", "level2", "name")
    @classmethod
    def _valid_regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"正则表达式无效：{exc}") from None
        return value

    def params_for(self, form_type: str, indicator: Indicator) -> dict[str, Any] | None:
        """The parameters captured by a match, or ``None`` when it does not match."""
        if self.form is not None and form_type not in self.form:
            return None
        captured: dict[str, Any] = {}
        for pattern, text in (
            (self.level1, indicator.level1),
            (self.level2, indicator.level2),
            (self.name, indicator.name),
        ):
            if pattern is not None and not re.search(pattern, text or ""):
                return None
        if self.rule_text is not None:
            found = re.search(self.rule_text, indicator.rule or "")
            if found is None:
                return None
            captured = {k: Decimal(v) for k, v in found.groupdict().items() if v is not None}
        if self.target is not None:
            kind = indicator.target_quantity.kind
            expected = {
                "number": QuantityKind.NUMBER,
                "date": QuantityKind.DATE,
                "qualitative": QuantityKind.QUALITATIVE,
                "empty": QuantityKind.EMPTY,
            }
            if kind is not expected[self.target]:
                return None
        return captured


class IndicatorRule(StrictModel):
    when: RuleMatch = Field(default_factory=RuleMatch)
    kind: str
    params: dict[str, Any] = Field(default_factory=dict)


class Framework(StrictModel):
    """Weights a form type must carry. ``level1_weights`` keys are regular expressions on
    the level-1 name ("决策|过程" sums both); ``strict`` makes a difference an error."""

    total: Decimal = Decimal(100)
    execution_weight: Decimal | None = None
    level1_weights: dict[str, Decimal] = Field(default_factory=dict)
    strict: bool = False


class GradeBand(StrictModel):
    min: Decimal
    name: str
    aliases: list[str] = Field(default_factory=list)


class Rounding(StrictModel):
    places: int = Field(default=2, ge=0, le=6)
    mode: Literal["half_up", "truncate"] = "half_up"


class ExecutionPolicy(StrictModel):
    round_rate_to_percent: bool = False


class TotalCap(StrictModel):
    """Total capped when the execution rate is below ``below`` percent."""

    below: Decimal
    cap: Decimal


class OverAchievementPenalty(StrictModel):
    """Points lost by an indicator whose actual exceeds its target by ``threshold`` or more."""

    threshold: Decimal = Decimal("0.3")
    points: Decimal = Decimal(2)


class DeclarationLimits(StrictModel):
    """How many indicators a declaration should set (JX812): the 一级 groups it must have,
    those it should have, and the most per 二级 group and in all."""

    required_level1: list[str] = Field(default_factory=lambda: ["产出", "效益"])
    recommended_level1: list[str] = Field(default_factory=lambda: ["满意度"])
    max_per_level2: int | None = Field(default=10, ge=1)
    max_total: int | None = Field(default=30, ge=1)


class Pack(StrictModel):
    name: str
    title: str
    extends: str | None = None
    description: str = ""
    sources: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list, description="省份名，用于自动推断")
    frameworks: dict[str, Framework] = Field(default_factory=dict)
    indicator_rules: list[IndicatorRule] = Field(default_factory=list)
    fallback_kind: str = "qualitative_band"
    grades: list[GradeBand]
    rounding: Rounding = Field(default_factory=Rounding)
    execution: ExecutionPolicy = Field(default_factory=ExecutionPolicy)
    total_caps: list[TotalCap] = Field(default_factory=list)
    over_achievement_penalty: OverAchievementPenalty | None = None
    not_applicable: Literal["full_marks", "redistribute", "rescale"] = "redistribute"
    declaration_limits: DeclarationLimits = Field(default_factory=DeclarationLimits)
    _matches: dict[tuple[object, ...], tuple[str, dict[str, Any]]] = PrivateAttr(
        default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> Pack:
        from jixiao.rules.registry import all_rules

        known = all_rules()
        for item in self.indicator_rules:
            if item.kind not in known:
                raise ValueError(f"未知的评分规则种类 {item.kind!r}")
        if self.fallback_kind not in known:
            raise ValueError(f"未知的评分规则种类 {self.fallback_kind!r}")
        mins = [band.min for band in self.grades]
        if not mins or mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("等次 grades 应按下限从高到低排列且不重复")
        if mins[-1] != 0:
            raise ValueError("最低等次的下限应为 0，等次之间不能有空档")
        return self

    def grade_for(self, total: Decimal) -> str:
        for band in self.grades:
            if total >= band.min:
                return band.name
        return self.grades[-1].name

    def grade_names(self, name: str) -> set[str]:
        """All spellings of the grade called ``name`` (e.g. 优 / 优秀)."""
        for band in self.grades:
            if name == band.name or name in band.aliases:
                return {band.name, *band.aliases}
        return {name}

    def rule_for(self, form_type: str, indicator: Indicator) -> tuple[str, dict[str, Any]]:
        if indicator.rule_kind:
            return indicator.rule_kind, dict(indicator.rule_params)
        # Thousands of forms repeat the same few rule texts and levels: match each once.
        key = (form_type, indicator.level1, indicator.level2, indicator.name, indicator.rule,
               indicator.target_quantity.kind)
        found = self._matches.get(key)
        if found is None:
            found = self._match(form_type, indicator)
            if len(self._matches) < MATCH_CACHE_SIZE:
                self._matches[key] = found
        return found[0], dict(found[1])

    def _match(self, form_type: str, indicator: Indicator) -> tuple[str, dict[str, Any]]:
        for item in self.indicator_rules:
            captured = item.when.params_for(form_type, indicator)
            if captured is not None:
                return item.kind, {**item.params, **captured}
        return self.fallback_kind, {}


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        if key == "indicator_rules":
            merged[key] = list(value) + list(parent.get(key, []))
        elif isinstance(value, dict) and isinstance(parent.get(key), dict):
            merged[key] = parent[key] | value  # one level: a restated framework replaces
        else:
            merged[key] = value
    return merged


def builtin_pack_names() -> list[str]:
    folder = resources.files(PACKAGE_DIR).joinpath(BUILTIN_DIR)
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def _read_yaml(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise JixiaoError("E302", "规则包 YAML 格式错误", file=origin) from None
    if not isinstance(data, dict):
        raise JixiaoError("E302", "规则包应为一个映射（键: 值）", file=origin)
    return data


def _raw_pack(ref: str, seen: tuple[str, ...] = ()) -> tuple[dict[str, Any], str]:
    if ref in seen:
        raise JixiaoError("E303", f"规则包继承出现循环：{' → '.join((*seen, ref))}")
    path = Path(ref)
    if ref.endswith((".yaml", ".yml")) or path.is_file():
        if not path.is_file():
            raise JixiaoError("E304", "规则包文件不存在", file=ref)
        data, origin = _read_yaml(path.read_text("utf-8"), ref), ref
    elif ref in builtin_pack_names():
        folder = resources.files(PACKAGE_DIR).joinpath(BUILTIN_DIR)
        origin = f"{ref}.yaml"
        data = _read_yaml(folder.joinpath(origin).read_text("utf-8"), origin)
    else:
        known = "、".join(builtin_pack_names())
        raise JixiaoError("E304", f"未知的规则包 {ref!r}（内置：{known}；也可给出 YAML 文件路径）")
    parent = data.get("extends")
    if parent:
        parent_data, _ = _raw_pack(str(parent), (*seen, ref))
        data = _merge(parent_data, data)
    return data, origin


@cache
def load_pack(ref: str) -> Pack:
    """A built-in pack by name (``xinjiang``) or a pack file by path."""
    data, origin = _raw_pack(ref)
    return validated(Pack, data, code="E305", file=origin)
