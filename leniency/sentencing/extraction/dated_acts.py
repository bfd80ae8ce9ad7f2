"""Acts of one charge counted from the dates they are told with (多次盗窃, 多次抢劫, 多次抢夺, 多次敲诈勒索).

Judgments often tell each act with its own date and no figure (2020年3月5日…窃得…；2020年6月8日…窃得…), so the count a
stated figure gives (quantities.find_counts) is missing. Each distinct date whose stretch of text (up to the next date or
the sentence's end) tells the charge's own conduct (CONDUCT) is one act; a date telling what followed it (销赃, 被抓获)
or an earlier conviction (因犯盗窃罪) is none. The same act told twice (by the prosecutor and again as found) has the
same date and counts once; two acts of one day count once (the reading that least burdens the defendant). In a case of
several charges each numbered count is read for the conduct of its own charge only (extract._acts_by_charge), so the
thefts of a theft count are never counted as robberies of the robbery count beside it (刑法第69条: each crime on its
own facts).

The charges read are those whose statute makes repetition an element or a form: 刑法第264条 多次盗窃 (法释〔2013〕8号第三条
第一款: 二年内盗窃三次以上; FACTS.md §1.7), 第263条第4项 多次抢劫 (法发〔2005〕8号三: 抢劫三次以上, recalled, unconfirmed),
第267条 多次抢夺 (刑法修正案（九）; 二年内三次以上 by the theft rule's analogy, recalled, unconfirmed) and 第274条
多次敲诈勒索 (法释〔2013〕10号第三条: 二年内敲诈勒索三次以上, recalled, unconfirmed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.numbers import bounds, written_dates
from leniency.sentencing.extraction.others_acts import in_others_act

# the words that tell each charge's act done: a word naming the crime (盗窃罪 / 抢劫案) is no act, nor one that names the
# thing taken in what followed (2020年3月20日，经价格认证，甲盗窃的电动车价值1500元 / 将窃得的手机销赃)
NOT_THE_CRIME = r"(?!罪|案|犯|一案|的)"
CONDUCT = {
    "盗窃": re.compile(
        rf"(?:窃得|盗得|偷得|窃取|盗取|偷取|盗走|偷走|窃走|扒窃|行窃|偷窃|盗窃){NOT_THE_CRIME}"
    ),
    "抢劫": re.compile(rf"(?:抢劫|劫取|劫得|劫走|抢走|抢得){NOT_THE_CRIME}"),
    "抢夺": re.compile(rf"(?:抢夺|夺走|夺取|夺得|夺下|抢走|拽走|扯走){NOT_THE_CRIME}"),
    # 刑法第274条: 敲诈勒索 is obtaining by threat; 索要 / 索取 under a threat is its act (向乙索要人民币1万元)
    "敲诈勒索": re.compile(rf"(?:敲诈|勒索|索要|索取){NOT_THE_CRIME}"),
}
SENTENCE_BREAK = "。\n"
TWO_YEARS = timedelta(days=730)
REPEATED = 3


@dataclass(frozen=True)
class DatedAct:
    day: date
    start: int  # where its date is written (its first telling)


def reads_dates_of(charge: str) -> bool:
    """Whether acts of `charge` (its catalogue name) are counted from their dates."""
    return charge in CONDUCT


def dated_acts(text: str, charge: str, start: int = 0, end: int | None = None) -> list[DatedAct]:
    """The distinct days text[start:end] tells an act of `charge` on, in order of day, each at its first telling (a
    date naming no day stands for the day it reads as: numbers.WrittenDate.as_date); none for a charge not read so."""
    conduct = CONDUCT.get(charge)
    if conduct is None:
        return []
    end = len(text) if end is None else end
    convictions = earlier_convictions(text)
    dates = [d for d in written_dates(text) if not d.birth and d.precision != "year"]
    found: dict[date, int] = {}
    for i, written in enumerate(dates):
        at = written.span.end
        if not start <= written.span.start < end:
            continue
        if any(c.clause <= written.span.start < c.end for c in convictions):
            continue
        if in_others_act(text, written.span.start):
            continue  # a co-offender's act without the defendant (others_acts.py, task E60): not one of his
        _, sentence_end = bounds(text, at, at, SENTENCE_BREAK)
        stop = min(sentence_end, end, dates[i + 1].span.start if i + 1 < len(dates) else len(text))
        day = written.as_date()
        if day is not None and conduct.search(text, at, stop) and day not in found:
            found[day] = written.span.start
    return [DatedAct(day, at) for day, at in sorted(found.items())]


def repeated_within_two_years(days: list[date]) -> bool:
    """Whether three of the acts on `days` fall within two years (法释〔2013〕8号第三条第一款)."""
    ordered = sorted(days)
    return any(
        ordered[i + REPEATED - 1] - ordered[i] <= TWO_YEARS for i in range(len(ordered) - REPEATED + 1)
    )
