"""The registry of rule kinds.

A rule kind is a pure function ``RuleInput -> RuleResult`` registered under a name with
:func:`rule`. Each lives in its own module under :mod:`jixiao.rules.kinds`; adding a module
adds the rule (they are imported on first use), and a pack names it in YAML.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.model.quantity import Quantity


class Status(StrEnum):
    COMPUTED = "computed"  # the rule fixes the score
    JUDGEMENT = "judgement"  # the rule allows a range; the claimed score was checked against it
    NOT_COMPUTABLE = "not_computable"  # inputs are missing or not comparable


# RuleInput, RuleResult (and measure.Comparison) are made once per indicator scored: plain
# slotted dataclasses, since a frozen one's __init__ costs three times as much.
@dataclass(slots=True)
class RuleInput:
    weight: Decimal
    target: Quantity
    actual: Quantity
    claimed_score: Decimal | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    rule_text: str = ""  # 评分规则/评分标准 as printed, for kinds that read their own text
    points_text: str = ""  # 评价要点, where a checklist's items are listed


@dataclass(slots=True)
class RuleResult:
    """``score`` is unrounded; ``completion`` is the raw ratio (1 = 100%) when one exists."""

    status: Status
    score: Decimal | None
    explanation: str
    completion: Decimal | None = None

    @classmethod
    def not_computable(cls, why: str) -> RuleResult:
        return cls(Status.NOT_COMPUTABLE, None, why)


RuleFunction = Callable[[RuleInput], RuleResult]


@dataclass(frozen=True)
class RuleKind:
    name: str
    title: str
    function: RuleFunction
    doc: str


_REGISTRY: dict[str, RuleKind] = {}


def rule(name: str, title: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``name`` with a Chinese ``title``."""

    def decorate(function: RuleFunction) -> RuleFunction:
        if name in _REGISTRY:
            raise RuntimeError(f"rule kind {name!r} registered twice")
        _REGISTRY[name] = RuleKind(name, title, function, (function.__doc__ or "").strip())
        return function

    return decorate


@cache
def _load_kinds() -> None:
    from jixiao.rules import kinds

    for info in pkgutil.iter_modules(kinds.__path__):
        importlib.import_module(f"{kinds.__name__}.{info.name}")


def all_rules() -> dict[str, RuleKind]:
    _load_kinds()
    return dict(sorted(_REGISTRY.items()))


def get_rule(name: str) -> RuleKind:
    found = _REGISTRY.get(name)  # every indicator asks: skip the loader once it is known
    if found is not None:
        return found
    _load_kinds()
    if name not in _REGISTRY:
        known = "、".join(all_rules())
        raise JixiaoError("E301", f"未知的评分规则种类 {name!r}（可用：{known}）")
    return _REGISTRY[name]
