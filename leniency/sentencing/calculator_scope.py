"""Each charge's own facts in a case of several charges (issue 16, class 3).

The injuries, circumstances and number of acts a charge is calculated on come from the acts that tell
of it (`CaseFacts.acts`): a 重伤 told in an injury count does not move a kidnapping count into its
"杀害、伤害被绑架人" bracket. Criminal Law
art. 69: each crime is sentenced on its own facts before the punishments are combined.
"""

from __future__ import annotations

import dataclasses

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.quantities import worst_injury
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.trace import Phrase, Trace

CITATION = "刑法第69条（数罪分别定罪量刑）"


def given_name(name: str, facts: CaseFacts) -> str:
    """The name `facts.charges` gave the charge the catalogue calls `name` (acts carry the given name)."""
    for given in facts.charges:
        info = find_charge(given)
        if given == name or (info is not None and info.name == name):
            return given
    return name


def scoped(name: str, own: CaseFacts, facts: CaseFacts, trace: Trace) -> CaseFacts:
    """`own` (the charge's facts so far) with the injuries and circumstances of its own acts only."""
    if not facts.acts:
        return own
    given = given_name(name, facts)
    changes: dict[str, object] = {}
    injuries = facts.for_charge(given, facts.injuries)
    if len(injuries) != len(facts.injuries):
        injury = worst_injury(injuries)
        changes.update(injuries=injuries, injury=injury)
        trace.step(
            "method.several_charges.own_injury",
            kind=StepKind.NOTE,
            citation=CITATION,
            charge=name,
            confidence="medium",
            injury=Phrase(f"phrase.injury.{injury.value}" if injury else "phrase.injury.none"),
            total=Phrase(f"phrase.injury.{facts.injury.value}" if facts.injury else "phrase.injury.none"),
        )
    circumstances = facts.for_charge(given, facts.circumstances)
    if len(circumstances) != len(facts.circumstances):
        kept = {id(f) for f in circumstances}
        dropped = sorted({str(f.code) for f in facts.circumstances if id(f) not in kept})
        changes["circumstances"] = circumstances
        trace.step(
            "method.several_charges.own_circumstances",
            kind=StepKind.NOTE,
            citation=CITATION,
            charge=name,
            confidence="medium",
            dropped=", ".join(dropped),
        )
    return dataclasses.replace(own, **changes) if changes else own
