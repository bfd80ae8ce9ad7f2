"""Whether a clause tells of an accomplice rather than the defendant: it begins with a word for one (同案人, 同案犯,
同伙, 共犯, 同案被告人) or with a name the text gives an accomplice ("其同伙王某…；王某向公安机关投案自首", "伙同丙某…"), so that an
accomplice's surrender, confession or withdrawn plea is not read as the defendant's (2021量刑指导意见 总则: each
defendant's own circumstances; 刑事诉讼法解释第355条第3款: leniency only for the one who pleads — recalled)."""

from __future__ import annotations

import re
from functools import lru_cache

from leniency.sentencing.extraction.circumstance_denials import clause_bounds
from leniency.sentencing.extraction.others_acts import co_offenders, tried_here
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS

ACCOMPLICE_WORD = r"(?:同案人|同案犯|同案被告人|同伙|共犯)"
ACCOMPLICE_SUBJECT = re.compile(ACCOMPLICE_WORD)
# a masked name: 王某, 王1某, 甲某, 王某某
NAME = r"[\u4e00-\u9fff]\d?某{1,2}\d?"
# 伙同 names the one the defendant acted with (被告人甲某伙同丙某盗窃): an accomplice (刑法第25条)
ACCOMPLICE_NAMED = re.compile(r"(?:" + ACCOMPLICE_WORD + r"[（(]?|伙同)(" + NAME + ")")
DEFENDANT_NAMED = re.compile(r"(?<!同案)" + DEFENDANT_WORDS + r"(" + NAME + ")")
# what may come before the subject of a clause: a time or a connective
LEAD = re.compile(r"(?:案发后|事后|作案后|次日|当日|同日|随后|后|而|但|则)?")


@lru_cache(maxsize=16)
def accomplice_names(text: str) -> frozenset[str]:
    """The names the text gives accomplices (a 同案被告人 among them), less any it also calls 被告人 on its own; and
    those others_acts.co_offenders reads (乙（另案处理）, 与乙共同…: task E60), less the persons tried."""
    defendants = set(DEFENDANT_NAMED.findall(text))
    named = {m.group(1) for m in ACCOMPLICE_NAMED.finditer(text)} - defendants
    return frozenset(named | (co_offenders(text) - tried_here(text)))


def of_accomplice(text: str, at: int) -> bool:
    """The clause around `at` begins with a word for an accomplice or with an accomplice's name."""
    lo, _ = clause_bounds(text, at, at)
    if ACCOMPLICE_SUBJECT.match(text, lo):
        return True
    start = LEAD.match(text, lo).end()
    return any(text.startswith(name, start) for name in accomplice_names(text))
