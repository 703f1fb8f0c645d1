"""Traditional characters read as simplified ones (OpenCC ``t2s``), for every layer.

Documents from Hong Kong style templates, or pasted through a converter, print 預算數 for
预算数 and 杜集區 for 杜集区; vocabularies and place names are matched on the simplified form.
"""

from __future__ import annotations

import opencc

_T2S = opencc.OpenCC("t2s")  # the maintained converter; its dictionaries ship with it


def simplified(text: str) -> str:
    """Traditional characters as simplified ones, one character for one, so that offsets
    into ``text`` keep their meaning (a conversion that would change the length, such as a
    phrase mapping, is done character by character)."""
    if not text or text.isascii():
        return text
    converted = str(_T2S.convert(text))
    if len(converted) == len(text):
        return converted
    out = []
    for char in text:
        one = str(_T2S.convert(char))
        out.append(one if len(one) == 1 else char)
    return "".join(out)
