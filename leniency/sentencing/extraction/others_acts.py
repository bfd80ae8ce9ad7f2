"""Acts a co-offender did without the defendant (task E60, issue 16 class 3: "a result caused by a co-offender is
charged to the defendant").

The law both ways. In a joint crime each co-offender answers for the whole joint result (部分实行全部责任, 刑法第25条:
共同犯罪是指二人以上共同故意犯罪): a sum taken together, an injury one of them inflicted in the joint beating, are the
defendant's too, and what he was given of the spoils (分得) is no measure of it. But 刑法第26条第4款 and 第27条 make a
principal who leads no group and an accessory answer for the crimes they took part in (2021量刑指导意见 and the theft
and fraud interpretations: 按照其参与的犯罪数额; recalled, unconfirmed for the exact words), so an act a co-offender did
alone (李某（另案处理）单独/独自/另行…) or one the text says the defendant took no part in (被告人何某未参与, 对此不知情)
is not his: its sum, its victims, its drugs and its injuries are not the defendant's.

`others_acts(text)` returns the stretches of `text` telling such acts, with the co-offender they are told of:

- a sentence whose subject is a co-offender (named after 伙同 / 同案人, or marked 另案处理, 已判) who acts 单独 / 独自 /
  另行 / 另起犯意 (a new intent of his own), and that names the defendant only to say he took no part;
- the clauses before "被告人X未参与 / 没有参与 / 对此不知情" in its sentence, where they tell a co-offender's act and
  do not name the defendant.

The court's words on an act beyond the common intent (实行过限, 系其个人行为) are excess.py's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leniency.sentencing.extraction.numbers import SENTENCE_BREAKS, bounds
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, PARTICULARS, names_listed
from leniency.sentencing.extraction.victims import FREE_NAME, defendant_names, person_named

NAME_LIST = rf"{FREE_NAME}{PARTICULARS}(?:[、和及]{FREE_NAME}{PARTICULARS})*"
# How a text names a co-offender: brought along (伙同乙, 纠集乙、丙), called one (同案人乙), marked as tried apart
# (乙（另案处理）, 丙（已判）), or acting with the defendant (与乙共同, 和乙经预谋)
CO_OFFENDER_RE = re.compile(
    rf"(?:伙同|纠集|同案人|同案犯|同伙|共犯)(?P<listed>{NAME_LIST})"
    rf"|(?P<marked>{FREE_NAME})[（(][^（）()]{{0,12}}(?:另案|另行处理|已判|在逃|已死亡)"
    rf"|(?<=[与和])(?P<joined>{NAME_LIST})[^，,。；;]{{0,10}}(?:共同|一起|合伙|结伙|预谋|合谋|商量|商议|纠集)"
)
# a co-offender acting on his own: 乙单独, 乙另行单独, 乙另外独自, 乙一人, 乙另伙同他人
# (另起犯意: a new intent of his own, beyond what they had agreed)
ALONE_RE = re.compile(
    rf"(?P<other>{FREE_NAME}){PARTICULARS}(?:又|还|另外?|另行|随后|之后|此后)?"
    r"(?:单独|独自|另行|另伙同|另起犯意|临时起意)"
)
# the defendant named only as the one kept out of it: 背着柏某, 瞒着被告人柏某
BEHIND_RE = re.compile(rf"(?:背着|瞒着|避开)(?:被告人)?{FREE_NAME}")
# the defendant said to have taken no part: 被告人何某未参与, 何某并未参与, 被告人赵某对此不知情 (not 未参与分赃: a
# share of the spoils is no part of the act)
NO_PART_RE = re.compile(
    r"(?:均|并|亦|都|事先|事前|完全)?(?:未参与|没有参与|未参加|没有参加|不在场|未在场)(?!分赃|分配|分钱|分得|销赃)"
    r"|对此(?:事先|事前)?(?:并|均|完全)?(?:不知情|不知道|不知晓|不明知)"
    r"|(?:当时|此时|已经?|早已)(?:已经?)?(?:离开|逃离)(?:了)?(?:现场|案发现场)"
)
# a numbered count the court gives to another or does not find: "公诉机关指控的第二起盗窃系李某某独立实施，与被告人卞某无关，
# 本院不予认定" (刑法第25条: not a joint crime of his)
STRUCK_COUNT_RE = re.compile(
    r"第(?P<ordinal>[一二三四五六七八九十\d]+)[起笔次](?P<said>[^。；;]{0,40}?"
    rf"(?:系(?:同案人|同案犯)?(?P<other>{FREE_NAME})[^。；;，,]{{0,6}}(?:实施|所为|作案)|与被告人[^。；;，,]{{0,6}}无关))"
)
CLAUSE_BREAKS = "，,"
TRIED_LIST_RE = re.compile(rf"{DEFENDANT_WORD_RE.pattern}(?P<listed>{NAME_LIST})")


@lru_cache(maxsize=16)
def others_acts(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, co-offender) of each stretch of `text` telling an act the defendant took no part in."""
    defendants = tried_here(text)
    if not defendants and DEFENDANT_WORD_RE.search(text) is None:
        return ()  # nobody is known as the person tried: a name acting alone may be his
    others = co_offenders(text) - defendants
    found: list[tuple[int, int, str]] = []
    for match in ALONE_RE.finditer(text):
        other = person_named(match["other"])
        if other not in others:
            continue
        lo, hi = _bracket(text, match.start()) or bounds(text, match.start(), match.start(), SENTENCE_BREAKS)
        if not _names_defendant(text[lo:hi], defendants):
            found.append((lo, hi, other))
    for match in NO_PART_RE.finditer(text):
        found += _before_no_part(text, match.start(), defendants, others)
    for match in STRUCK_COUNT_RE.finditer(text):
        found += _struck_count(text, match, defendants)
    return tuple(sorted(set(found)))


