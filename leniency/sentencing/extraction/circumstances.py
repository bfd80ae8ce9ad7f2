"""Sentencing circumstances (量刑情节) named in the fact text, negations left out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.circumstance_checks import counts
from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS
from leniency.sentencing.extraction.circumstance_patterns import PATTERNS, PRIOR_RECORD
from leniency.sentencing.extraction.crime_stage_facts import discontinuance_harm, killing_not_completed
from leniency.sentencing.extraction.disaster_periods import disaster_periods
from leniency.sentencing.extraction.earlier_convictions import OPENING, EarlierConviction, earlier_convictions
from leniency.sentencing.extraction.excepted_earlier_crimes import weighed_as_prior_record
from leniency.sentencing.extraction.numbers import bounds, span
from leniency.sentencing.extraction.payments_made import part_paid
from leniency.sentencing.extraction.plea_withdrawal import withdrawn
from leniency.sentencing.extraction.recidivism import beside_recidivism, inferred_recidivism
from leniency.sentencing.extraction.recidivism import finding as recidivism_finding
from leniency.sentencing.extraction.recidivism import note as recidivism_note
from leniency.sentencing.extraction.restitution_acts import before_discovery
from leniency.sentencing.extraction.restitution_kinds import as_amends
from leniency.sentencing.extraction.undiscovered import undiscovered_conviction
from leniency.sentencing.extraction.vulnerable_victims import vulnerable_victims
from leniency.sentencing.extraction.wages_paid import wages_paid
from leniency.sentencing.facts import Circumstance, Finding, PleaStage

C = Circumstance


PLEA_STAGES = [
    (PleaStage.INVESTIGATION, re.compile(r"侦查(?:阶段|期间|机关|中)|公安机关")),
    # the 具结书 is signed before the procuratorate at review (刑事诉讼法第174条)
    (PleaStage.PROSECUTION_REVIEW, re.compile(r"审查起诉|检察机关|检察院")),
    (PleaStage.TRIAL, re.compile(r"庭审|审判阶段|审理(?:期间|中|过程|阶段)|当庭|开庭")),
]


def find_circumstances(
    text: str, age: int | None = None, charges: Sequence[str] = ()
) -> tuple[list[Finding], list[str]]:
    """The circumstances stated in `text` (first un-negated mention of each), with notes. `charges` (the case's)
    keep out a circumstance their own article already weighs (circumstances.yaml `not_when_element`,
    `not_with_charges`)."""
    findings, _, notes = read_circumstances(text, age, charges)
    return findings, notes


def read_circumstances(
    text: str, age: int | None = None, charges: Sequence[str] = ()
) -> tuple[list[Finding], list[Finding], list[str]]:
    """(findings, mentions, notes): `findings` as `find_circumstances` gives them; `mentions` every un-negated mention
    of each circumstance with its span (pattern by pattern, each in the order told), before `settle` combines them;
    the findings that are no pattern's match (an inferred 累犯, an age's 未成年, a killing not completed) among them."""
    # 退赃退赔 or 赔偿 by the crime (restitution_kinds.py)
    mentions, notes = as_amends(_told(text), text, charges)
    findings: list[Finding] = []
    pleas = [m.span.start for m in mentions if m.code == C.PLEA]
    if withdrawn(text, pleas):  # 刑事诉讼法第201条第1款: plea_withdrawal.py
        mentions = [m for m in mentions if m.code != C.PLEA]
        notes.append("the plea (认罪认罚) told was withdrawn later (反悔): no plea leniency")
    for mention in mentions:  # the first of each circumstance, its first pattern first
        if not any(f.code == mention.code for f in findings):
            findings.append(mention)
    returns = [f.span.start for f in mentions if f.code == C.RESTITUTION and f.span is not None]
    if any(before_discovery(text, start) for start in returns):
        notes.append(
            "a restitution told as made before the crime was discovered (案发前归还): weighed in mitigation "
            "(法释〔1998〕9号第二条 for 挪用公款, recalled, unconfirmed)"
        )
    codes = {f.code for f in findings}
    derived: list[Finding] = []
    # 累犯 told by art. 65's conditions, without the word (extraction/recidivism.py)
    if C.RECIDIVIST not in codes:
        recidivism = inferred_recidivism(text, prior_records(text), age, charges)
        if recidivism is not None:
            derived.append(recidivism_finding(text, recidivism))
            notes.append(recidivism_note(recidivism))
    if C.COMPENSATION not in codes:
        derived += wages_paid(text, charges)  # 刑法第276条之一第3款: wages_paid.py
    if not codes & {C.ATTEMPT, C.DISCONTINUATION, C.PREPARATION}:
        stage = killing_not_completed(text)
        if stage is not None:
            derived.append(stage)
    findings += derived
    codes |= {f.code for f in derived}
    # one earlier conviction is a 累犯's or a 前科, not both (recidivism.beside_recidivism)
    if C.RECIDIVIST in codes:
        recidivist = next(f for f in findings if f.code == C.RECIDIVIST)
        mentions = beside_recidivism(text, recidivist, mentions, prior_records(text))
        record = next((m for m in mentions if m.code == C.PRIOR_RECORD), None)
        findings = [f for f in findings if f.code != C.PRIOR_RECORD] + ([record] if record else [])
    if C.DISCONTINUATION in codes:
        harm = discontinuance_harm(text)
        findings = [_with_harm(f, harm) for f in findings]
        mentions = [_with_harm(f, harm) for f in mentions + derived]
    else:
        mentions += derived
    findings = settle(findings)
    if C.PRINCIPAL in codes and C.ACCESSORY in codes:
        notes.append(
            "both principal (主犯) and accessory (从犯) are named: several defendants, check which applies"
        )
    by_age = []
    if age is not None and age < 18 and C.MINOR not in codes:
        by_age.append(Finding(C.MINOR.value, age, None))
    if age is not None and age >= 75 and C.ELDERLY not in codes:
        by_age.append(Finding(C.ELDERLY.value, age, None))
    victims = vulnerable_victims(text, charges)
    disasters = disaster_periods(text, charges)
    findings += by_age + victims + disasters[:1]
    return findings, mentions + by_age + victims + disasters, notes


def settle(findings: list[Finding]) -> list[Finding]:
    """`findings` less those another of them includes: an attempt (art. 23) where the crime was given up (art. 24,
    at any stage) or not yet begun (art. 22), a preparation where it was given up; a confession where the defendant
    surrendered (a surrender includes the truthful account); a 当庭自愿认罪 where a 自首 or 坦白 is found (三(8)); a 立功
    where it is a 重大立功; a compensation and a forgiveness where a 刑事和解 is found, which weighs its payment and its
    forgiveness in one (三(12): 综合考虑…赔偿数额、赔礼道歉以及真诚悔罪等情况; the calculator excludes them beside it too)."""
    codes = {f.code for f in findings}
    drop: set[str] = set()
    if C.DISCONTINUATION in codes:
        drop |= {C.ATTEMPT, C.PREPARATION}
    elif C.PREPARATION in codes:
        drop.add(C.ATTEMPT)
    if C.SURRENDER in codes:
        drop.add(C.CONFESSION)
    if codes & {C.SURRENDER, C.CONFESSION}:
        drop.add(C.COURT_CONFESSION)  # 2021量刑指导意见 三(8): 当庭自愿认罪…依法认定自首、坦白的除外
    if C.MAJOR_MERITORIOUS in codes:
        drop.add(C.MERITORIOUS)
    if C.RECONCILIATION in codes:
        drop |= {C.COMPENSATION, C.FORGIVENESS}
    return [f for f in findings if f.code not in drop]


def _told(text: str) -> list[Finding]:
    """Every un-negated mention of each pattern's circumstance, pattern by pattern in PATTERNS' order."""
    mentions: list[Finding] = []
    for code, pattern in PATTERNS:
        told = (
            # 2021量刑指导意见 三(16): 前科犯罪为过失犯罪和未成年人犯罪的除外 (excepted_earlier_crimes)
            [OPENING.match(text, c.start) for c in prior_records(text) if weighed_as_prior_record(text, c)]
            if pattern is PRIOR_RECORD
            else pattern.finditer(text)
        )
        for match in told:
            if counts(text, match, code, pattern):
                value = _value(text, code, match)
                mentions.append(Finding(code.value, value, span(text, match.start(), match.end())))
    return mentions


def _value(text: str, code: C, match: re.Match) -> object:
    """A plea's stage; how much a return or a payment made good (payments_made.part_paid, 三(10)(11))."""
    if code == C.PLEA:
        return _plea_stage(text, match.start(), match.end())
    if code in (C.RESTITUTION, C.COMPENSATION):
        return part_paid(text, match.start(), match.end())
    return None


