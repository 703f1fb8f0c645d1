"""Read the narrative of a seed text export (../shared/seeds) for the prose checks.

Text-export format: a table row is a block separated by a blank line; a line starting with
a tab starts a cell, a line without one continues the previous cell. Narrative paragraphs
are the lines of blocks that contain no cell at all.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.model.document import Document, Paragraph
from jixiao.model.evaluation import SelfEvaluationBase


def blocks(text: str) -> list[list[str]]:
    found: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            found[-1].append(line)
        elif found[-1]:
            found.append([])
    return [b for b in found if b]


def cells(block: list[str]) -> list[str]:
    result: list[str] = []
    for line in block:
        if line.startswith("\t"):
            result.append(line[1:])
        elif result:
            result[-1] += "\n" + line
        else:
            result.append(line)
    return result


def paragraphs(path: Path) -> list[Paragraph]:
    found = []
    for block in blocks(path.read_text("utf-8")):
        if any(line.startswith("\t") for line in block):
            continue
        found.extend(Paragraph(text=line.strip()) for line in block if line.strip())
    return found


def goal_texts(path: Path) -> list[tuple[str, str]]:
    """(预期目标, 实际完成情况) of each 年度总体目标 block, in document order."""
    items = blocks(path.read_text("utf-8"))
    found = []
    for number, block in enumerate(items[:-1]):
        if [c.strip() for c in cells(block)] == ["年度总体目标", "预期目标", "实际完成情况"]:
            values = [c.strip() for c in cells(items[number + 1]) if c.strip()]
            if len(values) >= 2:
                found.append((values[0], values[1]))
    return found


def with_prose(document: Document, path: Path) -> Document:
    """The document with the seed's paragraphs and, form by form, its annual goals."""
    forms = list(document.forms)
    evaluations = [n for n, f in enumerate(forms) if isinstance(f, SelfEvaluationBase)]
    goals = goal_texts(path)
    if len(goals) == len(evaluations):
        for number, (expected, actual) in zip(evaluations, goals, strict=True):
            forms[number] = forms[number].model_copy(
                update={"goal_expected": expected, "goal_actual": actual}
            )
    return document.model_copy(update={"forms": forms, "paragraphs": paragraphs(path)})
