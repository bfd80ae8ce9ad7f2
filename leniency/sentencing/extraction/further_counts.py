"""A count told after an opening total that covers only part of the case (task E43).

"2021年3月至5月间，被告人先后盗窃6次，窃得财物共计价值4800元。2021年6月2日，被告人又窃得电动自行车一辆，价值1900元":
the opening 共计 sums the acts of its period; the act told afterwards as a further one (又 / 再次 / 此外) is not in it.
Repeated takings are added (多次盗窃 / 多次诈骗, 数额累计计算: 法释〔2013〕8号 and 法释〔2011〕7号; recalled, unconfirmed).
Figures after the total that add up to it, or that the opening sentence announces as its details (具体如下, 分述如下),
are its parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.numbers import bounds

# 还 as "also" before the act ("被告人丁还以…为由骗取"), not 归还 / 偿还
FURTHER = re.compile(
    r"又|再次|再度|此外|另外|另查明|(?<![归偿退返送交])还(?=以|在|向|于|利用|采用|采取|多次|先后|单独|伙同|骗|盗|窃|侵占|截留)"
)
DETAILS_ANNOUNCED = re.compile(r"具体|如下|分述|分别|其中|[：:]\s*$")
NUMBERED_ITEM = re.compile(
    r"^\s*(?:[（(]?[\d一二三四五六七八九十]+[）)、.．]|第[一二三四五六七八九十\d]+[起笔次])"
)
SLACK = Decimal("0.01")
SENTENCE_BREAK = "。；;\n！？!?"


def further_sum(total: Mention, later: Sequence[Mention], text: str) -> Decimal:
    """The sum of the figures after the opening `total` (those of `later` told in other sentences) that are told as
    further acts outside it."""
    lo, hi = bounds(text, total.span.start, total.span.end, SENTENCE_BREAK)
    after = [m for m in later if m.sentence != total.sentence]
    if not after or DETAILS_ANNOUNCED.search(text, lo, hi):
        return Decimal(0)
    if abs(sum(m.value for m in after) - total.value) <= total.value * SLACK:
        return Decimal(0)
    further = Decimal(0)
    for m in after:
        start, end = bounds(text, m.span.start, m.span.end, SENTENCE_BREAK)
        if FURTHER.search(text, start, m.span.start) and not NUMBERED_ITEM.match(text, start, end):
            further += m.value
    return further
