"""Find a CJK font for the charts through matplotlib's font manager.

Preferred families come first (Noto/Source Han from ``fonts-noto-cjk``, WenQuanYi from
``fonts-wqy-microhei``, then the usual Windows and macOS fonts); otherwise any installed
font that has the glyphs of a test phrase. With none, rendering stops with E531 and says
how to install one (``scripts/install-system-deps.sh``).
"""

from __future__ import annotations

from functools import cache

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from jixiao.errors import JixiaoError

PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "SimSun",
)
PROBE = "绩效评价得分预算执行率满意度"
# matplotlib's own fallback font maps every code point to a placeholder box: it "covers" the
# probe without showing a single character.
PLACEHOLDER_FONTS = ("Last Resort",)


def _covers(path: str) -> bool:
    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError):
        return False
    return all(ord(ch) in charmap for ch in PROBE)


def _find(fonts: list[font_manager.FontEntry]) -> str | None:
    installed = {font.name for font in fonts}
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    for font in fonts:
        if not font.name.startswith(PLACEHOLDER_FONTS) and _covers(font.fname):
            return str(font.name)
    return None


@cache
def cjk_font_family() -> str:
    """The family name matplotlib should use for Chinese text.

    matplotlib caches the font list on first use; fonts installed after that (the set-up
    script runs after the package is installed) are added from the system's font folders once.
    """
    manager = font_manager.fontManager
    family = _find(manager.ttflist)
    if family is None:
        known = {font.fname for font in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                manager.addfont(path)
        family = _find(manager.ttflist)
    if family is not None:
        return family
    raise JixiaoError(
        "E531",
        "未找到可显示中文的字体，图表无法生成。请运行 scripts/install-system-deps.sh，"
        "或执行 apt-get install -y fonts-noto-cjk（或 fonts-wqy-microhei）后重试",
    )
