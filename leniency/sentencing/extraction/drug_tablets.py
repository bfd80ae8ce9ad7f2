"""Drugs counted by tablets (片, 粒, 颗, 丸): 曲马多片, 三唑仑片, 麻古 are often told by their number, with or without a
weight.

刑法第357条第2款 counts a drug by its weight (以查证属实的…数量计算, not by purity), and the thresholds of 法释〔2016〕8号
are in grams, so a number of tablets is no quantity by itself. Where the text gives the weight of each tablet (每片重0.2克,
每粒净重0.1克) or the drug each holds (每片含曲马多0.05克), the quantity is the number times that figure, the only weight the
text tells (reading the drug held, not a guessed tablet weight, is the reading that least burdens the defendant). Where
it gives no weight of that drug at all, the tablets are reported with no weight, never converted at an assumed weight per
tablet (issue 16, failure class 5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.extraction.drugs import names_pattern, substance
from leniency.sentencing.extraction.numbers import NUMBER, bounds, parse_number, span
from leniency.sentencing.facts import Span

TABLET_UNITS = "片粒颗丸"
COUNT_RE = re.compile(rf"(?P<num>{NUMBER})(?P<unit>[{TABLET_UNITS}])(?![剂状装])")
# the weight of one tablet, or of the drug one tablet holds: 每片重0.2克, 每粒净重约0.1克, 每片含曲马多50毫克, 单片重0.2克
EACH_RE = re.compile(
    rf"(?:每|单)(?P<unit>[{TABLET_UNITS}])(?:的)?(?:净?重(?:量)?|含(?:[^，,。；;\d]{{0,12}}?))?(?:为|约|是|：|:)?"
    rf"\s*(?P<num>{NUMBER})\s*(?P<grams>毫克|克|mg|g)"
)
GRAMS_PER = {"毫克": Decimal("0.001"), "mg": Decimal("0.001"), "克": Decimal(1), "g": Decimal(1)}
# any weight in grams: a drug weighed somewhere in the text
WEIGHT_RE = re.compile(rf"{NUMBER}\s*(?:千克|公斤|毫克|克|kg|KG|g|G)(?![A-Za-z])")
# a price or a pack told per tablet or by tablets is no count of drugs: 每片2元, 以每粒10元的价格
PRICE_AFTER = re.compile(r"^[^，,。；;]{0,3}?(?:元|块)")
NAME_WINDOW = 24
EACH_BEFORE_WINDOW = 16
SENTENCE_BREAK = "。；;\n"


@dataclass(frozen=True)
class CountedDrug:
    kind: str  # the substance (drug_substances.yaml name)
    named: str  # as the text names it
    tablets: Decimal
    grams: Decimal | None  # None: no weight told of this drug
    span: Span


def counted_drugs(text: str) -> list[CountedDrug]:
    """Each number of tablets told of a named drug, with its weight where the text gives one per tablet; None where the
    text weighs that drug nowhere. A number whose drug is weighed elsewhere in the text (麻古45粒，净重4.3克) is that
    weight told another way and is not listed."""
    found = []
    for match in COUNT_RE.finditer(text):
        tablets = parse_number(match.group("num"))
        if not tablets or PRICE_AFTER.match(text, match.end()) or _each(text, match.start()):
            continue
        named = _named_before(text, match.start())
        if named is None:
            continue
        kind = substance(named).name
        each = _weight_each(text, match)
        if each is not None and _weighed_in_sentence(text, match.start(), kind):
            continue  # 100片，每片重0.2克，共计净重19.8克: the weight told stands, the product would add it again
        if each is not None:
            grams = tablets * each
        elif _weighed(text, kind):
            continue
        else:
            grams = None
        found.append(CountedDrug(kind, named, tablets, grams, span(text, match.start(), match.end())))
    return found


def per_tablet_spans(text: str) -> list[tuple[int, int]]:
    """Where the text tells the weight of one tablet (EACH_RE): no quantity of its own (find_drugs leaves it out)."""
    return [(m.start("num"), m.end("grams")) for m in EACH_RE.finditer(text)]


def _each(text: str, at: int) -> bool:
    """Whether the number at `at` is a per-tablet figure's own (每片0.2克 has no count in it)."""
    return text[max(0, at - 1) : at] in ("每", "单")


def _named_before(text: str, at: int) -> str | None:
    lo, _ = bounds(text, at, at, SENTENCE_BREAK)
    names = [m for m in names_pattern().finditer(text, max(lo, at - NAME_WINDOW), at)]
    return names[-1].group() if names else None


def _weight_each(text: str, count: re.Match) -> Decimal | None:
    """The weight per tablet told in the count's sentence after it, or just before it (三唑仑片（每片0.25毫克）400片), in
    grams."""
    lo, hi = bounds(text, count.start(), count.end(), SENTENCE_BREAK)
    each = EACH_RE.search(text, count.end(), hi)
    if each is None:
        before = [
            m for m in EACH_RE.finditer(text, max(lo, count.start() - EACH_BEFORE_WINDOW), count.start())
        ]
        each = before[-1] if before else None
    if each is None:
        return None
    value = parse_number(each.group("num"))
    return value * GRAMS_PER[each.group("grams")] if value is not None else None


def _weighed_in_sentence(text: str, at: int, kind: str) -> bool:
    """Whether the sentence at `at` weighs `kind` itself, besides its weights per tablet."""
    lo, hi = bounds(text, at, at, SENTENCE_BREAK)
    each = per_tablet_spans(text)
    for weight in WEIGHT_RE.finditer(text, lo, hi):
        if any(a <= weight.start() < b for a, b in each):
            continue
        named = [substance(m.group()).name for m in names_pattern().finditer(text, lo, weight.start())]
        if not named or named[-1] == kind:
            return True
    return False


def _weighed(text: str, kind: str) -> bool:
    """Whether any weight in the text is told of `kind`: a weight with that drug named before it in its sentence, or
    one in a sentence naming no drug at all (经称量，净重4.3克, told of the drug before)."""
    for weight in WEIGHT_RE.finditer(text):
        lo, _ = bounds(text, weight.start(), weight.start(), SENTENCE_BREAK)
        named = [substance(m.group()).name for m in names_pattern().finditer(text, lo, weight.start())]
        if not named or named[-1] == kind:
            return True
    return False