def in_others_act(text: str, at: int) -> bool:
    """Whether the position `at` of `text` lies in a stretch telling a co-offender's act without the defendant."""
    return any(lo <= at < hi for lo, hi, _ in others_acts(text))


@lru_cache(maxsize=16)
def tried_here(text: str) -> frozenset[str]:
    """The masked names of the persons tried: victims.defendant_names, and those listed after the word with the first
    (被告人门某某、李某甲、李某乙)."""
    names = {person_named(n) for n in defendant_names(text)}
    for match in TRIED_LIST_RE.finditer(text):
        names |= {person_named(n) for n in names_listed(match["listed"])}
    return frozenset(names)


@lru_cache(maxsize=16)
def co_offenders(text: str) -> frozenset[str]:
    """The masked names `text` gives the defendant's co-offenders (see CO_OFFENDER_RE)."""
    names: set[str] = set()
    for match in CO_OFFENDER_RE.finditer(text):
        told = match["listed"] or match["marked"] or match["joined"]
        names |= {person_named(n) for n in names_listed(told)}
    return frozenset(names)


def _bracket(text: str, at: int) -> tuple[int, int] | None:
    """The inside of the brackets `at` lies in, within its sentence ("（申某另单独骗取他人10万元，本案不予认定）")."""
    lo, hi = bounds(text, at, at, SENTENCE_BREAKS)
    opened = max(text.rfind("（", lo, at), text.rfind("(", lo, at))
    if opened < 0 or max(text.rfind("）", opened, at), text.rfind(")", opened, at)) >= 0:
        return None
    closed = [i for i in (text.find("）", at, hi), text.find(")", at, hi)) if i >= 0]
    return (opened + 1, min(closed)) if closed else None


def _struck_count(text: str, match: re.Match, defendants: set[str]) -> list[tuple[int, int, str]]:
    """The telling of the count a STRUCK_COUNT_RE statement gives to another or finds not his: where its ordinal
    opens an item elsewhere in the text ("第二起窃得笔记本电脑一台，价值4500元")."""
    other = person_named(match["other"]) if match["other"] else ""
    if other in defendants:
        return []
    own = bounds(text, match.start(), match.start(), SENTENCE_BREAKS)
    marker = re.compile(rf"第{match['ordinal']}[起笔次]")
    for item in marker.finditer(text):
        if own[0] <= item.start() < own[1]:
            continue
        lo, hi = bounds(text, item.start(), item.start(), SENTENCE_BREAKS)
        # the item runs from its ordinal to the next one (第三起…) or the sentence's end
        following = re.search(r"第[一二三四五六七八九十\d]+[起笔次]", text[item.end() : hi])
        return [(item.start(), item.end() + following.start() if following else hi, other)]
    return []


def _names_defendant(sentence: str, defendants: set[str]) -> bool:
    """Whether `sentence` names the person tried other than to say he took no part."""
    sentence = BEHIND_RE.sub("", sentence)
    kept = "".join(
        clause for clause in re.split(f"([{CLAUSE_BREAKS}])", sentence) if not NO_PART_RE.search(clause)
    )
    return DEFENDANT_WORD_RE.search(kept) is not None or any(name in kept for name in defendants)


