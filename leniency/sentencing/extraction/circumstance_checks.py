"""Whether a circumstance's match in the text counts: not negated (circumstance_negation.py), not a claim the court
rejects, the defendant's and not another person's, done and not only claimed or offered, and for a return or a payment
the defendant's own act after the crime (payments_made.py, restitution_acts.py)."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.accomplice_subject import of_accomplice
from leniency.sentencing.extraction.circumstance_actor import done_by_another
from leniency.sentencing.extraction.circumstance_denials import (
    SENTENCE_BREAKS,
    claim_rejected,
    clause_bounds,
    finding_denied,
    negated,
)
from leniency.sentencing.extraction.circumstance_patterns import (
    CIVIL_SETTLEMENT_PAID,
    CO_OFFENDERS_OWN,
    COSTS_PAID,
    DRUG_REOFFENDER_WORD,
    ECOLOGICAL_DAMAGES_PAID,
    RETURNED,
    TRIAL_HEADER,
    WENT_TO_AUTHORITY,
)
from leniency.sentencing.extraction.conditional_offers import conditional
from leniency.sentencing.extraction.crime_stage_facts import NOTHING_TAKEN, taking_attempted
from leniency.sentencing.extraction.earlier_convictions import conviction_at
from leniency.sentencing.extraction.merit_facts import MERIT_FACTS, merit_counts
from leniency.sentencing.extraction.numbers import bounds
from leniency.sentencing.extraction.others_acts import said_of_co_offender
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS
from leniency.sentencing.extraction.payments_made import (
    only_claimed,
    recovered_by_others,
    returned_by_defendant,
    to_victim,
)
from leniency.sentencing.extraction.restitution_acts import (
    REDEEMED_AND_RETURNED,
    RETURNED_TO,
    RETURNED_TO_NAMED,
    named_victim,
    returned_after_crime,
)
from leniency.sentencing.extraction.surrender_facts import (
    KNOWINGLY_WAITED,
    OTHER_CRIME_UNKNOWN,
    PHONED_AND_CAME,
    QUESTIONED_WHEN_SUSPICIOUS,
    REPORTED_AND_WAITED,
    WAITED_FOR_POLICE,
    other_crime_counts,
    phoned_counts,
    questioned_counts,
    reported_and_waited_counts,
    resisted_after,
    waited_counts,
)
from leniency.sentencing.facts import Circumstance

C = Circumstance
# the test a surrender told by its facts must also pass (surrender_facts.py)
FACT_TESTS = {
    KNOWINGLY_WAITED: lambda text, start, end: not resisted_after(text, end),
    REPORTED_AND_WAITED: reported_and_waited_counts,
    WAITED_FOR_POLICE: waited_counts,
    QUESTIONED_WHEN_SUSPICIOUS: questioned_counts,
    OTHER_CRIME_UNKNOWN: other_crime_counts,
    PHONED_AND_CAME: phoned_counts,
}
# the words of each finding a court may refuse after conceding its facts or hearing it claimed
# (circumstance_denials.finding_denied)
FINDING_WORDS = {
    C.SURRENDER: "自首",
    C.CONFESSION: "坦白",
    C.MERITORIOUS: "立功",
    C.MAJOR_MERITORIOUS: "重大立功",
    C.ACCESSORY: "从犯",
    C.ATTEMPT: "未遂",
}
# 刑法第17条之一 weighs the age when the crime was done; 已满七十五周岁 at trial is art. 49's (no death penalty)
AT_TRIAL = re.compile(r"审判时|审理时|审判的时候|庭审时|开庭时|现年")
# a forgiveness or a 立功 sought, not obtained ("积极争取被害人谅解，但未果", "意图为其争取立功")
SOUGHT = re.compile(r"(?:争取|寻求|请求|恳请|恳求|希望|试图|意图|企图)[^，,。；;取获得]{0,10}$")
# Where the victim, not the defendant, is the subject of the clause.
# 刑法第29条: the minor a defendant instigates, uses or recruits (教唆未满十八周岁的李某) is another person
# the person a drug is sold to (向未满十八周岁的王某出售冰毒; 刑法第347条第6款 向未成年人出售毒品 is an aggravation, never the
# seller's minority); the minor the defendant's act is done to (拐骗不满十四周岁的未成年人: 刑法第262条's child, 第237条's
# victim) is the victim
OTHER_PERSON = re.compile(
    r"被害人|受害人|幼女|儿童|子女|孩子|儿子|女儿|同案|伙同|对未成年|教唆|唆使|指使|利用|雇佣|雇用|招募|纠集|[（(]$"
    r"|拐骗|拐卖|收买|猥亵|奸淫|诱骗|引诱|强迫|容留"
    r"|(?:向|卖给|售给|出售给|贩卖给|提供给)$"
)
OTHER_PERSON_AFTER = re.compile(r"\S{0,4}(?:子女|孩子|儿子|女儿|学生)")
DEFENDANT_CONTEXT = re.compile(DEFENDANT_WORDS + r"|犯罪时|作案时|行为时|其系|系未成年")


def counts(text: str, match: re.Match, code: Circumstance, pattern: re.Pattern) -> bool:
    """Whether a pattern's match tells the circumstance: not negated, the defendant's, paid, the defendant's return."""
    start = match.start()
    if negated(text, start, match.end()) or claim_rejected(text, start, match.end()):
        return False
    if code in FINDING_WORDS and finding_denied(text, start, match.end(), FINDING_WORDS[code]):
        return False
    if code in (C.SURRENDER, C.CONFESSION) and of_accomplice(text, start):
        return False
    # a co-offender's record or recidivism, and the forgiveness given to him by name, are his (others_acts.py, E60)
    if code in CO_OFFENDERS_OWN and said_of_co_offender(text, start):
        return False
    # a co-defendant's own restitution, payment, surrender, confession, merit or plea, and the forgiveness given to him
    # by name, are his (circumstance_actor.py, E70)
    if done_by_another(text, start, code):
        return False
    if pattern is DRUG_REOFFENDER_WORD and not _drug_reoffence_told(text, start):
        return False
    if pattern in FACT_TESTS and not FACT_TESTS[pattern](text, start, match.end()):
        return False
    if pattern is NOTHING_TAKEN and not taking_attempted(text, match):
        return False
    if pattern is MERIT_FACTS and not merit_counts(match):
        return False
    if code == C.ELDERLY and AT_TRIAL.search(text, clause_bounds(text, start, start)[0], start):
        return False
    if code in (C.MINOR, C.DEAF_MUTE_BLIND) and not _about_defendant(text, start):
        return False
    # an age told of an earlier crime (曾因犯抢劫罪（犯罪时不满十八周岁）被判处…) is that crime's, not this one's (刑法第17条)
    if code == C.MINOR and conviction_at(text, start) is not None:
        return False
    if code in (C.COMPENSATION, C.RESTITUTION) and only_claimed(text, start):
        return False
    if code in (C.COMPENSATION, C.RESTITUTION, C.FORGIVENESS) and conditional(text, start):
        return False
    if (
        pattern is WENT_TO_AUTHORITY
        and "传唤" in text[bounds(text, start, start, SENTENCE_BREAKS)[0] : start]
    ):
        return False
    if code in (C.FORGIVENESS, C.MERITORIOUS, C.MAJOR_MERITORIOUS) and SOUGHT.search(
        text, clause_bounds(text, start, start)[0], start
    ):
        return False
    if code == C.CONFESSION and _only_at_trial(text, match):
        return False
    if (
        code == C.COMPENSATION
        and pattern not in (CIVIL_SETTLEMENT_PAID, ECOLOGICAL_DAMAGES_PAID)
        and not to_victim(text, start)
    ):
        return False
    if code == C.RESTITUTION and recovered_by_others(text, start):
        return False
    if pattern in (RETURNED_TO, RETURNED_TO_NAMED) and not (
        returned_after_crime(text, start) and not _loss_paid(text, match.end())
    ):
        return False
    if pattern is RETURNED_TO_NAMED and not named_victim(text, match):
        return False
    return not (
        pattern in (RETURNED, RETURNED_TO, RETURNED_TO_NAMED, REDEEMED_AND_RETURNED, COSTS_PAID)
        and not returned_by_defendant(text, start)
    )


