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

from leniency.sentencing.extraction.earlier_convictions import conviction_at
from leniency.sentencing.extraction.numbers import DATE, DATE_RE, TERM, bounds, date_of, span, term_months
from leniency.sentencing.facts import SentenceMention

# the probation period by its dates (缓刑考验期限自2019年5月21日起至2020年5月20日止)
PROBATION_DATES_RE = re.compile(
    rf"缓刑考验期(?:限)?(?:为|是)?自?\s*(?P<start>{DATE})\s*起?至\s*(?P<end>{DATE})\s*止?"
)
# (a date is no term: 假释考验期为2006年6月29日至… reads by PAROLE_DATES_RE)
PAROLE_TERM_RE = re.compile(rf"假释考验期(?:限)?(?:为|是)\s*(?!\d{{4}}年){TERM}")
PAROLE_DATES_RE = re.compile(
    rf"假释考验期(?:限)?(?:为|是)?自?\s*(?P<start>{DATE})\s*起?至\s*(?P<end>{DATE})\s*止?"
)
# the words that say the new crime was committed while the sentence was being executed (刑法第71条)
WHILE_SERVING_RE = re.compile(r"(?:服刑|刑罚执行|监外执行|暂予监外执行)期间")
# what is told of an earlier crime while serving (在服刑期间主动交代了…盗窃的犯罪事实 / 发现其还有漏罪): a 漏罪 (第70条)
FOUND_WHILE_SERVING_RE = re.compile(r"交代|供述|坦白|发现|检举|揭发|余罪|漏罪|尚未掌握")
# the term's dates, or its end alone (刑期至2021年2月28日止): the remainder runs to the end
TERM_DATES_RE = re.compile(rf"刑期(?:(?:从|自)\s*(?P<start>{DATE})\s*起?)?至\s*(?P<end>{DATE})\s*止?")


# a record told after the period (…假释考验期为…至…；2007年8月21日因犯盗窃罪被…判处…，2010年8月4日刑满释放): its dates
# are no new crime's, and a sentence served out leaves nothing to combine
SERVED_OUT_RE = re.compile(r"刑满释放|(?<!未)(?<!没有)执行完毕(?![以之]?前)|考验期(?:限)?已?届?满")
RECORD_RE = re.compile(r"判处|释放|假释|缓刑")


def crime_within(text: str, period: re.Pattern) -> re.Match | None:
    """The period's dates (PROBATION_DATES_RE, PAROLE_DATES_RE) where the first date told after their sentence, the new
    crime's, lies within them (刑法第77条 and 第86条 turn on 考验期限内, which dates show as well as words); a date of an
    earlier conviction (earlier_convictions) or a birth date is not the crime's."""
    match = period.search(text)
    if match is None:
        return None
    first, last = date_of(DATE_RE.fullmatch(match["start"])), date_of(DATE_RE.fullmatch(match["end"]))
    lo, after = bounds(text, match.start(), match.end(), "。\n")
    if SERVED_OUT_RE.search(text, lo, after):
        return None  # the record goes on to say the sentence was served: a past period, not this crime's
    crime = next(
        (
            d
            for m in DATE_RE.finditer(text, after)
            if conviction_at(text, m.start()) is None
            and not RECORD_RE.search(text, *bounds(text, m.start(), m.end(), "。；;\n"))
            and not text.startswith(("出生", "生"), m.end())
            and (d := date_of(m))
        ),
        None,
    )
    if first is None or last is None or crime is None:
        return None
    return match if first <= crime <= last else None


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
    first = date_of(DATE_RE.fullmatch(term["start"])) if term["start"] else crime
    last = date_of(DATE_RE.fullmatch(term["end"]))
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
