"""Thefts counted from the dates they are told with, and whether three of them fall within two years (多次盗窃).

刑法第264条 makes 多次盗窃 a theft whatever the amount, and 法释〔2013〕8号第三条第一款 reads 多次 as three times or more
within two years (二年内盗窃三次以上; recalled, unconfirmed beyond FACTS.md §1.7). Judgments often tell each theft with
its own date and no figure (2020年3月5日…窃得…；2020年6月8日…窃得…), so the count a stated figure gives (quantities.
find_counts) is missing. Each distinct date whose stretch of text (up to the next date or the sentence's end) tells a
taking is one theft; a date telling what followed it (销赃, 被抓获) or an earlier conviction (因犯盗窃罪) is none. The
same theft told twice (by the prosecutor and again as found) has the same date and counts once; two thefts of one day
count once (the reading that least burdens the defendant).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.numbers import bounds, written_dates

TAKEN_RE = re.compile(r"窃得|盗得|偷得|窃取|盗取|偷取|盗走|偷走|窃走|扒窃|行窃|偷窃|盗窃(?!罪|案|犯|一案)")
SENTENCE_BREAK = "。\n"
TWO_YEARS = timedelta(days=730)
REPEATED = 3


def dated_thefts(text: str) -> list[date]:
    """The distinct dates the text tells a theft on, in order (a date naming no day stands for the day it reads as:
    numbers.WrittenDate.as_date)."""
    convictions = earlier_convictions(text)
    dates = [d for d in written_dates(text) if not d.birth and d.precision != "year"]
    days: list[date] = []
    for i, found in enumerate(dates):
        at = found.span.end
        if any(c.clause <= found.span.start < c.end for c in convictions):
            continue
        _, sentence_end = bounds(text, at, at, SENTENCE_BREAK)
        stop = min(sentence_end, dates[i + 1].span.start if i + 1 < len(dates) else len(text))
        day = found.as_date()
        if day is not None and TAKEN_RE.search(text, at, stop) and day not in days:
            days.append(day)
    return sorted(days)


def repeated_within_two_years(days: list[date]) -> bool:
    """Whether three of the thefts on `days` fall within two years (法释〔2013〕8号第三条第一款)."""
    ordered = sorted(days)
    return any(
        ordered[i + REPEATED - 1] - ordered[i] <= TWO_YEARS for i in range(len(ordered) - REPEATED + 1)
    )