def _before_no_part(text: str, at: int, defendants: set[str], others: set[str]) -> list[tuple[int, int, str]]:
    """The clauses of the sentence before the no-part words at `at` (被告人何某未参与) when the person said to take
    no part is the defendant and those clauses tell a co-offender's act without naming the defendant."""
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    clause_lo, _ = bounds(text, at, at, CLAUSE_BREAKS + SENTENCE_BREAKS)
    said_of = text[clause_lo:at]
    if not (DEFENDANT_WORD_RE.search(said_of) or any(name in said_of for name in defendants)):
        return []
    before = text[lo:clause_lo]
    if _names_defendant(before, defendants):
        return []
    named = [person_named(n) for n in re.findall(FREE_NAME, before)]
    other = next((n for n in named if n in others), None)
    return [(lo, clause_lo, other)] if other is not None else []


# The defendant's own part of a larger sum told beside it: "其中被告人任某参与盗窃4辆，价值共计9000元", "被告人石某…
# 参与骗取被害人财物共计8万元". A 从犯 and a principal who leads no group answer for the crimes they took part in
# (刑法第26条第4款, 第27条; the theft and fraud interpretations: 按照其参与的犯罪数额, recalled, unconfirmed); the
# leader of a group (首要分子, 第26条第3款) answers for all its crimes, so his part names no narrower amount.
PARTICIPATED_RE = re.compile(r"参与(?!人|者|分赃|分配|分钱|销赃)(?:[^。；;，,]{0,20}[，,]?){1,2}$")
GROUP_LEADER_RE = re.compile(r"首要分子")
# The sum a salesman of an illegal fund-raising took in himself, told beside the scheme's whole ("其个人吸收公众存款共计
# 52万元", "其经手吸收…资金38万元", "共为该合作社吸收存款45万元"): an accessory answers for the crime he took part in (刑法第27条), and the fund-raising
# interpretations measure an employee's part by the sum he took in (法释〔2010〕18号, 法释〔2022〕5号; recalled,
# unconfirmed), not by the firm's total (E100)
OWN_INTAKE_RE = re.compile(
    r"(?:(?:个人|本人|经手|亲自)(?:共计|共|累计)?|(?:为|替|帮)[^。；;，,\d]{0,10}?)(?:非法)?(?:吸收|募集|集资|揽储)(?:了)?"
    r"[^。；;，,]{0,30}$"
)


def told_as_participated(text: str, at: int) -> bool:
    """Whether the figure at `at` is told as the sum of the acts the defendant took part in (PARTICIPATED_RE) or the
    sum he took in himself (OWN_INTAKE_RE), in a clause naming him (被告人任某参与…), where he is not named the group's leader and is the only person tried."""
    if GROUP_LEADER_RE.search(text):
        return False
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    before = text[lo:at]
    took_part = PARTICIPATED_RE.search(before) or OWN_INTAKE_RE.search(before)
    if took_part is None:
        return False
    defendants = tried_here(text)
    if len(defendants) > 1:
        return False  # several tried together, each with his part: whose is the case's figure is not told
    subject = before[: took_part.start()]
    told = [m.end() for m in DEFENDANT_WORD_RE.finditer(subject)]
    told += [subject.rfind(name) + len(name) for name in defendants if name in subject]
    if not told:
        return False
    # nobody else told between him and his part (被告人甲伙同乙，乙参与…)
    return not any(person_named(n) not in defendants for n in re.findall(FREE_NAME, subject[max(told) :]))


# A circumstance told of a co-offender is his, not the defendant's (2021量刑指导意见: each defendant's own
# circumstances): his record or recidivism (毛某曾因犯盗窃罪…被判处…，系累犯). What he did after the crime (his
# payment, return, surrender, plea) and the forgiveness given to him by name are read by circumstance_actor.py (E70).
# An elision (……, ...) or a quoted fragment's marks (“……”) before the name leave it the clause's opening one.
SENTENCE_LEAD = re.compile(
    r"(?:[\d年月日时许晚上下午凌晨同当次此后案发经查另查明，,、：:\s…．.“”\"‘’『』「」]|之后|随后|事后)*"
)


def said_of_co_offender(text: str, at: int) -> bool:
    """Whether the circumstance at `at` is told of a co-offender: its sentence, up to it, opens with a co-offender's
    name and names no person tried."""
    defendants = tried_here(text)
    others = co_offenders(text) - defendants
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    told = text[SENTENCE_LEAD.match(text, lo).end() : at]
    return any(told.startswith(name) for name in others) and not _names_defendant(told, defendants)


def forgiveness_to_co_offender(text: str, at: int) -> bool:
    """Whether the forgiveness at `at` is given to a co-offender by name (江某对秦某表示谅解): read by
    circumstance_actor.forgiven_to_another, the one rule for every person's circumstance (task E70), which also reads a
    co-defendant tried with him (对被告人钱某的行为表示谅解)."""
    # imported here: circumstance_actor reads the co-offenders from this module
    from leniency.sentencing.extraction.circumstance_actor import forgiven_to_another

    return forgiven_to_another(text, at)
