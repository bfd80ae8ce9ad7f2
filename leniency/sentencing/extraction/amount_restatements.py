"""A figure of money told again, dropped before the crime amount is added up: the allegation's figures where the
court finds its own, a person's account in the list of evidence, and a figure an earlier sentence already gave
(另查明, 公诉机关认为, the evidence proving the facts again)."""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.amount_context import (
    allegation_dropped,
    contention_dropped,
    different_victims,
    statement_dropped,
)
from leniency.sentencing.extraction.amount_exclusions import TAKEN_IN_CLAUSE
from leniency.sentencing.extraction.further_counts import FURTHER, in_other_counts
from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.numbers import bounds

SENTENCE_BREAK = "。；;\n！？!?"
VALUATION = re.compile(r"鉴定|价值|认定|估价|价格")
# loot going back before a figure in its sentence: handed back, recovered, returned to the owner
RETURNED_IN_SENTENCE = re.compile(r"退还|退回|交出|发还|返还|追回|起获|退赃|退赔")
TOTAL_REACH = 14  # 共计价值人民币 between the valuation's word and a total's figure
# Where the list of evidence begins ("上述事实，有下列证据证实：", "证据如下"): what follows proves the facts.
EVIDENCE_INTRO = re.compile(
    r"(?:有|经|由)[^。；;]{0,30}证据[^。；;]{0,20}(?:证实|证明|为证|在案)|证据如下|下列证据|以下证据"
)


def superseded_dropped(items: list[Mention], text: str) -> list[Mention]:
    """Without the allegation's figures where the court finds its own, and a person's account in the list of
    evidence where the facts tell figures (amount_context)."""
    if not text:
        return items
    items = allegation_dropped(items, text)
    items = contention_dropped(items, text, _sentence_starts(items, text))
    evidence = EVIDENCE_INTRO.search(text)
    if evidence is None:
        return items
    return statement_dropped(items, text, evidence.start(), _sentence_starts(items, text))


def _sentence_starts(items: list[Mention], text: str) -> list[int]:
    return [bounds(text, m.span.start, m.span.end, SENTENCE_BREAK)[0] for m in items]


def restatements_dropped(items: list[Mention], text: str) -> list[Mention]:
    """Drop a figure already given in an earlier sentence: judgments restate amounts (另查明, 公诉机关认为).

    Kept: approximate figures (约100元, 100余元), two valuations (价值700元) of things described
    differently, which are usually two different things, and the same sum told in two numbered counts (two acts).
    """
    kept: list[Mention] = []
    first: dict[Decimal, Mention] = {}
    evidence = EVIDENCE_INTRO.search(text)
    proof_starts = evidence.start() if evidence else len(text)
    for item in items:
        seen = first.get(item.value)
        if seen is not None and seen.sentence != item.sentence and not item.approximate:
            # the evidence list proves the figures of the facts again (issue 16, class 4)
            restated_as_proof = seen.span.start < proof_starts <= item.span.start
            if restated_as_proof or not (
                (
                    _valuation(text, seen)
                    and _valuation(text, item)
                    and _context(text, seen) != _context(text, item)
                )
                or different_victims(sentence_text(text, seen), sentence_text(text, item))
                or in_other_counts(text, seen, item)
            ):
                continue
        first.setdefault(item.value, item)
        kept.append(item)
    return kept


def returned_parts_dropped(items: list[Mention], text: str) -> list[Mention]:
    """Without the value of loot handed back or recovered, told again after a larger total value of the loot in an earlier
    sentence (被盗黄金饰品共计价值五十二万元…主动退还部分饰品，经认定价值二十万元): a part of what was taken, valued
    again. The amount is the value of what was taken (法释〔2013〕8号第四条), and what went back is 退赃 (刑法第64条,
    weighed as a circumstance), not more of it. Kept: a returned thing's value with no total before it, and one whose
    sentence tells a taking of its own or a further act (窃得…已发还，价值2000元; 又…), or stands in another numbered
    count: another act's sum."""
    totals = [m for m in items if m.total and _valuation(text, m, TOTAL_REACH)]
    kept = []
    for item in items:
        start, _ = bounds(text, item.span.start, item.span.end, SENTENCE_BREAK)
        told_before = text[start : item.span.start]
        wholes = [t for t in totals if t.sentence < item.sentence and t.value > item.value]
        if (
            wholes
            and RETURNED_IN_SENTENCE.search(told_before)
            and _valuation(text, item)
            and not TAKEN_IN_CLAUSE.search(told_before)
            and not FURTHER.search(told_before)
            and not any(in_other_counts(text, whole, item) for whole in wholes)
        ):
            continue
        kept.append(item)
    return kept


def _valuation(text: str, mention: Mention, reach: int = 8) -> bool:
    return bool(VALUATION.search(text, max(0, mention.span.start - reach), mention.span.start))


def _context(text: str, mention: Mention) -> str:
    return text[max(0, mention.span.start - 20) : mention.span.start]


def sentence_text(text: str, mention: Mention) -> str:
    if not text:
        return ""
    start, end = bounds(text, mention.span.start, mention.span.end, SENTENCE_BREAK)
    return text[start:end]
