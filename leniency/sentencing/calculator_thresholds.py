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
from leniency.sentencing.extraction.numbers import CN_DIGITS, parse_number
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard
from leniency.sentencing.trace import Trace

# A date as judgments write it: 2014年8月5日, 2014年8月, 2014年 alone; 同年8月 / 当年8月 (the year of the date before it),
# 次年3月 / 翌年3月 (the year after it), 同月25日 / 当月25日 (its month); January also as 元月 (2014年元月5日, not the
# year alone: its last day would put January's acts eleven months late).
_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年|(?P<rel>同|当|次|翌)年(?=\s*(?:\d{1,2}|元)\s*月))"
    r"(?:\s*(?P<month>\d{1,2}|元)\s*月(?:\s*(?P<day>\d{1,2})\s*日)?)?"
    r"|(?:同|当)月\s*(?P<mday>\d{1,2})\s*日"
)
# a birth date ("被害人李某（女，2001年4月1日出生）", "吴某某（1999年生）") is no date of the acts
_BIRTH = re.compile(r"\s*(?:出生|生(?=[）)，,、；;。]))")
EARLIEST_YEAR = 1979  # the first Criminal Law; earlier "years" are not dates of the case

# The same dates in Chinese numerals, as judgments and indictments often write them: 二〇一四年八月十二日 (〇, ○ or 零 for
# nought), 二〇一四年八月, 同年十月, 同月二十日. A year is four digits before 年 (三年有期徒刑 or 二〇一四号 is no date); a
# month (一 to 十二) and a day (一 to 三十一) are read only after a year or 同年/同月, as the Arabic ones are.
_YEAR_DIGITS = CN_DIGITS | {
    "Ｏ": 0
}  # a year's digits, one by one (the full-width letter O read as nought too)
_CN_NUMBER = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_HINT = re.compile(r"[〇○零Ｏ一二三四五六七八九十]\s*[年月日]")
_CN_DATE = re.compile(
    r"(?:(?<![〇○零Ｏ一二三四五六七八九十])(?P<year>[〇○零Ｏ一二三四五六七八九]{4})\s*年|\d{4}\s*年|[同当次翌]年)"
    rf"(?:\s*(?P<month>{_CN_NUMBER}|元)\s*月(?:\s*(?P<day>{_CN_NUMBER})\s*日)?)?"
    rf"|[同当]月\s*(?P<mday>{_CN_NUMBER})\s*日"
)


def _arabic(match: re.Match) -> str:
    """One date of `_CN_DATE` with its Chinese numerals written in Arabic ones; the rest of its text unchanged."""
    text, start = match.group(0), match.start()
    for name in ("day", "mday", "month", "year"):  # right to left, so that earlier spans keep their places
        if match.group(name) in (None, "元"):  # 元月 stays as written: _DATE reads it
            continue
        a, b = match.span(name)
        if name == "year":
            number = "".join(str(_YEAR_DIGITS[c]) for c in match.group(name))
        else:  # 一 to 三十一 (_CN_NUMBER)
            number = str(int(parse_number(match.group(name))))
        text = text[: a - start] + number + text[b - start :]
    return text


def arabic_dates(text: str) -> str:
    """`text` with the dates written in Chinese numerals written in Arabic ones (二〇一四年八月十二日 → 2014年8月12日,
    同年十月 → 同年10月); other numerals (三年有期徒刑, 二〇一四号, 十二个月) unchanged."""
    if not _CN_HINT.search(text):  # most texts: no Chinese numeral before 年/月/日, no call per Arabic date
        return text
    return _CN_DATE.sub(_arabic, text)


def latest_date(text: str) -> date | None:
    """The latest calendar date the facts name in `text`, or None when it names none.

    A date with its month counts from the month's first day (its day where written: days 29-31 as the 28th, late enough
    for a cut-off on a month's first day). A year named alone ("2011年至2013年期间", "2014年底") counts as its last day:
    the acts lie somewhere in that year, and only its end never says they ended before a day they may not have ended
    before; a text naming no date at all is likewise taken as decided under the rule in force now (`decided_before`).
    同年/当年 with a month take the year of the date written before them, 次年/翌年 the year after it, 同月/当月 with a day
    its year and month, as judgments write a run of dates; with no date before them they are no date. Birth dates are
    left out. Dates in Chinese numerals (二〇一四年八月十二日, 同年十月) are read as the same dates in Arabic ones."""
    found = []
    year = month = None  # of the date read last: what 同年, 次年 and 同月 refer to
    text = arabic_dates(text or "")
    for match in _DATE.finditer(text):
        if match.group("mday"):
            if year is None or month is None:
                continue
            value = (year, month, int(match.group("mday")))
        else:
            rel = match.group("rel")
            if rel:
                if year is None:
                    continue
                y = year + (1 if rel in "次翌" else 0)
            else:
                y = int(match.group("year"))
            m = _month(match.group("month"))
            value = (y, m, int(match.group("day") or 1))
        if _BIRTH.match(text, match.end()) or not EARLIEST_YEAR <= value[0] <= 2100:
            continue
        if value[1] is None:
            found.append(date(value[0], 12, 31))
            year, month = value[0], None
            continue
        if not 1 <= value[1] <= 12:
            continue
        found.append(date(value[0], value[1], min(max(value[2], 1), 28)))
        year, month = value[0], value[1]
    return max(found) if found else None


def _month(written: str | None) -> int | None:
    """The month a _DATE match writes (元 for January), None where it writes none."""
    if not written:
        return None
    return 1 if written == "元" else int(written)


def variant_applies(when: dict, facts: CaseFacts) -> bool:
    text = facts.text or ""
    any_words = when.get("text_any")
    if any_words and not any(word in text for word in any_words):
        return False
    if any(word in text for word in when.get("text_none") or ()):
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
