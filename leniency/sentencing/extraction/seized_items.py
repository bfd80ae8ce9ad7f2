"""The substance of a seized item weighed before it is named (task E73, issue 16; E65's held-out texts: 查获白色晶体三包，
净重共计160克；经鉴定，检出甲基苯丙胺成分 came out as a small quantity).

A judgment often weighs what was seized by its look (晶体, 粉末, 药片) and names what it is only in the forensic report
after it (经鉴定，上述晶体中检出甲基苯丙胺成分). The weight belongs to the item, and the report names the item's
substance: 刑法第357条第2款 counts the drug 查证属实, so the report decides what the item is, and an item the report finds
no drug in (未检出毒品成分) is no drug. The tie is by the item the report names (上述晶体, 该药片, 白色粉末中), not by the
distance in the text; a report naming no item (经鉴定，检出海洛因成分) speaks of whatever was seized before it. A report on a
person's body (尿液, 血液, 毛发: a test of use) names no seized item.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.drugs import most_harmful, names_pattern, substance
from leniency.sentencing.extraction.numbers import SENTENCE_BREAKS, bounds

# What a seized item is called before it is tested: its form, or the words for a thing suspected
# (查获毒品一包。经称量，该包毒品净重十二点五克；经鉴定，检出甲基苯丙胺成分: 毒品 is what was seized, its substance the
# report's; "毒品" is no drug's name, drugs.py knows none by it). A report's 未检出毒品成分 names a finding, not a thing.
ITEM_RE = re.compile(
    r"晶体|晶状物|粉末|粉状物|药片|片剂|药丸|颗粒|胶囊|块状物|固体|液体|膏状物|烟丝|植物|可疑物品?|疑似毒品|可疑毒品"
    r"|毒品(?!成分)"
)
GENERIC_ITEM = "毒品"
# the words for a thing suspected or seized as a drug, by no look of its own: any of them names the same thing
VAGUE_ITEMS = ("可疑物", "可疑物品", "疑似毒品", "可疑毒品", GENERIC_ITEM)
TEST_RE = re.compile(r"鉴定|检验|检测|检出|鉴别|鉴证")
BODY_RE = re.compile(r"尿液?|血液|血样|毛发|头发|唾液|尿检")
NO_DRUG_RE = re.compile(r"未(?:能)?(?:检出|检测出|检验出|发现)|不含|没有检出|均不含")
CLAUSE_RE = re.compile(r"[，,：:]")
# an exhibit the report names by its number (1号检材, 检材2, 2号样品)
EXHIBIT_RE = re.compile(r"(?P<a>\d+)号(?:检材|样品|检样)|(?:检材|样品|检样)(?P<b>\d+)")
SENTENCES_AFTER = 3
SENTENCES_BEFORE = 2
NO_DRUG = ""  # the report finds no drug in the item


def item_before(text: str, lo: int, at: int) -> str | None:
    """The item told last in text[lo:at], the one a weight at `at` weighs (白色晶体三包，净重52.6克: 晶体)."""
    found = list(ITEM_RE.finditer(text, lo, at))
    return found[-1].group() if found else None


def tested_substance(text: str, at: int, item: str, listed: int | None = None) -> str | None:
    """What the forensic report after the sentence at `at` names `item` as: a drug's name as told, NO_DRUG where it
    finds none; failing that, a report before it that names the same item (经鉴定，扣押的白色晶体中检出甲基苯丙胺成分。
    经称量，上述晶体净重7.42克); None where neither is told within SENTENCES_AFTER / SENTENCES_BEFORE sentences. `listed`:
    the weight's place in a list told 分别 (0 for the first), which a report of numbered exhibits ties it to."""
    after = _report_in_sentence(text, at, item)
    if after is None:
        after = _report_after(text, at, item, listed)
    return after if after is not None else _report_before(text, at, item)


def _report_in_sentence(text: str, at: int, item: str) -> str | None:
    """A report told in the rest of the weight's own sentence (净重共计零点三二克，经鉴定，均检出海洛因成分): it is the
    nearest report, so a later sentence's report on another seizure is not this item's."""
    _, end = bounds(text, at, at, SENTENCE_BREAKS)
    rest = text[at:end]
    found = TEST_RE.search(rest)
    if found is None or BODY_RE.search(rest):
        return None
    return _reported(rest[found.start() :], item)


def _report_before(text: str, at: int, item: str) -> str | None:
    start, _ = bounds(text, at, at, SENTENCE_BREAKS)
    for _ in range(SENTENCES_BEFORE):
        if start <= 0:
            return None
        start, end = bounds(text, start - 1, start - 1, SENTENCE_BREAKS)
        sentence = text[start:end]
        if not TEST_RE.search(sentence) or BODY_RE.search(sentence):
            continue
        told = _reported(sentence, item, named_item_only=True)
        if told is not None:
            return told
    return None


def _report_after(text: str, at: int, item: str, listed: int | None = None) -> str | None:
    _, end = bounds(text, at, at, SENTENCE_BREAKS)
    for _ in range(SENTENCES_AFTER):
        if end >= len(text):
            return None
        lo = end + 1
        _, end = bounds(text, lo, lo, SENTENCE_BREAKS)
        sentence = text[lo:end]
        if not TEST_RE.search(sentence) or BODY_RE.search(sentence):
            continue
        told = _reported(sentence, item)
        if told is None and listed is not None:
            told = _exhibit_found(sentence, listed)
        if told is not None:
            return told
    return None


def _exhibit_found(sentence: str, listed: int) -> str | None:
    """What a report of numbered exhibits (1号检材中检出海洛因成分，2号检材中检出甲基苯丙胺成分) finds in the exhibit of the
    weight's place in its list (净重分别为3.2克、4.5克: the first is 1号); None where the exhibits' findings do not differ or
    that number is not reported."""
    found: dict[int, str] = {}
    for clause in CLAUSE_RE.split(sentence):
        exhibit = EXHIBIT_RE.search(clause)
        finding = _finding(clause)
        if exhibit and finding is not None:
            found[int(exhibit["a"] or exhibit["b"])] = finding
    return found.get(listed + 1) if len(set(found.values())) > 1 else None


def _reported(sentence: str, item: str, *, named_item_only: bool = False) -> str | None:
    """What a report sentence names `item` as: the clause naming that item, or, where the sentence names no item at
    all (and `named_item_only` is off), its one finding."""
    findings: list[str] = []
    names_items = False
    for clause in CLAUSE_RE.split(sentence):
        items = [m.group() for m in ITEM_RE.finditer(clause)]
        found = _finding(clause)
        names_items = names_items or bool(items)
        if items and _same_item(item, items) and found is not None:
            return found
        if not items and found is not None:
            findings.append(found)
    if not named_item_only and not names_items and len(set(findings)) == 1:
        return findings[0]
    return None


def _finding(clause: str) -> str | None:
    """The drug a clause of a report finds (drugs.most_harmful where it names several), NO_DRUG where it finds none,
    None where it says neither."""
    if NO_DRUG_RE.search(clause):
        return NO_DRUG
    named = [m.group() for m in names_pattern().finditer(clause)]
    known = [n for n in named if substance(n).known]
    if known:
        return most_harmful(known)
    return named[0] if named else None


def _same_item(item: str, items: list[str]) -> bool:
    """Whether a report's items include the weighed one: the same word, or a suspect-thing word for either."""
    return item in items or (item in VAGUE_ITEMS and any(i in VAGUE_ITEMS for i in items))
