"""The remainder of a sentence a new crime interrupts, where the text gives it only as a period (issue 16, class 7).

Two texts state no 余刑 in words, yet give it:

- a new crime within the parole period (假释考验期内, 刑法第86条第1款: 撤销假释，依照第71条并罚). 刑法第83条: "有期徒刑的
  假释考验期限，为没有执行完毕的刑期", so the parole period, stated as a term (假释考验期为一年六个月) or by its dates
  (假释考验期限自2019年6月1日起至2020年11月30日止), is the term left unserved; the time spent on parole is not counted
  as served once parole is revoked (recalled, unconfirmed here: the courts' reading of 第86条).
- a new crime committed while serving (在监狱服刑期间 / 刑罚执行期间, 刑法第71条): the part of the term not executed
  runs from the day of the new crime to the term's end, which judgments state (刑期自2016年3月1日起至2021年2月28日止).
  Only a crime dated within the term counts; one after its end is a crime after the sentence was served (第65条 is
  another rule), and one before its start is no art. 71 case.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from leniency.sentencing.extraction.numbers import DATE, DATE_RE, TERM, bounds, date_of, span, term_months
from leniency.sentencing.facts import SentenceMention

PAROLE_TERM_RE = re.compile(rf"假释考验期(?:限)?(?:为|是)\s*{TERM}")
PAROLE_DATES_RE = re.compile(
    rf"假释考验期(?:限)?(?:为|是)?自?\s*(?P<start>{DATE})\s*起?至\s*(?P<end>{DATE})\s*止?"
)
# the words that say the new crime was committed while the sentence was being executed (刑法第71条)
WHILE_SERVING_RE = re.compile(r"(?:服刑|刑罚执行|监外执行|暂予监外执行)期间")
# what is told of an earlier crime while serving (在服刑期间主动交代了…盗窃的犯罪事实 / 发现其还有漏罪): a 漏罪 (第70条)
FOUND_WHILE_SERVING_RE = re.compile(r"交代|供述|坦白|发现|检举|揭发|余罪|漏罪|尚未掌握")
TERM_DATES_RE = re.compile(rf"刑期(?:从|自)\s*(?P<start>{DATE})\s*起?至\s*(?P<end>{DATE})\s*止?")


def parole_remainder(text: str) -> SentenceMention | None:
    """The parole period as the unserved term (刑法第83条), read as a term or from its dates; None where not stated."""
    if match := PAROLE_TERM_RE.search(text):
        return SentenceMention("imprisonment", term_months(match), False, _sentence_span(text, match))
    if (match := PAROLE_DATES_RE.search(text)) and (months := _period_months(match)) is not None:
        return SentenceMention("imprisonment", months, False, _sentence_span(text, match))
    return None


def serving_remainder(text: str) -> tuple[SentenceMention, bool] | None:
    """For a text that says its crime was committed while a sentence was executed (WHILE_SERVING_RE): the term left
    from the crime's date to the term's end where both are stated (months), else a remainder not stated (None months).
    The bool says whether the remainder was read. None where the text says no such thing."""
    serving = WHILE_SERVING_RE.search(text)
    if serving is None:
        return None
    lo, hi = bounds(text, serving.start(), serving.end(), "。；;\n")
    if FOUND_WHILE_SERVING_RE.search(text, lo, hi):
        return None  # an earlier crime owned up to or found while serving: 刑法第70条, not 第71条
    unknown = SentenceMention(None, None, False, _sentence_span(text, serving))
    term = TERM_DATES_RE.search(text)
    crime = _crime_date(text, serving)
    if term is None or crime is None:
        return unknown, False
    first, last = date_of(DATE_RE.fullmatch(term["start"])), date_of(DATE_RE.fullmatch(term["end"]))
    if first is None or last is None or not first <= crime <= last:
        return None  # a crime outside the term: not one committed while serving it
    return SentenceMention("imprisonment", _months(crime, last), False, _sentence_span(text, term)), True


def _crime_date(text: str, serving: re.Match) -> date | None:
    """The date told in the sentence that says the crime was committed while serving (…2019年3月1日，孔某在某监狱服刑
    期间…): the closest before those words, else the first after them."""
    lo, hi = bounds(text, serving.start(), serving.end(), "。；;\n")
    before = [d for m in DATE_RE.finditer(text, lo, serving.start()) if (d := date_of(m))]
    if before:
        return before[-1]
    after = [d for m in DATE_RE.finditer(text, serving.end(), hi) if (d := date_of(m))]
    return after[0] if after else None


def _period_months(match: re.Match) -> int | None:
    first, last = date_of(DATE_RE.fullmatch(match["start"])), date_of(DATE_RE.fullmatch(match["end"]))
    if first is None or last is None or last < first:
        return None
    return _months(first, last)


def _months(first: date, last: date) -> int:
    """Whole months from `first` to `last`, both days counted (the end's next day closes the period)."""
    after = last + timedelta(days=1)
    return (after.year - first.year) * 12 + after.month - first.month + round((after.day - first.day) / 30)


def _sentence_span(text: str, match: re.Match):
    return span(text, *bounds(text, match.start(), match.end(), "。；;\n"))