# 刑法第356条 found not to apply, wherever the text says so ("公诉机关指控…系毒品再犯，经查…不构成毒品再犯")
DRUG_REOFFENCE_DENIED = re.compile(r"(?:不|未|并不|尚不)(?:构成|属于|系|是|能认定为?|认定为?|成立)毒品再犯")
# a 毒品再犯 its clause tells of a co-offender ("同案人邓某系毒品再犯") or only asks about ("是否构成毒品再犯")
NOT_THE_DEFENDANTS_OR_ASKED = re.compile(r"同案|同伙|另案|是否")


def drug_reoffence_said(text: str) -> bool:
    """Whether the text calls the defendant a 毒品再犯 (刑法第356条) anywhere: the word not denied, not a co-offender's,
    not a question (`_drug_reoffence_told`)."""
    return any(_drug_reoffence_told(text, m.start()) for m in DRUG_REOFFENDER_WORD.finditer(text))


def _drug_reoffence_told(text: str, start: int) -> bool:
    """Whether the word 毒品再犯 at `start` tells the defendant's (circumstance_patterns.DRUG_REOFFENDER_WORD): not
    denied anywhere in the text, not a co-offender's, not a question."""
    if DRUG_REOFFENCE_DENIED.search(text):
        return False
    return not NOT_THE_DEFENDANTS_OR_ASKED.search(text, clause_bounds(text, start, start)[0], start)


