"""A co-offender's act beyond the common intent (实行过限): issue 16 class 3, "a result caused by a co-offender is
charged to the defendant".

刑法第25条: 共同犯罪是指二人以上共同故意犯罪. An act a co-offender did on his own, which the fact text says the
defendant did not know of ("甲对乙持刀捅人事先不知情"), lies outside their common intent: it is not the joint crime's,
and its harm is not the defendant's. `excess_sentences` returns the sentences that tell of such an act, by the
co-offender the statement names: a sentence that names him and names neither the defendant nor 被告人. Within one
sentence that tells of both, nothing is set aside (the defendant's own part cannot be told apart there), except the
clauses the co-offender's act takes before the statement ("陶某超出预谋持刀猛刺姚某胸部，致姚某死亡，被告人史某事先对陶某
持刀杀人不知情").

The court's own words on such an act name it too (task E60): "罗某持刀捅刺谢某系其个人行为，超出了共同犯罪故意",
"…属实行过限". So do the acts a co-offender did alone or the defendant took no part in (others_acts.py): an injury told
there is no more the defendant's.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import SENTENCE_BREAKS, bounds
from leniency.sentencing.extraction.others_acts import others_acts
from leniency.sentencing.extraction.parties import names_defendant
from leniency.sentencing.extraction.victims import FREE_NAME, person_named

NAME = r"[\u4e00-\u9fa5某XＸ×]{1,4}?"
# "被告人甲对乙持刀捅人事先不知情", "甲对乙捅刺丁的行为并不知情"
EXCESS_RE = re.compile(
    rf"(?:被告人)?(?P<defendant>{NAME})对(?:同案人|同伙)?(?P<other>{NAME})(?:[^，,。；;]{{0,24}}?)"
    r"(?:事先|事前|当时)?(?:并|均|完全|毫)?(?:不知情|不知道|不明知)"
)
# the court's words: "罗某持刀捅刺谢某系其个人行为，超出了共同犯罪故意", "丙的行为属于实行过限"; not denied (未超出共同
# 犯罪故意的范围, 并非其个人行为: the result is the joint crime's)
MASKED = rf"(?:{FREE_NAME}|[甲乙丙丁戊己](?![某X×]))"
BEYOND_RE = re.compile(
    rf"(?P<other>{MASKED})(?:[^，,。；;]{{0,24}}?)(?:的行为)?(?<![不非未没])(?:系|属于?|是)(?:其)?(?:个人行为|个人犯意|实行过限)"
    rf"|(?P<other2>{MASKED})(?:[^，,。；;]{{0,24}}?)(?<![未没不])超出了?(?:共同)?(?:犯罪)?(?:故意|预谋|犯意|范围)"
)
CLAUSE_BREAKS = "，,"


def excess_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, co-offender) of each sentence telling of a co-offender's act the defendant did not know of, took
    no part in, or the court calls the co-offender's own beyond their common intent."""
    found: list[tuple[int, int, str]] = list(others_acts(text))
    for match in EXCESS_RE.finditer(text):
        other, defendant = match["other"], match["defendant"]
        if other == defendant:
            continue
        found += _sentences_of(text, match.start(), other, defendant)
    for match in BEYOND_RE.finditer(text):
        other = person_named(match["other"] or match["other2"])
        if names_defendant(text[max(0, match.start() - 3) : match.start()]):
            continue  # 被告人乙的行为系其个人行为: said of the person tried
        found += _sentences_of(text, match.start(), other, None)
        # the statement and what its sentence goes on to say of that act's result (被告人蒋某对谢某的重伤后果不承担
        # 刑事责任) tell the excess, not a harm of the defendant's
        found.append((match.start(), bounds(text, match.start(), match.start(), SENTENCE_BREAKS)[1], other))
    return found


def _sentences_of(text: str, at: int, other: str, defendant: str | None) -> list[tuple[int, int, str]]:
    """The sentences but the one at `at` that name `other` and not the defendant, and the clauses of the sentence at
    `at` from the last one opening with `other` up to the statement, where they name no defendant."""
    found = []
    own = bounds(text, at, at, SENTENCE_BREAKS)
    clause_lo, _ = bounds(text, at, at, CLAUSE_BREAKS + SENTENCE_BREAKS)
    opening = text.rfind(other, own[0], clause_lo)
    if opening >= 0:
        told = text[opening:clause_lo]
        if not names_defendant(told) and (defendant is None or defendant not in told):
            found.append((opening, clause_lo, other))
    start = 0
    while start < len(text):
        lo, hi = bounds(text, start, start, SENTENCE_BREAKS)
        sentence = text[lo:hi]
        if (
            (lo, hi) != own
            and other in sentence
            and (defendant is None or defendant not in sentence)
            and not names_defendant(sentence)
        ):
            found.append((lo, hi, other))
        start = hi + 1
    return found
