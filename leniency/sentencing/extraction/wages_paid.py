"""The wages paid in a case of 拒不支付劳动报酬: the workers' loss made good, read as a compensation (2021量刑指导意见
三(11)). 刑法第276条之一第3款 lets a court mitigate or exempt one who pays before prosecution (在提起公诉前支付劳动者的
劳动报酬，并依法承担相应赔偿责任的，可以减轻或者免除处罚; calculator_outcome's `by_statute`); 法释〔2013〕3号第六条
(recalled, unconfirmed) adds a lighter sentence (可以从轻处罚) for wages paid later, before the first-instance judgment,
which is this reading's compensation. The crime's victims are the workers, so a payment of their wages is the
compensation no 赔偿 word names; in other charges wages paid are no circumstance, and the reading is kept to this one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS, clause_bounds, negated
from leniency.sentencing.extraction.numbers import bounds, span
from leniency.sentencing.extraction.payments_made import only_claimed
from leniency.sentencing.extraction.restitution_acts import AFTER_THE_CRIME
from leniency.sentencing.facts import Circumstance, Finding

CHARGE = "拒不支付劳动报酬"
WAGES_PAID = re.compile(
    r"(?:支付|发放|补发|付清|结清|清偿|偿还|兑付|缴纳|交纳)(?:了)?(?:全部|所欠|拖欠的?|欠付的?)?[^，,。；;]{0,10}?"
    r"(?:劳动报酬|工资|工钱|薪酬|欠薪|劳务费)(?!保证金)"
    # the wages first, then their payment: handed over (将拖欠的工资全部支付给工人) or told done (工资已全部结清,
    # 工资支付完毕); a refusal between them (工资仍不支付) is none
    r"|(?:将|把)[^，,。；;]{0,12}?(?:劳动报酬|工资|工钱|薪酬|欠薪|劳务费)[^，,。；;未不没拒]{0,16}?(?:支付|发放|补发|付清|结清|兑付)"
    r"|(?:劳动报酬|工资|工钱|薪酬|欠薪|劳务费)[^，,。；;未不没拒]{0,16}?(?:(?:已|均已|全部|全额)(?:支付|发放|付清|结清|兑付)"
    r"|付清|结清|(?:支付|发放|兑付)(?:完毕|到位))"
)
# the offence itself told ("逃避支付…劳动报酬", "有能力支付而不支付"), or the authorities' order to pay ("责令其于…前足额支付")
NOT_A_PAYMENT = re.compile(r"(?:逃避|有能力|拒绝|拒不)[^，,。；;]{0,4}$|责令|限期|指令|要求")
# a payment made good after the crime: in the proceedings (案发后, 审理期间, 提起公诉前), or of the wages owed (拖欠的);
# not the part paid while the work went on, whose unpaid rest is the crime ("施工期间支付部分工资，尚欠…");
# restitution_acts.AFTER_THE_CRIME
OWED = re.compile(r"拖欠|所欠|欠付|欠发")
# after the prosecution, which restitution_acts.AFTER_THE_CRIME does not name: still before the judgment
# (法释〔2013〕3号第六条: 在一审宣判前支付…可以从轻处罚)
AFTER_THE_PROSECUTION = re.compile(r"公诉后|起诉后|庭审中|法庭审理")


def wages_paid(text: str, charges: Sequence[str]) -> list[Finding]:
    """A compensation where the charges include 拒不支付劳动报酬 and the text tells the wages paid after the crime (in
    the proceedings, or the wages owed; not the payment evaded or ordered, not negated, not only claimed): the first."""
    if not any(CHARGE in charge for charge in charges):
        return []
    for match in WAGES_PAID.finditer(text):
        start = match.start()
        lo, _ = clause_bounds(text, start, start)
        if (
            NOT_A_PAYMENT.search(text, lo, start)
            or negated(text, start, match.end())
            or only_claimed(text, start)
        ):
            continue
        s_lo, _ = bounds(text, start, start, SENTENCE_BREAKS)
        after = AFTER_THE_CRIME.search(text, s_lo, start) or AFTER_THE_PROSECUTION.search(text, s_lo, start)
        if not (after or OWED.search(match.group())):
            continue
        return [Finding(Circumstance.COMPENSATION.value, None, span(text, start, match.end()))]
    return []
