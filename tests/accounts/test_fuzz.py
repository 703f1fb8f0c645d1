"""Extraction never raises, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.accounts.extract import extract_accounts
from jixiao.cli.commands.accounts import check_accounts
from jixiao.model.document import Document, Paragraph
from jixiao.render.explanation import explanation_sections

_WORDS = st.sampled_from(
    [
        "收入总计",
        "本年收入",
        "其中：",
        "占",
        "%",
        "万元",
        "元",
        "比上年",
        "增加",
        "减少",
        "下降",
        "增长",
        "年初预算数为",
        "决算数",
        "完成预算的",
        "预决算差异率",
        "（类）",
        "（款）",
        "（项）",
        "三公",
        "公务接待费",
        "主要原因是：",
        "。",
        "，",
        "；",
        "-",
        "1,234.5",
        "0",
        "0.00",
        "100",
        "辆",
        "平方米",
        "人",
        "收、支总计",
        "（一）",
        "一、",
        "名词解释",
        "第四部分",
        "部门决算情况说明",
        "附 件",
        "预算绩效",
        "其他需说明的事项",
        "团组",
        "人次",
        "人员经费",
        "包括：",
        "原因是：",
        "预决算差异率",
        "\n",
    ]
)
_TEXT = st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_extraction_never_raises(texts: list[str]) -> None:
    paragraphs = [Paragraph(text=t) for t in texts]
    accounts = extract_accounts(paragraphs)
    findings = check_accounts(Document(paragraphs=paragraphs))
    sections = explanation_sections(accounts, paragraphs=paragraphs, findings=findings)
    assert sections[1].heading == "一、收入支出决算总体情况说明"
    for statement in accounts.statements:
        for printed in (statement.amount, statement.share, statement.growth):
            if printed is not None and printed.source is not None:
                source = printed.source
                assert source.start is not None and source.end is not None
                assert 0 <= source.start <= source.end
