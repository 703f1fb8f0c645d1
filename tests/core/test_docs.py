"""The docs stay true: every rule kind and pack is documented; layers depend only downward."""

from __future__ import annotations

import ast

import pytest

from helpers import ROOT
from jixiao.rules.pack import builtin_pack_names
from jixiao.rules.registry import all_rules

SRC = ROOT / "src" / "jixiao"
RULES_DOC = (ROOT / "docs" / "rules.md").read_text("utf-8")

# What each layer may import (besides itself). cli may import everything.
ALLOWED = {
    "model": {"errors"},
    "decimals": {"model", "errors"},
    "ingest": {"model", "errors", "decimals"},
    "rules": {"model", "errors", "decimals"},
    "scoring": {"rules", "model", "errors", "decimals"},
    "accounts": {"model", "errors", "decimals"},
    "audit": {"scoring", "rules", "model", "errors", "decimals", "accounts"},
    "assessment": {"audit", "scoring", "rules", "model", "errors", "decimals", "accounts"},
    "render": {"assessment", "audit", "scoring", "rules", "model", "errors", "decimals",
               "accounts"},
    "cli": {"assessment", "render", "audit", "scoring", "rules", "model", "errors", "decimals",
            "accounts", "ingest", "samples", "web"},
}


@pytest.mark.parametrize("name", sorted(all_rules()))
def test_rule_kind_documented(name: str) -> None:
    assert f"`{name}`" in RULES_DOC


@pytest.mark.parametrize("name", builtin_pack_names())
def test_pack_documented(name: str) -> None:
    assert f"`{name}`" in RULES_DOC


def _imports(path: str) -> set[str]:
    tree = ast.parse((SRC / path).read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {n.split(".")[1] for n in names if n.startswith("jixiao.") and n.count(".")}
    return found


def test_layers_depend_only_downward() -> None:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        layer = relative.parts[0].removesuffix(".py")
        if layer not in ALLOWED:
            continue
        for imported in _imports(str(relative)) - {layer} - ALLOWED[layer]:
            problems.append(f"{relative} imports jixiao.{imported}")
    assert not problems, problems
