"""One fact weighed once (禁止重复评价): a crime's tier that already weighs an earlier conviction takes it out of the
general prior record (前科, 2021量刑指导意见 三(16)).

危险驾驶's heavier tier (dangerous_driving.yaml) is reached by 《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条(十四):
an earlier conviction for dangerous driving. The same conviction is the text's 前科, which adjusts the baseline (+5%).
Weighed in the tier, it is not weighed again: where every prior record the text tells is an earlier conviction the
crime file names (`weighed_in_tier.earlier_crime`), the prior record is dropped for that charge, with a note. An
earlier conviction for another crime is a 前科 of its own, and it stays.
"""

from __future__ import annotations

import dataclasses
import re

from leniency.sentencing.calculator_adjust import Applied
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.excepted_earlier_crimes import weighed_as_prior_record
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard, Tier
from leniency.sentencing.trace import Trace


def weighed_in_tier(
    applied: Applied, crime: CrimeStandard | None, tier: Tier | None, facts: CaseFacts, trace: Trace
) -> Applied:
    """`applied` without the circumstance the tier reached already weighs (`weighed_in_tier` in the crime file)."""
    cfg = crime.extra.get("weighed_in_tier") if crime is not None else None
    if not cfg or tier is None or tier.id != cfg["tier"] or not applied.has(cfg["circumstance"]):
        return applied
    if not all_earlier_crimes_of(facts.text or "", cfg["earlier_crime"]):
        return applied
    trace.note_text(
        f"{crime.charge}：前罪系{_first(cfg['earlier_crime'])}，已作为本罪从重处理情节评价，不再作为前科从重"
        f"（{cfg['citation']}） / {crime.charge}: the earlier conviction is for this crime and is weighed in its "
        "heavier tier; it is not weighed again as a prior record"
    )
    rules = [r for r in applied.rules if r != cfg["circumstance"]]
    return dataclasses.replace(applied, rules=rules)


def all_earlier_crimes_of(text: str, pattern: str) -> bool:
    """Whether the text tells a weighed prior record and each one names a crime `pattern` matches."""
    records = [c for c in prior_records(text) if weighed_as_prior_record(text, c)]
    return bool(records) and all(re.search(pattern, text[c.start : c.end]) for c in records)


def _first(pattern: str) -> str:
    return pattern.split("|", 1)[0]
