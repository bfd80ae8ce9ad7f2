"""The precious trees felled (珍贵树木, 株) or their standing volume (立方米): what 非法采伐、毁坏国家重点保护植物 (刑法第344条)
is measured by, read by charge_amounts.measured_amount for the amount_brackets.yaml `measure: precious_trees`.

法释〔2000〕36号第二条 makes 非法采伐珍贵树木二株以上 (第(一)项) or 二立方米以上 (第(二)项) 情节严重: the same figure in
either unit, so the measure is the larger of the two numbers. Counted: trees (株, 棵) told in a clause that fells, destroys
or digs them (采伐红豆杉一株, 砍伐樟树5株); the volume as timber_volume.py reads it. Not counted: trees planted or to be
planted (补种, 栽植), logs (段木23根). Lots are added; a total restating them is not (told_sums.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.timber_volume import timber_volume
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

TREES_RE = re.compile(rf"(?P<num>{NUMBER})余?(?:株|棵)(?!以上|以下)")
FELLED = re.compile(r"伐|砍|毁|挖|锯")
PLANTED = re.compile(r"补种|补植|栽植|种植|栽种|植树")


def felled_trees(text: str) -> int | None:
    """How many trees the text says were felled, destroyed or dug (None where it says none)."""
    total = summed_once(told_figures(text or "", TREES_RE, _felled))
    return int(total) if total is not None else None


def _felled(text: str, trees: re.Match, start: int, _end: int) -> Decimal | None:
    """The number of trees told where their clause fells, destroys or digs them, not plants them."""
    number = parse_number(trees.group("num"))
    clause = clause_before(text, trees.end(), start)
    return number if number and FELLED.search(clause) and not PLANTED.search(clause) else None


def precious_trees(text: str) -> Decimal | None:
    """The trees felled or their standing volume in cubic metres, whichever number is larger (None where neither)."""
    trees, volume = felled_trees(text), timber_volume(text)
    if trees is None and volume is None:
        return None
    return max(Decimal(trees or 0), volume or Decimal(0))
