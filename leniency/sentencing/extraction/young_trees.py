"""The number of young trees felled (幼树株数): beside the standing volume (timber_volume.py), the measure of 盗伐林木 and
滥伐林木 (刑法第345条第1、2款) where the trees felled are saplings with no volume worth measuring.

法释〔2000〕36号 (第四条, 第六条; recalled, unconfirmed) sets each threshold as a volume or a number of young trees
(盗伐: 二至五立方米 or 幼树一百至二百株 数量较大, 幼树一千至二千株 数量巨大; 滥伐: 十至二十立方米 or 幼树五百至一千株), and
法释〔2023〕8号 (recalled, unconfirmed) keeps 幼树 and folds the two measures together in proportion. Counted: a number of
trees (株) told as young trees (幼树2200株, 2200株幼树) in a clause that fells them (伐, 砍); not saplings planted or
bought, not grown trees counted by the trunk (盗伐杉木80株: their volume is the measure). Lots are added, a total restating
them is not (told_sums.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.timber_volume import FELLING, PERMIT, timber_volume
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

# Young trees that stand for a cubic metre at the thresholds amount_brackets.yaml takes (the top of each range):
# 盗伐 幼树二百株 beside 五立方米 (法释〔2000〕36号第四条), 滥伐 幼树一千株 beside 二十立方米 (第六条); recalled, unconfirmed.
TREES_PER_CUBIC_METRE = {"盗伐林木": Decimal(40), "滥伐林木": Decimal(50)}
YOUNG_RE = re.compile(
    rf"幼树[）)]?(?:共计|合计|共|计|达)?(?P<a>{NUMBER})余?(?:株|棵)|(?P<b>{NUMBER})余?(?:株|棵)(?:[^，,。；;\d]{{0,6}}?)幼树"
)


def young_trees(text: str) -> int | None:
    """How many young trees the text says were felled (None where it says none)."""
    total = summed_once(told_figures(text or "", YOUNG_RE, _felled_young))
    return int(total) if total is not None else None


def _felled_young(text: str, trees: re.Match, start: int, _end: int) -> Decimal | None:
    """The number of young trees told where their clause fells them and names no permit."""
    number = parse_number(trees.group("a") or trees.group("b"))
    clause = clause_before(text, trees.end(), start)
    return number if number and FELLING.search(clause) and not PERMIT.search(clause) else None


def stolen_timber_measure(text: str) -> Decimal | None:
    """盗伐林木's measure in cubic metres: the standing volume, or what the young trees stand for where that is more."""
    return _volume_or_trees(text, TREES_PER_CUBIC_METRE["盗伐林木"])


def felled_timber_measure(text: str) -> Decimal | None:
    """滥伐林木's measure in cubic metres: the standing volume, or what the young trees stand for where that is more."""
    return _volume_or_trees(text, TREES_PER_CUBIC_METRE["滥伐林木"])


def _volume_or_trees(text: str, per_cubic_metre: Decimal) -> Decimal | None:
    """The volume or the trees' equivalent, whichever is more: the interpretation's thresholds are met by either
    (立方米…或者幼树…株). 法释〔2023〕8号 is recalled to add the two in proportion (按相应比例折算合计); not done here, the
    reading that both interpretations support being the larger of the two."""
    volume = timber_volume(text)
    trees = young_trees(text)
    if trees is None:
        return volume
    return max(volume or Decimal(0), Decimal(trees) / per_cubic_metre)
