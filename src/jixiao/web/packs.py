"""The rule packs the server offers, and what a document may not choose for itself.

A pack is named, never a path: only the built-in packs (and ``auto``, which infers one of
them from the document) can be used by a page, an API client or an import. A document's
``rule_kind``/``rule_params`` would let it choose its own scoring rule (``judgement`` accepts
any claimed score), so every document that comes in through the web has them removed, and
the history says how many were removed.
"""

from __future__ import annotations

from functools import cache

from jixiao.errors import JixiaoError
from jixiao.model import Document
from jixiao.rules.pack import builtin_pack_names, load_pack

AUTO = "auto"


@cache
def registered() -> dict[str, str]:
    """Pack name → Chinese title, ``auto`` first."""
    titles = {AUTO: "自动识别（按文件中的省份与地名）"}
    for name in builtin_pack_names():
        titles[name] = load_pack(name).title
    return titles


def check_pack(ref: str) -> str:
    """``ref`` if it names a registered pack; E304 otherwise (never opened as a file)."""
    if ref not in registered():
        known = "、".join(f"{name}（{title}）" for name, title in registered().items())
        raise JixiaoError("E304", f"未知的规则包，只能选用服务器上登记的规则包：{known}")
    return ref


def pack_label(name: str) -> str:
    """``xinjiang`` → ``新疆…（xinjiang）``, for pages and findings."""
    title = registered().get(name)
    return f"{title}（{name}）" if title and name != AUTO else (title or name)


def without_rule_choice(document: Document) -> tuple[Document, int]:
    """The document without any indicator's own rule kind, and how many were removed."""
    if not any(item.rule_kind or item.rule_params for form in document.forms
               for item in getattr(form, "indicators", [])):
        return document, 0
    forms = []
    removed = 0
    for form in document.forms:
        indicators = getattr(form, "indicators", None)
        if indicators is None:
            forms.append(form)
            continue
        cleaned = []
        for item in indicators:
            if item.rule_kind or item.rule_params:
                removed += 1
                item = item.model_copy(update={"rule_kind": None, "rule_params": {}})
            cleaned.append(item)
        forms.append(form.model_copy(update={"indicators": cleaned}))
    return document.model_copy(update={"forms": forms}), removed
