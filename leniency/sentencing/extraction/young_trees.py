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

from leniency.sentencing.extraction.amounts import sentence_spans
from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.timber_volume import FELLING, PERMIT
from leniency.sentencing.extraction.told_sums import Told, summed_once, told_at

YOUNG_RE = re.compile(
    rf"幼树[）)]?(?:共计|合计|共|计|达)?(?P<a>{NUMBER})余?(?:株|棵)|(?P<b>{NUMBER})余?(?:株|棵)(?:[^，,。；;\d]{{0,6}}?)幼树"
)


def young_trees(text: str) -> int | None:
    """How many young trees the text says were felled (None where it says none)."""
    text = text or ""
    told: list[Told] = []
    for start, end, repeated in sentence_spans(text):
        if repeated:
            continue
        for match in YOUNG_RE.finditer(text, start, end):
            number = parse_number(match.group("a") or match.group("b"))
            clause = clause_before(text, match.end(), start)
            if number and FELLING.search(clause) and not PERMIT.search(clause):
                told.append(told_at(text, start, match.start(), number))
    total = summed_once(told)
    return int(total) if total is not None else None
