"""The period of a disaster or an epidemic the facts place an intentional crime in (2021量刑指导意见 三(18): 在重大自然
灾害、预防、控制突发传染病疫情等灾害期间故意犯罪), not the court's own business in that period."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS, negated
from leniency.sentencing.extraction.circumstance_rules import canonical, rules
from leniency.sentencing.extraction.numbers import bounds, span
from leniency.sentencing.facts import Circumstance, Finding

# 2021量刑指导意见 三(18): 在重大自然灾害、预防、控制突发传染病疫情等灾害期间故意犯罪 — the period the facts place the crime in
DISASTER_PERIOD = re.compile(
    r"疫情(?:防控|防疫|暴发|爆发|流行)?的?(?:期间|时期|关键时期|关键阶段)"
    r"|(?:防控|抗击)[^，,。；;]{0,12}疫情的?(?:期间|时期|关键时期)"
    r"|(?:重大自然灾害|自然灾害|地震|洪涝|洪水|洪灾|台风|泥石流|雪灾|旱灾)(?:灾害)?(?:发生)?(?:期间|时期)"
    r"|(?:抗洪|防汛|抗震|抢险|救灾)(?:抢险|救灾)?期间"
)
# the court's own business in an epidemic (视频开庭, 延期审理), not the time of the crime
PROCEDURAL = re.compile(r"开庭|庭审|(?<!经)审理(?!查明)|视频|远程|羁押|取保候审|延期|送达|提讯|会见")


def disaster_periods(text: str, charges: Sequence[str]) -> list[Finding]:
    """Each mention that places the crime in an epidemic's or a disaster's period (三(18)), for an intentional crime
    whose article does not already make that period an element."""
    barred = set(rules()["disaster"].get("not_with_charges") or ())
    if any(canonical(c) in barred for c in charges):
        return []
    found = []
    for match in DISASTER_PERIOD.finditer(text):
        lo, hi = bounds(text, match.start(), match.end(), SENTENCE_BREAKS)
        if PROCEDURAL.search(text, lo, hi) or negated(text, match.start(), match.end()):
            continue
        found.append(Finding(Circumstance.DISASTER.value, None, span(text, match.start(), match.end())))
    return found
