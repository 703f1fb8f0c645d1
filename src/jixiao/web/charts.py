"""Small bar charts drawn as inline SVG on the server (no script, no network)."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

BAR_COLOUR = "#3b6ea8"
TEXT_COLOUR = "#333"


def bar_chart(
    labels: list[str], values: list[int], *, title: str, horizontal: bool = False
) -> SafeString:
    """A bar chart with a title, value labels and category labels, sized to its data."""
    peak = max(values, default=0) or 1
    parts: list[str] = []
    if not labels:
        parts.append('<text x="10" y="44" font-size="12">暂无已报送的数据</text>')
    if horizontal:
        label_width, bar_space, row = 150, 300, 22
        width, height = label_width + bar_space + 60, 30 + row * max(len(labels), 1)
        for n, (label, value) in enumerate(zip(labels, values, strict=True)):
            y = 30 + n * row
            length = bar_space * value / peak
            parts.append(
                f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" '
                f'font-size="12">{escape(label)}</text>'
                f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
                f'fill="{BAR_COLOUR}"><title>{escape(label)}：{value}</title></rect>'
                f'<text x="{label_width + length + 4:.1f}" y="{y + 14}" font-size="12">'
                f"{value}</text>"
            )
    else:
        slot, plot = 64, 160
        width, height = max(slot * len(labels), 200) + 20, plot + 80
        for n, (label, value) in enumerate(zip(labels, values, strict=True)):
            x = 10 + n * slot
            bar = plot * value / peak
            top = 30 + plot - bar
            parts.append(
                f'<rect x="{x + 8}" y="{top:.1f}" width="{slot - 16}" height="{bar:.1f}" '
                f'fill="{BAR_COLOUR}"><title>{escape(label)}：{value}</title></rect>'
                f'<text x="{x + slot / 2}" y="{top - 4:.1f}" text-anchor="middle" '
                f'font-size="12">{value}</text>'
                f'<text x="{x + slot / 2}" y="{30 + plot + 16}" text-anchor="middle" '
                f'font-size="12">{escape(label)}</text>'
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" fill="{TEXT_COLOUR}">'
        f'<text x="10" y="18" font-size="14" font-weight="bold">{escape(title)}</text>'
        f"{''.join(parts)}</svg>"
    )
    return mark_safe(svg)  # every text above is escaped
