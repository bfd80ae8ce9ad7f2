"""集资诈骗's amount: the money raised less what was returned before the case came to light (task E67).

最高人民法院《关于审理非法集资刑事案件具体应用法律若干问题的解释》: 集资诈骗的数额以行为人实际骗取的数额计算，在案发
前已归还的数额应予扣除 … 行为人为实施集资诈骗活动而支付的利息，除本金未归还可予折抵本金以外，应当计入诈骗数额 (法释
〔2010〕18号第五条, kept in 法释〔2022〕5号 beside the thresholds of FACTS.md §1.7; the words confirmed on secondary pages, the
article number recalled, unconfirmed). 非法吸收公众存款 is measured by the whole sum taken in, a return weighed in sentencing
only (the same interpretation's 第六条, unreturned_sums.py), so the deduction is 集资诈骗's alone and needs the charge.

Deducted: a sum the text tells as returned (已归还 / 已返还 / 已兑付 …, or returned 案发前, in its clause or at the head of
its sentence) in a sentence that is not told after the discovery (案发后, 归案后 … 退赔 are restitution, 刑法第64条,
weighed as a circumstance); and interest paid before discovery, or a return of 本息, while principal is unreturned (the
interpretation's 除本金未归还可予折抵本金: set off against the principal, as the amount is what was 实际骗取; returns that
reach the sum raised leave principal unreturned no longer, and nothing is deducted; task E81, E65's examiner). Not deducted: fees and other outlays (广告费、中介费、手续费、回扣 …
不予扣除: no return), and any return where the text already names the net figure (实际骗取…, net_amounts.py). Where
no return is told but the part unreturned when the case came to light is (截至案发尚有380万元未归还), that part is the
amount: the same subtraction told the other way; unreturned 至今 (after discovery too) is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from leniency.sentencing.extraction.amount_exclusions import PAID_AS_RETURN
from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.numbers import sentence_start
from leniency.sentencing.extraction.unreturned_sums import unreturned

RAISING_FRAUD = "集资诈骗"
RETURN = r"归还|返还|退还|兑付|偿还|退回"
# a payment to the investors of their return: 支付利息, 支付本息, 支付集资参与人利息 (not 支付广告费)
PAID_OUT = r"支付(?=[^，,。；;\d]{0,12}?(?:利息|本息|本金|回报|收益|分红))"
RETURNED = (
    rf"(?:(?:{RETURN})(?:了)?|{PAID_OUT}|{PAID_AS_RETURN})[^，,。；;\d]{{0,14}}?(?:共计|合计|计|人民币)*$"
)
# "案发前已归还集资参与人本金80万元" / "其中已返还本金120万元" / "已向集资参与人兑付本金80万元" / "案发前已支付利息80万元"
RETURNED_BEFORE = re.compile(rf"(?:已(?:经)?|案发(?:之)?前)[^，,。；;\d]{{0,10}}?{RETURNED}")
# "案发前，被告人以支付利息等方式向集资参与人返还人民币120万元": the time told at the head of the sentence
RETURNED_IN_CLAUSE = re.compile(RETURNED)
BEFORE_DISCOVERY = re.compile(r"案发(?:之)?前")
AFTER_DISCOVERY = re.compile(
    r"案发后|归案后|到案后|抓获后|被抓后|破案后|立案后|侦查期间|审查起诉期间|审理期间|庭审前|判决前|退赃|退赔|退缴"
)
AT_DISCOVERY = re.compile(r"(?:截至|截止|直至|至)案发|案发(?:时|前|之前)")


def returned_before_discovery(mentions: Sequence[Mention], text: str, clause_start) -> list[Mention]:
    """The figures told as principal returned before the case came to light (`clause_start(text, pos)`: where a
    figure's clause begins)."""
    returned = []
    for m in mentions:
        if m.repeated:
            continue
        start = clause_start(text, m.span.start)
        before = text[start : m.span.start]
        told_from = sentence_start(text, m.span.start)
        before_discovery = RETURNED_BEFORE.search(before) or (
            RETURNED_IN_CLAUSE.search(before) and BEFORE_DISCOVERY.search(text, told_from, m.span.start)
        )
        if before_discovery and not AFTER_DISCOVERY.search(text, told_from, m.span.start):
            returned.append(m)
    return returned


def raised_less_returned(
    total: Decimal | None, mentions: Sequence[Mention], text: str, charge: str | None, clause_start
) -> Decimal | None:
    """`total` less the principal returned before discovery where the charge is 集资诈骗; `total` otherwise."""
    if (
        (charge or "").removesuffix("罪") != RAISING_FRAUD
        or total is None
        or not text
        or any(m.net for m in mentions)
    ):
        return total
    returned = sum((m.value for m in returned_before_discovery(mentions, text, clause_start)), Decimal(0))
    if 0 < returned < total:
        return total - returned
    # "截至案发尚有380万元未归还": what was not returned when the case came to light is what was taken less the returns
    # before it, the same figure told the other way
    left = [m.value for m in unreturned_at_discovery(mentions, text, clause_start) if m.value < total]
    return max(left) if left and not returned else total


def unreturned_at_discovery(mentions: Sequence[Mention], text: str, clause_start) -> list[Mention]:
    """The figures told as the part still unreturned when the case came to light (截至案发 / 案发时 …尚有…未归还); one
    told unreturned now (至今) may have been paid back in part after discovery, which is no deduction."""
    return [
        m
        for m in mentions
        if not m.repeated
        and unreturned(text, m, clause_start(text, m.span.start))
        and AT_DISCOVERY.search(text, clause_start(text, m.span.start), m.span.start)
    ]
