"""Whether a rule finding holds under every built-in rule pack.

When no province was identified the national pack is only assumed, so a score that
contradicts its rule may be right under the document's own province. The finding is still
certain when the printed figure is wrong under *every* built-in pack: whichever province
the document is from, no pack's rule gives the printed value (at the printed precision).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from jixiao.decimals import Agreement, agreement
from jixiao.model.document import Document
from jixiao.model.evaluation import EvaluationBase
from jixiao.rules.pack import Pack, builtin_pack_names, load_pack
from jixiao.scoring import FormResult
from jixiao.scoring.engine import score_form, score_indicator

# The fields a rule finding can point at whose value every pack recomputes.
CHECKED_FIELDS = frozenset({"claimed_score", "claimed_total"})


@cache
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_pack(name) for name in builtin_pack_names())


def _wrong(printed: Decimal | None, computed: Decimal | None) -> bool:
    # A pack that cannot compute the figure may allow it: not wrong under that pack.
    if printed is None or computed is None:
        return False
    return agreement(printed, computed) is Agreement.WRONG


def wrong_under_every_pack(
    document: Document,
    form_index: int | None,
    indicator: int | None,
    field: str | None,
    packs: Iterable[Pack] | None = None,
) -> bool:
    """True when the printed value at ``field`` (an indicator's score, or the form's total)
    lies outside what every pack's rule allows, beyond rounding (``packs``: the built-in
    ones unless given)."""
    packs = builtin_packs() if packs is None else tuple(packs)
    if field not in CHECKED_FIELDS or form_index is None:
        return False
    if not 0 <= form_index < len(document.forms):
        return False
    form = document.forms[form_index]
    if not isinstance(form, EvaluationBase):
        return False
    if field == "claimed_score":
        if indicator is None or not 0 <= indicator < len(form.indicators):
            return False
        item = form.indicators[indicator]
        return all(
            _wrong(item.claimed_score, score_indicator(pack, form.type, indicator, item)
                   .computed_score)
            for pack in packs
        )
    for pack in packs:
        result = score_form(form, pack, form_index)
        if not isinstance(result, FormResult):
            return False
        if not _wrong(form.claimed_total, result.computed_total):
            return False
    return True
