"""信用卡诈骗 by malicious overdraft (恶意透支): the principal overdrawn and unpaid, not the debt with its charges (task E90).

法释〔2018〕19号第九条: 恶意透支的数额，是指公安机关刑事立案时尚未归还的实际透支的本金数额，不包括利息、复利、滞纳金、
手续费等发卡银行收取的费用 (recalled, unconfirmed). Judgments tell the bank's claim first and the principal beside it:
"尚欠透支本息共计68532.41元，其中透支本金52300元", "欠款本息31280.55元（其中本金24600元）", "透支本金41000元，产生
利息、滞纳金等9760.3元，合计50760.3元". Where a figure is named as the principal (本金), the principal figures are the
amount; one told as paid back (已归还本金5000元) is none of them. Where no principal is named, the general total stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.numbers import clause_before

CARD_FRAUD = "信用卡诈骗"
OVERDRAFT = re.compile(r"透支")
# the principal named just before its figure: "透支本金人民币", "其中本金", "尚欠本金共计", "本金数额为"
PRINCIPAL = re.compile(r"本金(?:数额|金额)?(?:的)?(?:共计|合计|总计|累计|共|计|达|为|约|人民币|[：:\s])*$")
# a principal paid back (已归还本金, 偿还透支本金), not one left unpaid (尚未归还的透支本金, 拒不归还)
PAID_BACK = re.compile(r"(?<![未没不])(?:归还|偿还|还款|还清|退还|退赔|支付|缴纳|还了)")
CLAUSE = re.compile(r"[，,。；;！？!?\n（(]")  # not a colon: "尚欠透支款本金：28650元"


def principal_overdrawn(
    total: Decimal | None,
    mentions: Sequence[Mention],
    text: str,
    charge: str | None,
    totalled: Callable[[list[Mention], str], Decimal | None],
) -> Decimal | None:
    """The principal a malicious overdraft left unpaid where the charge is 信用卡诈骗 and the text names it; `total`
    otherwise. `totalled` totals figures as the general amount rules do (a 共计 figure kept, restatements dropped)."""
    if (charge or "").removesuffix("罪") != CARD_FRAUD or not text or not OVERDRAFT.search(text):
        return total
    named = [replace(m, excluded=None) for m in mentions if not m.repeated and _names_principal(text, m)]
    if not named:
        return total
    return totalled(named, text)


def _names_principal(text: str, mention: Mention) -> bool:
    clause = clause_before(text, mention.span.start, breaks=CLAUSE)
    name = PRINCIPAL.search(clause)
    return bool(name) and not PAID_BACK.search(clause, 0, name.start())
