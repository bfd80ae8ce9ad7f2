"""A co-offender's act beyond the common intent (实行过限): issue 16 class 3, "a result caused by a co-offender is
charged to the defendant".

刑法第25条: 共同犯罪是指二人以上共同故意犯罪. An act a co-offender did on his own, which the fact text says the
defendant did not know of ("甲对乙持刀捅人事先不知情"), lies outside their common intent: it is not the joint crime's,
and its harm is not the defendant's. `excess_sentences` returns the sentences that tell of such an act, by the
co-offender the statement names: a sentence that names him and names neither the defendant nor 被告人. Within one
sentence that tells of both, nothing is set aside (the defendant's own part cannot be told apart there).
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import bounds
from leniency.sentencing.extraction.parties import names_defendant

NAME = r"[\u4e00-\u9fa5某XＸ×]{1,4}?"
# "被告人甲对乙持刀捅人事先不知情", "甲对乙捅刺丁的行为并不知情"
EXCESS_RE = re.compile(
    rf"(?:被告人)?(?P<defendant>{NAME})对(?:同案人|同伙)?(?P<other>{NAME})(?:[^，,。；;]{{0,24}}?)"
    r"(?:事先|事前|当时)?(?:并|均|完全|毫)?(?:不知情|不知道|不明知)"
)
SENTENCE_BREAKS = "。；;\n"


def excess_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, co-offender) of each sentence telling of a co-offender's act the defendant did not know of."""
    found: list[tuple[int, int, str]] = []
    for match in EXCESS_RE.finditer(text):
        other, defendant = match["other"], match["defendant"]
        if other == defendant:
            continue
        own = bounds(text, match.start(), match.start(), SENTENCE_BREAKS)
        start = 0
        while start < len(text):
            lo, hi = bounds(text, start, start, SENTENCE_BREAKS)
            sentence = text[lo:hi]
            if (
                (lo, hi) != own
                and other in sentence
                and defendant not in sentence
                and not names_defendant(sentence)
            ):
                found.append((lo, hi, other))
            start = hi + 1
    return found