# the victim's costs named as what was given back ("向被害人偿还医疗费"): COSTS_PAID's compensation, not a restitution
LOSS_HEADS = re.compile(r"(?:了)?[^，,。；;]{0,4}?(?:医疗费|医药费|丧葬费|误工费|护理费|抢救费|赔偿)")


def _loss_paid(text: str, end: int) -> bool:
    return bool(LOSS_HEADS.match(text, end))


# 刑法第67条第3款: 坦白 is the suspect's truthful account after being caught, before trial; told only of the trial
AT_TRIAL_WORDS = re.compile(r"当庭|庭审|开庭|法庭上|审理(?:中|时|过程中)")
BEFORE_TRIAL_WORDS = re.compile(r"到案|归案|抓获|投案|侦查|审查起诉|讯问|案发后|被查获|被捕|羁押")


# an account retracted (翻供) was given before: 法释〔1998〕8号第一条 keeps a 自首 whose account, retracted, is given again
# before the first-instance judgment, and the same is read for 坦白 (by analogy: recalled, unconfirmed)
RETRACTED = re.compile(r"翻供")


def _only_at_trial(text: str, match: re.Match) -> bool:
    """A truthful account its clause tells at trial alone ("当庭如实供述", "在庭审中…供认不讳"), not also before it
    ("到案后及庭审中均供认不讳"), nor given again after a retraction ("曾一度翻供，但在庭审中又如实供述"); the court's own
    word 坦白 stands."""
    if match.group() == "坦白":
        return False
    lo, _ = clause_bounds(text, match.start(), match.start())
    header = re.compile(TRIAL_HEADER + "$").search(text, bounds(text, lo, lo, SENTENCE_BREAKS)[0], lo)
    told = text[header.start() if header else lo : match.start()]
    if RETRACTED.search(text, bounds(text, lo, lo, SENTENCE_BREAKS)[0], match.start()):
        return False
    return bool(AT_TRIAL_WORDS.search(told)) and not BEFORE_TRIAL_WORDS.search(told)


def _about_defendant(text: str, start: int) -> bool:
    """For a personal trait (未成年, 聋哑): the defendant, not a victim, an accomplice or a child, is meant."""
    lo, _ = clause_bounds(text, start, start)
    if OTHER_PERSON.search(text, lo, start) or OTHER_PERSON_AFTER.match(text, start):
        return False
    if text.startswith("未成年人社会调查", start):
        return True  # the social inquiry report is made only for a minor defendant
    s_lo, _ = bounds(text, start, start, SENTENCE_BREAKS)
    return bool(DEFENDANT_CONTEXT.search(text, s_lo, start))
