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

from leniency.sentencing.extraction.amount_exclusions import TAKEN_IN_CLAUSE
from leniency.sentencing.extraction.duty_money import KEPT
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
# a numbered item opening its sentence, or after the colon of a list ("先后骗取他人钱财：1、…；2、…")
ITEM_OPENING = re.compile(
    r"(?:^|[：:])\s*(?P<marker>[（(]?[\d一二三四五六七八九十]+[）)、.．]|第[一二三四五六七八九十\d]+[起笔次])"
)
# an item of the list of evidence ("1、被害人王某的陈述，证实其被骗5000元"): proof of a count, not one
PROOF_ITEM = re.compile(r"陈述|证言|供述|辩解|笔录|鉴定意见|鉴定结论|认定结论|证实|证明|书证")
PROOF_HEAD = 16  # characters after the marker where an item of proof names itself
# what makes a count's figure the sum of its act: a taking or a value told in its clause ("窃取现金800元", "经鉴定价值
# 1500元", "强拿硬要现金1000元"); a count's other figures ("会款总额100000元", the pot of each 标会) say nothing of it
ACT_OR_VALUE = re.compile(
    rf"{TAKEN_IN_CLAUSE.pattern}|价值|强拿硬要|强行|拿走|收受|吸收|侵吞|截留|据为己有|占为己有"
)
CLAUSE_BREAK = re.compile(r"[，,。；;：:\n]")


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


def item_marker(text: str, mention: Mention) -> tuple[int, str] | None:
    """Where the numbered item holding `mention` opens, and its marker ("第二起", "2、", "（二）"), when the item opens in
    the figure's own sentence and tells an act, not an item of proof; else None."""
    start, _ = bounds(text, mention.span.start, mention.span.end, SENTENCE_BREAK)
    before = text[start : mention.span.start]
    found = None
    for m in ITEM_OPENING.finditer(before):
        found = m
    if found is None or PROOF_ITEM.search(before, found.end(), found.end() + PROOF_HEAD):
        return None
    return start + found.start("marker"), found.group("marker")


def in_other_counts(text: str, first: Mention, second: Mention) -> bool:
    """Whether two figures are told in two numbered counts ("第一起：…窃取现金800元。第二起：…窃取现金800元"): two acts,
    each of its own sum, not one figure told again. Repeated takings are added (多次盗窃 / 多次诈骗, 数额累计计算: 法释
    〔2013〕8号, 法释〔2011〕7号; recalled, unconfirmed), whether or not their sums are equal."""
    one, other = item_marker(text, first), item_marker(text, second)
    return (
        one is not None
        and other is not None
        and one[1] != other[1]
        and _tells_act(text, one[0], first)
        and _tells_act(text, other[0], second)
    )


def _tells_act(text: str, item_start: int, mention: Mention) -> bool:
    """Whether the figure's clause (within its item) tells a taking or a value before it, or its keeping after it
    ("第二笔，…将客户支付的货款2万元转入其个人银行账户")."""
    clause_start = item_start
    for m in CLAUSE_BREAK.finditer(text, item_start, mention.span.start):
        clause_start = m.end()
    if ACT_OR_VALUE.search(text, clause_start, mention.span.start):
        return True
    after = CLAUSE_BREAK.split(text[mention.span.end : mention.span.end + 20])[0]
    return KEPT.search(after) is not None
