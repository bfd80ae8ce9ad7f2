"""Whose act a circumstance is (task E70): the defendant's, or another defendant's or co-offender's alone; and whose
part in the joint crime a 主犯, 从犯 or 胁从犯 is (刑法第26-28条, E100).

A judgment of several defendants is sentenced here for its first (the one the engine predicts for). Each is sentenced by
his own part and conduct (刑法第25-27条), and the 2021量刑指导意见 weighs the defendant's own 退赃退赔 (三(10)), 赔偿
and the forgiveness it earns (三(11)), 自首, 坦白, 当庭认罪 (三(4)-(6)), 立功 (三(7)) and 认罪认罚 (三(8)); none of them
is his because a co-defendant did it (刑事诉讼法解释第355条: leniency for the one who pleads; recalled, unconfirmed).

The act's subject is the last person its sentence names as an actor before it: a word for the person tried with the
names after it (被告人李某, 原审被告人成某某, 被告人张某、李某), or a name of a person tried or a co-offender opening a
clause (成某某将非法所得退缴, 李某（另案处理）退赔). It is the defendant's where that subject is he (被告人 with no other name
after it, his masked name), includes him (被告人张某、李某均…, 被告人张某与被告人李某共同…), is all of them (各被告人,
二被告人), or is not told in the sentence (其, a clause without a subject: the reading before this task); another's
where it names only others. 其 and 其家属 refer back to that subject and name no new one. A forgiveness given to a named
other person alone (刘某对钱某表示谅解, 对被告人钱某的行为表示谅解) is his, one given to him with them is his too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leniency.sentencing.extraction.circumstance_negation import clause_bounds
from leniency.sentencing.extraction.numbers import SENTENCE_BREAKS, bounds
from leniency.sentencing.extraction.others_acts import SENTENCE_LEAD, co_offenders
from leniency.sentencing.extraction.parties import (
    DEFENDANT_WORDS,
    MASKED_NAME,
    PARTICULARS,
    bare_defendant_names,
    may_be_same_person,
    names_listed,
)
from leniency.sentencing.facts import Circumstance as C

# what a person does, told of whoever did it
PERSONAL_ACTS = frozenset(
    {
        C.RESTITUTION,
        C.COMPENSATION,
        C.FORGIVENESS,
        C.SURRENDER,
        C.CONFESSION,
        C.COURT_CONFESSION,
        C.MERITORIOUS,
        C.MAJOR_MERITORIOUS,
        C.PLEA,
    }
)
# each offender's part in a joint crime (刑法第26-28条: 主犯, 从犯, 胁从犯), told of whoever played it: a co-offender tried
# elsewhere's "刘某系首要分子" is not the defendant's (E100). Between persons tried together (被告人卢某…系主犯；被告人莫某…
# 系从犯) both parts stay read and noted, as before: whose the case's term is, is not told
ROLES = frozenset({C.PRINCIPAL, C.ACCESSORY, C.COERCED})
# the part named as a co-offender's title ("受首要分子王某某纠集", "主犯李某（另案处理）"): his, wherever it stands
ROLE_TITLE = re.compile(rf"(?:首要分子|主犯|从犯|胁从犯)(?P<name>{MASKED_NAME})")
NAMES = rf"{MASKED_NAME}{PARTICULARS}(?:[、和及与]{MASKED_NAME}{PARTICULARS})*"
NOT_THE_TRIED = r"(?<!同案)(?<!其他)"
# 被告人李某 / 被告人张某、李某 / 各被告人 (no name: all of them, or the one tried)
NAMED_DEFENDANTS = re.compile(rf"{NOT_THE_TRIED}{DEFENDANT_WORDS}(?P<names>{NAMES})?")
FIRST_NAMED = re.compile(rf"{NOT_THE_TRIED}{DEFENDANT_WORDS}(?P<name>{MASKED_NAME})")
# a person named as what the act is done to, not its doer: the suspect caught or reported (协助公安机关抓获了…的犯罪嫌疑人
# 黄某: 刑法第68条's merit is the defendant's), the one spoken to or paid (对被告人钱某, 向被告人李某)
DONE_TO = re.compile(r"(?:的|对|向|给|将|把|抓获了?|抓捕|揭发|检举|举报|指认|带领|协助|窝藏|包庇|教唆|雇佣)$")
# forgiveness given to persons named (对被告人钱某的行为表示谅解, 对钱某表示谅解, 对被告人孙某、钱某均表示谅解), and the
# writ that gives it, in the facts or the list of evidence (被害人王某出具给被告人李某的谅解书, 向被告人李某出具了谅解书,
# 被害人王某对被告人李某的谅解书): with several tried, a 谅解书 made out to one is his (2021量刑指导意见 三(11) weighs the
# forgiveness a defendant's own amends earn)
FORGIVEN = re.compile(
    rf"(?:对|出具给|写给|交给|给予?|向)(?:{DEFENDANT_WORDS})?(?P<whom>{NAMES})(?:的(?:犯罪)?行为)?(?:均|都)?"
    r"(?:表示|予以|给予|出具(?:了)?)?(?:了)?(?:的)?(?:谅解|原谅|宽恕)"
    # the verb before the person (被害人谅解了被告人乙某的行为), not the writ (谅解书)
    rf"|(?:谅解|原谅|宽恕)(?!书)(?:了)?(?:{DEFENDANT_WORDS})?(?P<whom_after>{NAMES})"
)
# a co-offender or co-defendant opening a clause by name (成某某将…, 同案人李某…)
OPENING_NAME = re.compile(rf"(?:同案人|同案犯|同伙|共犯)?(?P<names>{NAMES})")
# two actors told as one subject: 被告人张某与被告人李某共同…, 被告人张某伙同被告人李某…
JOINED = re.compile(r"[与和及、]|以及|伙同|同")


@lru_cache(maxsize=16)
def first_defendant(text: str) -> str | None:
    """The person the engine sentences: the first named after a word for the person tried, or the one name a text
    without the word gives him (parties.bare_defendant_names)."""
    named = FIRST_NAMED.search(text)
    if named is not None:
        return named["name"]
    bare = bare_defendant_names(text)
    return next(iter(bare)) if len(bare) == 1 else None


def done_by_another(text: str, at: int, code: C) -> bool:
    """Whether the personal circumstance `code` told at `at` is another person's: its subject names only persons tried
    with the defendant or his co-offenders, or the forgiveness is given to one of them by name. A part in the joint
    crime (ROLES) is read the same way, of co-offenders not tried here."""
    if code not in PERSONAL_ACTS | ROLES:
        return False
    defendant = first_defendant(text)
    if defendant is None:
        return False
    persons = (
        co_offenders(text) - _persons_tried(text)
        if code in ROLES
        else _persons_tried(text) | co_offenders(text)
    )
    others = {name for name in persons if not may_be_same_person(defendant, name)}
    if not others:
        return False
    if code in ROLES and (title := ROLE_TITLE.match(text, at)) and title["name"] in others:
        return True
    if code == C.FORGIVENESS and _forgiven(text, at):
        return _forgiven_to_others(text, at, defendant, others)
    subject = _subject(text, at, others)
    return subject is not None and defendant not in subject and subject <= others


def forgiven_to_another(text: str, at: int) -> bool:
    """Whether the forgiveness at `at` is given by name to other persons tried or co-offenders alone (对被告人钱某的行为
    表示谅解), not to the person sentenced with them."""
    defendant = first_defendant(text)
    if defendant is None:
        return False
    others = {
        name for name in _persons_tried(text) | co_offenders(text) if not may_be_same_person(defendant, name)
    }
    return _forgiven_to_others(text, at, defendant, others)


def _forgiven_to_others(text: str, at: int, defendant: str, others: set[str]) -> bool:
    forgiven = _forgiven(text, at)
    return (
        bool(forgiven)
        and not any(may_be_same_person(defendant, name) for name in forgiven)
        and forgiven <= others
    )


@lru_cache(maxsize=16)
def _persons_tried(text: str) -> frozenset[str]:
    found = (m["names"] for m in NAMED_DEFENDANTS.finditer(text) if m["names"])
    return frozenset(name for told in found for name in _names(told))


def _forgiven(text: str, at: int) -> set[str]:
    """The persons the forgiveness at `at` is told as given to by name, from its clause to its sentence's end (出具
    谅解书，对被告人乙某予以谅解); none where not named."""
    clause_lo, _ = clause_bounds(text, at, at)
    _, sentence_hi = bounds(text, at, at, SENTENCE_BREAKS)
    forgiven = FORGIVEN.search(text, clause_lo, sentence_hi)
    return _names(forgiven["whom"] or forgiven["whom_after"]) if forgiven is not None else set()


def _subject(text: str, at: int, others: set[str]) -> set[str] | None:
    """The names of the last actor the sentence of `at` tells before it; None where it tells none. A word for the
    person tried with no name after it (各被告人, 二被告人均) stands for all of them, the defendant among them."""
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    actors: list[tuple[int, int, set[str] | None]] = []
    for match in NAMED_DEFENDANTS.finditer(text, lo, at):
        if DONE_TO.search(text, max(lo, match.start() - 3), match.start()):
            continue
        told = match["names"]
        actors.append((match.start(), match.end(), _names(told) if told else None))
    for clause_start in _clause_starts(text, lo, at):
        opening = OPENING_NAME.match(text, clause_start, at) or OPENING_NAME.match(
            text, SENTENCE_LEAD.match(text, clause_start).end(), at
        )
        if opening is None:
            continue
        names = _names(opening["names"])
        if names and names <= others and not any(s <= opening.start() < e for s, e, _ in actors):
            actors.append((opening.start(), opening.end(), names))
    if not actors:
        return None
    actors.sort(key=lambda actor: actor[0])
    start, _, names = actors[-1]
    # 被告人张某与被告人李某共同…: the actor before, joined to this one, is of the same subject
    for before_start, before_end, before_names in reversed(actors[:-1]):
        if not JOINED.fullmatch(text[before_end:start]):
            break
        if names is None or before_names is None:
            return None
        names = names | before_names
        start = before_start
    return names


def _clause_starts(text: str, lo: int, at: int) -> list[int]:
    starts = [lo]
    starts += [i + 1 for i in range(lo, at) if text[i] in "，,：:"]
    return [s for s in starts if s < at]


def _names(told: str) -> set[str]:
    return set(names_listed(told))
