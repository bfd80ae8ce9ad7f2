"""Threshold variants and earlier law: which amount thresholds and brackets apply to the case at hand.

Some crimes have more than one set of amount thresholds: 信用卡诈骗 counts a malicious overdraft
(恶意透支) on other figures than fraud with a forged, fraudulently obtained or another person's card,
and the overdraft figures were raised in 2018. A crime file lists such sets under
`threshold_variants`, each with its conditions, source and confidence; the first variant whose
conditions the facts meet replaces the crime's default `thresholds`, and the calculation records it
as a step.

Conditions (all must hold):

- ``text_any``: the fact text contains at least one of these words;
- ``text_none``: it contains none of these words;
- ``text_matches``: it matches this regular expression (a circumstance told in conduct words: 驾驶摩托车…夺走);
- ``before``: the latest date the fact text names (the judgment comes after it) is earlier than this
  ISO date, i.e. the case was decided under the rule in force before that day;
- ``from``: the latest date the fact text names is this ISO date or later (a text naming no date is taken as
  decided under the rule in force now).

A charge without a guideline may likewise carry an `earlier_law` block in amount_brackets.yaml: the
statutory brackets and amount thresholds in force before a date (see `earlier_law_charge`); a guideline
crime's file may carry one too, with the brackets and the tiers whose starting points or bracket differ
under the earlier text (see `earlier_law_crime`). Its `threshold_variants` work as a crime file's, but each gives the
charge's whole list of thresholds (挪用公款 for 非法活动 on lower figures than for 营利活动; 虚开增值税专用发票 on the
figures of the interpretation in force when it was decided): see `amount_thresholds`.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.catalogue import ChargeInfo, _bracket
from leniency.sentencing.extraction.numbers import WrittenDate, written_dates
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard
from leniency.sentencing.trace import Phrase, Trace

EARLIEST_YEAR = 1979  # the first Criminal Law; earlier "years" are not dates of the case
LATEST_YEAR = 2100
LATEST_DAY_OF_A_MONTH = 28  # days 29-31 count as the 28th: late enough for a cut-off on a month's first day


def latest_date(text: str) -> date | None:
    """The latest calendar date the facts name in `text` (numbers.written_dates), or None when it names none.

    A date with its month counts from the day written, or the day its part of the month stands for (5月下旬: the 21st,
    numbers._PART_DAY), else the month's first day; days 29-31 count as the 28th. A year named alone ("2011年至2013年
    期间", "2014年底", "2014年初") counts as its last day: the acts lie somewhere in that year, and only its end never says
    they ended before a day they may not have ended before; a text naming no date at all is likewise taken as decided
    under the rule in force now (`decided_before`). Relative dates (同年8月, 次年2月, 同月20日) are read against the
    date before them, as written_dates reads them; birth dates and years before the first Criminal Law are left out."""
    days = [_latest_day(found) for found in written_dates(text or "") if _of_the_case(found)]
    return max(days, default=None)


def _of_the_case(found: WrittenDate) -> bool:
    return not found.birth and EARLIEST_YEAR <= found.year <= LATEST_YEAR


def _latest_day(found: WrittenDate) -> date:
    if found.month is None:
        return date(found.year, 12, 31)
    return date(found.year, found.month, min(max(found.day_of_month, 1), LATEST_DAY_OF_A_MONTH))


def variant_applies(when: dict, facts: CaseFacts) -> bool:
    text = facts.text or ""
    any_words = when.get("text_any")
    if any_words and not any(word in text for word in any_words):
        return False
    if any(word in text for word in when.get("text_none") or ()):
        return False
    if "text_matches" in when and not re.search(when["text_matches"], text):
        return False
    if "before" in when and not decided_before(text, when["before"]):
        return False
    if "from" in when and decided_before(text, when["from"]):
        return False
    return True


def decided_before(text: str, day) -> bool:
    """Whether the latest date the fact text names (the judgment comes after it) is earlier than `day` (an ISO
    date): the case was decided under the rule in force before it. A text naming no date is taken as decided
    under the rule in force now, so never before."""
    latest = latest_date(text)
    return latest is not None and latest < date.fromisoformat(str(day))


def apply_threshold_variant(crime: CrimeStandard, facts: CaseFacts, trace: Trace) -> CrimeStandard:
    """`crime` with the thresholds of its first applicable variant (unchanged when none applies)."""
    for variant in crime.extra.get("threshold_variants") or ():
        if not variant_applies(variant.get("when") or {}, facts):
            continue
        thresholds = {**crime.thresholds, **variant["thresholds"]}
        figures = "、".join(f"{thresholds[k]:,}" for k in variant["thresholds"])
        trace.step(
            "crime.thresholds",
            kind=StepKind.NOTE,
            rule_id=f"crime.{crime.id}.thresholds.{variant['id']}",
            citation=str(variant.get("source", "")),
            charge=crime.charge,
            confidence=str(variant.get("confidence", "low")),
            variant=variant["id"],
            variant_zh=variant["zh"],
            figures=figures,
            unit=Phrase("phrase.unit.yuan"),
        )
        return dataclasses.replace(crime, thresholds=thresholds)
    return crime


def amount_thresholds(entry: dict, facts: CaseFacts, charge: str, trace: Trace) -> list:
    """The amount thresholds of an amount_brackets.yaml charge for the case: those of its first applicable
    `threshold_variants` entry (recorded as a step), else those of its `earlier_law` where that applies, else its own.
    A variant's figures hold under the earlier text too (法释〔2016〕9号's 情形 figures for 行贿 served the brackets
    before Amendment 12 as after it); a variant that holds only in a period says so with `before` / `from`."""
    block = earlier_law(entry, facts)
    for variant in entry.get("threshold_variants") or ():
        if not variant_applies(variant.get("when") or {}, facts):
            continue
        trace.step(
            "crime.thresholds",
            kind=StepKind.NOTE,
            rule_id=f"method.no_guideline.amount.{variant['id']}",
            citation=str(variant.get("source", "")),
            charge=charge,
            confidence=str(variant.get("confidence", "low")),
            variant=variant["id"],
            variant_zh=variant["zh"],
            figures="、".join(f"{t:,}" for t in variant["thresholds"]),
            unit=Phrase(f"phrase.unit.{entry.get('unit', 'yuan')}"),  # 五亩, not 五元
        )
        return list(variant["thresholds"])
    return list((block or entry)["thresholds"])


def earlier_law(entry: dict | None, facts: CaseFacts) -> dict | None:
    """The `earlier_law` block of an amount_brackets.yaml entry when the facts end before its date.

    Amendment 11 (in force 2021-03-01) rewrote the brackets of several economic crimes; a case whose
    facts all lie before the change was decided under the earlier text (刑法第12条: the law at the
    time of the act, unless the new one is lighter).
    """
    block = (entry or {}).get("earlier_law")
    if not block or not variant_applies({"before": block["before"]}, facts):
        return None
    return block


def earlier_law_charge(info: ChargeInfo, entry: dict | None, facts: CaseFacts, trace: Trace) -> ChargeInfo:
    """`info` with the statutory brackets of the earlier text when `earlier_law` applies."""
    block = earlier_law(entry, facts)
    return info if block is None else _earlier_brackets(info, block, trace)


def earlier_law_crime(
    info: ChargeInfo, crime: CrimeStandard, facts: CaseFacts, trace: Trace
) -> tuple[ChargeInfo, CrimeStandard]:
    """A guideline crime under the earlier text when its file's `earlier_law` applies: the earlier brackets, and
    the tiers listed there with their earlier starting points and bracket."""
    block = earlier_law(crime.extra, facts)
    if block is None:
        return info, crime
    changed = block.get("tiers") or {}
    tiers = tuple(
        dataclasses.replace(
            t,
            start=tuple(changed[t.id]["start"]),
            start_at=changed[t.id]["start_at"],
            bracket=changed[t.id]["bracket"],
        )
        if t.id in changed
        else t
        for t in crime.tiers
    )
    return _earlier_brackets(info, block, trace), dataclasses.replace(crime, tiers=tiers)


def _earlier_brackets(info: ChargeInfo, block: dict, trace: Trace) -> ChargeInfo:
    brackets = tuple(_bracket(raw) for raw in block["brackets"])
    trace.step(
        "method.earlier_law",
        kind=StepKind.NOTE,
        citation=str(block.get("source", "")),
        charge=info.name,
        confidence=str(block.get("confidence", "low")),
        cutoff=block["before"],
        brackets="；".join(b.describe_zh() for b in brackets),
    )
    return dataclasses.replace(info, brackets=brackets)
