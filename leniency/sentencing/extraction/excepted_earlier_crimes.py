"""Earlier crimes the law excepts: one committed under 18 or by negligence, neither a 累犯's nor a weighed 前科.

刑法第65条第1款 excepts both from 累犯 (但是过失犯罪和不满十八周岁的人犯罪的除外; that the exception covers the earlier
crime as well as the new one is the textbook reading, recalled, unconfirmed). The 2021 sentencing guideline's 前科 item
excepts both in its own words (三(16): 前科犯罪为过失犯罪和未成年人犯罪的除外; FACTS.md, table row 16), whatever the
earlier sentence; 刑法第100条第2款 (犯罪的时候不满十八周岁被判处五年有期徒刑以下刑罚的人, 免除前科报告义务) points the same
way for the lighter sentences and is not needed beside it. What the text tells of an earlier crime decides:

- a minor's: an age in its own words (时年十七周岁, 犯罪时不满十八周岁, 在未成年时, 系未成年人), or the defendant's birth
  date against the date its sentence was pronounced (the crime came before it): under 18 on that day, or, where only its
  year is told (2016年因犯抢劫罪被判处…), under 18 on the last day of that year;
- a negligent one: a crime the Criminal Law defines by negligence (standards/negligent_charges.yaml) named in it, with
  its 罪 or without it (因过失致人重伤被判处…).

A 前科 the court itself weighs in its own words (本院认为，被告人有前科，酌情从重) is its finding, not an earlier crime told
here: it stays weighed.
"""

from __future__ import annotations

import re
from datetime import date

from leniency.sentencing.catalogue import negligent_charges
from leniency.sentencing.extraction.earlier_convictions import EarlierConviction
from leniency.sentencing.extraction.numbers import DATE_RE, date_of, written_dates
from leniency.sentencing.extraction.quantities import age_on, find_age

ADULT = 18  # 刑法第65条第1款: 不满十八周岁的人犯罪的除外; 2021量刑指导意见 三(16): 未成年人犯罪
# named with its 罪 or without it (因过失致人重伤被判处…)
NEGLIGENT_NAMED = re.compile(
    "|".join(sorted((re.escape(n) for n in negligent_charges()), key=len, reverse=True))
)
# an earlier crime told as committed under 18, by an age in its own words (时年十七周岁, 作案时未满十八周岁, 系未成年人,
# 在未成年时, 系未成年犯: 刑法第17条's 未成年人犯罪)
MINOR_THEN = re.compile(
    r"(?:时年|时|作案时|犯罪时)(?:仅|只有)?(?:1[0-7]|十[一二三四五六七]?|[一二三四五六七八九])周?岁"
    r"|未满十八周岁|不满十八周岁|(?:时|作案时|犯罪时)?系未成年人|(?:在|于)?未成年(?:时|期间)|未成年犯(?!罪)"
)
VERDICT = re.compile(r"判处|判决|判刑|决定执行")


def birth_date(text: str) -> date | None:
    """The defendant's birth date, as find_age reads it (its finding's words: 1985年3月2日出生), or None."""
    _, told = find_age(text)
    match = DATE_RE.search(told.span.quote) if told is not None and told.span is not None else None
    return date_of(match) if match else None


def minor_crime(text: str, c: EarlierConviction, born: date | None) -> bool:
    """Whether the earlier crime `c` tells was committed under 18: told so in its words (MINOR_THEN), or its sentence
    pronounced before the defendant born on `born` was 18 (on its date, or by the end of its year where only that is
    told)."""
    if MINOR_THEN.search(text, c.clause, c.end):
        return True
    day = c.pronounced or _year_end_pronounced(text, c)
    return born is not None and day is not None and age_on(born, day) < ADULT


def negligent_crime(text: str, c: EarlierConviction) -> bool:
    """Whether the earlier crime `c` tells is one the Criminal Law defines by negligence (交通肇事罪, 过失致人死亡罪 …)."""
    return bool(NEGLIGENT_NAMED.search(text, c.start, c.end))


def weighed_as_prior_record(text: str, c: EarlierConviction) -> bool:
    """Whether the 前科 `c` is weighed (2021量刑指导意见 三(16)): not a minor's crime, not a negligent one."""
    return not (minor_crime(text, c, birth_date(text)) or negligent_crime(text, c))


def _year_end_pronounced(text: str, c: EarlierConviction) -> date | None:
    """The last day of the year its sentence was pronounced in, where the year alone is told before its verdict
    (2016年因犯抢劫罪被判处…): the latest day it may have been."""
    verdict = VERDICT.search(text, c.start, c.end)
    if verdict is None:
        return None
    years = [found.year for found in written_dates(text[: verdict.start()]) if found.span.start >= c.clause]
    return date(years[-1], 12, 31) if years and years[-1] else None
