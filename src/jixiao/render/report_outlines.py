"""Report outlines per kind of evaluation, as data.

- 部门（单位）整体支出绩效自评报告: the outline of the provinces' department self-evaluation
  report (基本情况, 支出管理及使用, 整体支出绩效, 问题, 改进措施, 其他);
- 项目支出绩效自评报告 and 绩效评价报告: the reference outline of 财预〔2020〕10号
  (基本情况, 评价工作开展情况, 综合评价及结论, 指标分析, 经验和问题, 建议, 其他).

A part is numbered 一、二、…, a block inside it （一）（二）…; a block lists what it holds:
a generated piece (``funding``, ``conclusion`` …, see :mod:`jixiao.render.report_blocks`)
or ``text:<id>`` — the section's narrative (from the form or imported from the source's own
report), with a 【待填写】 placeholder when there is none; ``text?:<id>`` needs none.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    title: str | None
    content: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    title: str
    blocks: tuple[Block, ...]


# narrative id → the label of its placeholder
NARRATIVE_LABELS: dict[str, str] = {
    "overview": "概况（背景、主要内容、实施情况）",
    "goals": "绩效目标设定情况",
    "management": "资金使用及管理情况（资金管理制度及执行、组织实施管理）",
    "process": "绩效评价工作开展情况（目的、对象和范围、原则、方法、过程）",
    "performance": "整体支出绩效情况（履职效果、社会效益、满意度）",
    "conclusion": "综合评价结论",
    "analysis": "绩效评价指标分析",
    "experience": "主要经验及做法",
    "problems": "存在的问题及原因分析",
    "suggestions": "有关建议",
    "other": "其他需要说明的问题",
}

_TAIL = (
    Part(
        "主要经验及做法、存在的问题及原因分析",
        (
            Block("主要经验及做法", ("text:experience",)),
            Block("存在的问题及原因分析", ("text:problems", "shortfalls")),
        ),
    ),
    Part("有关建议", (Block(None, ("text:suggestions",)),)),
    Part("其他需要说明的问题", (Block(None, ("text:other",)),)),
)

DEPARTMENT = (
    Part(
        "部门（单位）基本情况",
        (
            Block("部门（单位）概况", ("facts", "text:overview")),
            Block("绩效目标设定情况", ("goals", "text?:goals")),
        ),
    ),
    Part(
        "部门整体支出管理及使用情况",
        (
            Block("预算执行情况", ("funding",)),
            Block("支出管理及使用情况", ("text?:management",)),
            Block("项目支出绩效自评情况", ("projects",)),
        ),
    ),
    Part("绩效自评工作开展情况", (Block(None, ("basis", "text:process")),)),
    Part(
        "部门整体支出绩效情况",
        (
            Block("自评得分及评价等次", ("conclusion", "text?:conclusion")),
            Block("整体支出绩效情况", ("text?:performance",)),
            Block("评价指标分析", ("analysis", "text?:analysis")),
            Block("主要经验及做法", ("text:experience",)),
        ),
    ),
    Part("存在的问题及原因分析", (Block(None, ("text:problems", "shortfalls")),)),
    Part("下一步改进措施", (Block(None, ("text:suggestions",)),)),
    Part("其他需要说明的情况", (Block(None, ("text:other",)),)),
)

PROJECT = (
    Part(
        "项目基本情况",
        (
            Block("项目概况", ("facts", "text:overview")),
            Block("项目资金使用及管理情况", ("funding", "text?:management")),
            Block("项目绩效目标", ("goals", "text?:goals")),
        ),
    ),
    Part("绩效评价工作开展情况", (Block(None, ("basis", "text:process")),)),
    Part("综合评价情况及评价结论", (Block(None, ("conclusion", "text?:conclusion")),)),
    Part("绩效评价指标分析", (Block(None, ("analysis", "text?:analysis")),)),
    *_TAIL,
)

SCORED = (
    Part(
        "基本情况",
        (
            Block("项目概况", ("facts", "text:overview")),
            Block("资金投入和使用情况", ("text:management",)),
            Block("绩效目标", ("goals", "text?:goals")),
        ),
    ),
    Part("绩效评价工作开展情况", (Block(None, ("basis", "text:process")),)),
    Part("综合评价情况及评价结论", (Block(None, ("conclusion", "text?:conclusion")),)),
    Part("绩效评价指标分析", (Block(None, ("analysis", "text?:analysis")),)),
    *_TAIL,
)

OUTLINES: dict[str, tuple[Part, ...]] = {
    "department_self_evaluation": DEPARTMENT,
    "project_self_evaluation": PROJECT,
    "scored_evaluation": SCORED,
}
