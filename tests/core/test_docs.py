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
    "model": {"errors", "hanzi"},
    "decimals": {"model", "errors", "hanzi"},
    "ingest": {"hanzi", "model", "errors", "decimals"},
    "rules": {"hanzi", "model", "errors", "decimals"},
    "scoring": {"hanzi", "rules", "model", "errors", "decimals"},
    "accounts": {"hanzi", "model", "errors", "decimals"},
    "audit": {"hanzi", "scoring", "rules", "model", "errors", "decimals", "accounts"},
    "assessment": {"hanzi", "audit", "scoring", "rules", "model", "errors", "decimals", "accounts"},
    "render": {
        "hanzi",
        "assessment",
        "audit",
        "scoring",
        "rules",
        "model",
        "errors",
        "decimals",
        "accounts",
    },
    "cli": {
        "hanzi",
        "assessment",
        "render",
        "audit",
        "scoring",
        "rules",
        "model",
        "errors",
        "decimals",
        "accounts",
        "ingest",
        "samples",
        "web",
    },
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


def test_no_check_imports_another() -> None:
    """A check is one file: what two checks share lives in the audit layer's helper modules."""
    problems = []
    for path in sorted((SRC / "audit" / "checks").glob("jx[0-9][0-9][0-9]_*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                leaf = node.module.rsplit(".", 1)[-1]
                if (
                    node.module.startswith("jixiao.audit.checks.")
                    and leaf[:2] == "jx"
                    and leaf[2:5].isdigit()
                ):
                    problems.append(f"{path.name} imports {node.module}")
    assert not problems, problems
