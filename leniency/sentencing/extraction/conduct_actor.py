"""Whose act a conduct word tells (E75): the defendant's, or a victim's or another person's.

A fact tells what others did beside what the defendant did: the victim who came to pick a quarrel (被害人乙某酒后到…寻衅),
the owner who chased the thief and knocked him down (丙某追上甲某并将其打倒在地). Such words are no conduct of the
defendant's and support no charge of his (刑法第13条: a crime is the actor's own act; 第269条's force is the thief's own,
used to keep the loot or escape). The actor of a word is the person its clause, or the nearest clause before it in the
same sentence, opens with: a word for a victim or witness (被害人, 证人), or a masked name that is not one the text gives
the person tried (被告人甲某 … 甲某). A clause that opens with no person (其, a time, a verb) leaves the word to the
actor before it; a sentence that names none leaves it the defendant's, as the facts of a judgment are his by default.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leniency.sentencing.extraction.numbers import sentence_start
from leniency.sentencing.extraction.parties import (
    DEFENDANT_WORDS,
    MASKED_NAME,
    PARTICULARS,
    bare_defendant_names,
    may_be_same_person,
    names_listed,
)

OTHERS_WORDS = r"(?:被害人|受害人|被害单位|证人|报案人|失主)"
# 在某超市, 至某市, 该某: a preposition or a pronoun before 某 is no masked name
NOT_A_SURNAME = r"[在于从向到至对把将被与和及该其每某经]某"
# the person a clause opens with, after the adverbs a clause may start with (后, 随后, 遂 …)
OPENING = re.compile(
    rf"\s*(?:后|随后|之后|遂|便|又|当晚|次日|当即)?(?:(?P<role>{DEFENDANT_WORDS}|{OTHERS_WORDS}))?"
    rf"(?P<name>(?!{NOT_A_SURNAME}){MASKED_NAME})?{PARTICULARS}"
)
CLAUSE_BREAKS = "，,：:"
NAMED_DEFENDANT = re.compile(rf"{DEFENDANT_WORDS}(?P<name>{MASKED_NAME})")
# a co-offender's act in the joint crime is the defendant's too (刑法第25条): the persons he acts with (伙同乙某, 纠集乙某、
# 丙某, 被告人甲某与乙某) are none of the others
CO_OFFENDERS = re.compile(
    rf"(?:伙同|纠集|邀约|召集|指使|雇佣|雇用|同案人|同伙|{DEFENDANT_WORDS}{MASKED_NAME}{PARTICULARS}(?:与|和|、))"
    rf"(?P<names>{MASKED_NAME}{PARTICULARS}(?:[、和及与]{MASKED_NAME}{PARTICULARS})*)"
)


def others_act(text: str, at: int) -> bool:
    """Whether the word at `at` is told as the act of a victim, a witness or a named person other than the defendant."""
    defendants = defendant_names(text)
    for start in reversed(_clause_starts(text, at)):
        opening = OPENING.match(text, start, at)
        role, name = opening["role"], opening["name"]
        if role and re.fullmatch(OTHERS_WORDS, role):
            return True
        if role:
            return False  # 被告人…: his
        if name:
            return bool(defendants) and not any(may_be_same_person(d, name) for d in defendants)
    return False


@lru_cache(maxsize=16)
def defendant_names(text: str) -> frozenset[str]:
    """The masked names the text gives the persons tried (被告人甲某), or those a text without the word names him by,
    with their co-offenders; none where it names none."""
    tried = {m["name"] for m in NAMED_DEFENDANT.finditer(text)} or bare_defendant_names(text)
    joined = {name for m in CO_OFFENDERS.finditer(text) for name in names_listed(m["names"])}
    return frozenset(tried | joined) if tried else frozenset()


def _clause_starts(text: str, at: int) -> list[int]:
    lo = sentence_start(text, at)
    return [lo] + [i + 1 for i in range(lo, at) if text[i] in CLAUSE_BREAKS]