def _with_harm(finding: Finding, harm: str | None) -> Finding:
    return Finding(finding.code, harm, finding.span) if finding.code == C.DISCONTINUATION else finding


def prior_records(text: str) -> list[EarlierConviction]:
    """The defendant's criminal convictions the text tells (earlier_convictions: a court's sentence,
    not an administrative punishment alone, nor another person's), less the judgment an undiscovered crime is combined
    with (漏罪, 刑法第70条). That crime was committed before that judgment was pronounced, so the judgment makes no
    recidivist of it (刑法第65条: a new crime after the earlier sentence was served or pardoned) and no prior record
    (2021量刑指导意见 三(16): a record the offender had when offending, weighed by the interval since); it is combined
    with it instead (arts. 70, 69). An older conviction of the same text still counts."""
    missed = undiscovered_conviction(text)
    return [c for c in earlier_convictions(text) if c.criminal and not c.others and c != missed]


def _plea_stage(text: str, start: int, end: int) -> PleaStage | None:
    """The stage named last before the plea in its sentence ("被公安机关抓获后，在审查起诉阶段认罪认罚": review)."""
    s_lo, _ = bounds(text, start, end, SENTENCE_BREAKS)
    window = text[s_lo:end]
    named = [(m.end(), stage) for stage, pattern in PLEA_STAGES for m in pattern.finditer(window)]
    return max(named, key=lambda n: n[0])[1] if named else None
