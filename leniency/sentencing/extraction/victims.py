"""Who was wronged and who is tried, by the masked names judgments give them: the victims a text names, lists or
numbers (`find_victims`, `victim_names`) and the defendants' names (`defendant_names`), never counted as victims. Moved
out of quantities.py (E56) with no change of behaviour."""

from __future__ import annotations

import re
from functools import lru_cache

from leniency.sentencing.extraction.numbers import NUMBER, parse_number, span
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS, bare_defendant_names
from leniency.sentencing.extraction.parties import MASKED_NAME as MASKED_FREE_NAME
from leniency.sentencing.facts import Finding

# A masked name after a word that marks its start: an index before 某 (王1某) and a two-character surname (欧阳某) too
MASKED_NAME = r"[\u4e00-\u9fff]\d*(?:某某|某[甲乙丙丁\d]*|[X×]{1,3}\d*|[\u4e00-\u9fff]某\d?)"
DEFENDANT_NAME_RE = re.compile(DEFENDANT_WORDS + rf"({MASKED_NAME})")
VICTIM = re.compile(r"被害人|受害人|失主|妇女|女子|男子|老人|儿童")
VICTIM_NAME_RE = re.compile(rf"(?:被害人|受害人|失主)({MASKED_NAME})")
# A masked name found where nothing marks its start (郭某某停放的, 将侯某乙打伤): the one character before 某 or X
# and what follows it, so that the word before is not taken in and a name's letter not left out (将侯某 | 乙).
# parties.MASKED_NAME: every CAIL masking, its index before 某 too (王1某, 王某1)
FREE_NAME = MASKED_FREE_NAME
# a person's particulars in parentheses after the name (王某（女，1998年出生）、赵某（女）): not names of their own
PARTICULARS = r"(?:（[^（）。；;]{0,40}）|\([^()。；;]{0,40}\))"
PARTICULARS_RE = re.compile(PARTICULARS)
NAME_LIST = rf"{MASKED_NAME}{PARTICULARS}?(?:、{MASKED_NAME}{PARTICULARS}?)*"
# Who was wronged, as theft and fraud facts tell it: the one named after a victim word, those listed
# with them (被害人严某、肖某; 被害人王某（女）、赵某（女）), the one a thing was taken from or money paid back to
# (窃得戚某某电动车, 退赔郭某某损失), and the owner of what was taken (郭某某停放的, 吴某某经营的, 王某某被盗).
VICTIM_LIST_RE = re.compile(rf"(?:被害人|受害人|失主)({NAME_LIST})")
# a number of victims told: 三名被害人, 被害人共5人, or after those named (被害人张某某、李某等三人)
VICTIMS_RE = re.compile(
    rf"(?P<a>{NUMBER})(?:名|位|个|户)(?:被害人|受害人|失主|被害单位|集资参与人|投资人)|"
    rf"(?:被害人|受害人|失主)(?:{NAME_LIST}[等共]|共计?|合计|等)?(?P<b>{NUMBER})(?:人|名)|"
    rf"(?:被骗|受骗|受害)(?:群众|人员|者)(?:共计?|达|计)?(?P<c>{NUMBER})(?:人|名)"
)  # 被骗群众二十余人: those defrauded, told as people
TAKEN_FROM_RE = re.compile(
    rf"(?:窃得|盗走|盗得|偷走|窃取|骗取|抢走|抢得|夺走|退赔|赔偿|返还给?|发还给?)({NAME_LIST})"
)
OWNER_RE = re.compile(rf"({FREE_NAME})(?=的?(?:停放|经营|所有|放在|家中|住处|被盗|被骗|被抢))")
NAME_SPLIT = re.compile("、")
NAME_GROUP_RE = re.compile(rf"{FREE_NAME}(?:[、和及与]{FREE_NAME})*")
# victims lettered, not masked (被害人甲、乙: minors), read by injuries.injured_persons too
LETTERED_RE = re.compile(
    r"(?:被害人|受害人)([甲乙丙丁戊己](?:[、和及与][甲乙丙丁戊己])*)(?![某X×]|[\u4e00-\u9fff]某)"
)  # not a masked name (被害人甲某, 丁×)


@lru_cache(maxsize=8)
def lettered_victims(text: str) -> frozenset[str]:
    return frozenset(c for m in LETTERED_RE.finditer(text) for c in re.split("[、和及与]", m.group(1)))


def person_named(name: str) -> str:
    """A masked name without the word the pattern may take in before it (将周某 -> 周某)."""
    at = name.find("某")
    if at <= 0:
        return name
    while at > 1 and name[at - 1].isdigit():  # 王2某's index stays with it
        at -= 1
    return name[at - 1 :]


def find_victims(text: str) -> tuple[int | None, Finding | None]:
    for match in VICTIMS_RE.finditer(text):
        if _in_others_act(text, match.start()):
            continue
        value = parse_number(match.group("a") or match.group("b") or match.group("c"))
        if value is not None and 0 < value < 100_000:
            return int(value), Finding("victims", int(value), span(text, match.start(), match.end()))
    names = victim_names(text)
    return (len(names), None) if names else (None, None)


def victim_names(text: str) -> set[str]:
    """The masked names of those the facts say were wronged, each person once (王某乙 told as 被害人王某乙 and as
    王某乙停放的); never a defendant's, nor one wronged only by an act a co-offender did without the defendant
    (others_acts.py, task E60: 刑法第26条第4款, 第27条: he answers for the crimes he took part in)."""
    listed = [*VICTIM_LIST_RE.finditer(text), *TAKEN_FROM_RE.finditer(text)]
    listed = [m for m in listed if not _in_others_act(text, m.start())]
    names = [n for m in listed for n in NAME_SPLIT.split(PARTICULARS_RE.sub("", m.group(1)))]
    names += [m.group(1) for m in OWNER_RE.finditer(text) if not _in_others_act(text, m.start())]
    defendants = {person_named(n) for n in defendant_names(text)}
    persons = {}
    for name in names:
        if person_named(name) not in defendants:
            persons.setdefault(person_named(name), name)
    # 被害人甲（女，2010年出生）、被害人乙: minors are lettered, not masked
    return set(persons.values()) | lettered_victims(text)


def _in_others_act(text: str, at: int) -> bool:
    # imported here: others_acts reads the defendants' names from this module
    from leniency.sentencing.extraction.others_acts import in_others_act

    return in_others_act(text, at)


def defendant_names(text: str) -> set[str]:
    return {m.group(1) for m in DEFENDANT_NAME_RE.finditer(text)} | bare_defendant_names(text)
