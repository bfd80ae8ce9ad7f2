"""The tax amount of a false-invoice case (虚开的税款数额): what 刑法第205条 and its interpretations measure.

"虚开增值税专用发票50份，金额共计300万元，税额共计51万元，价税合计351万元" is 51万 yuan of tax: 价税合计 is the face
value (price and tax together) and 金额 the price alone; neither is the measure (法释〔2024〕4号第十一条: 虚开税款数额;
法〔2018〕226号: 虚开的税款数额). The tax is the figure named 税额 or 税款 just before it. Where the text names only
the tax deducted or obtained with the invoices (已抵扣税款, 骗取税款), that is the best figure: it is never more than
the tax on them. Tax paid back (补缴, 追缴, 挽回) is no measure of the crime. A figure the others add up to is their
total, stated or restated, whether or not 共计 marks it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction import numbers
from leniency.sentencing.extraction.amounts import (
    CLAUSE_BREAK,
    NAMED_FILLER,
    Mention,
    find_money,
    total_amount,
)

# the name just before the figure, with what may stand between ("税额共计人民币", "税款数额为"); 价税合计 is not it
TAX = re.compile(rf"(?<!价)(?:税额|税款){NAMED_FILLER}")
# the tax deducted or obtained with the invoices, and the state's loss: not the tax on them, used only without it
DEDUCTED = re.compile(r"抵扣|骗取|骗得|退税|损失|流失")
PAID_BACK = re.compile(r"补缴|补交|补税|退缴|追缴|追回|挽回|缴纳|缴清|罚")
FILLER_ONLY = re.compile(rf"^{NAMED_FILLER}")


def tax_amount(text: str) -> Decimal | None:
    """The tax on the invoices the text names (None when it names no tax figure)."""
    invoiced: list[Mention] = []
    deducted: list[Mention] = []
    for mention in find_money(text or ""):
        clause = clause_before(text, mention.span.start)
        if not TAX.search(clause) or PAID_BACK.search(clause):
            continue
        (deducted if DEDUCTED.search(clause) else invoiced).append(mention)
    chosen = invoiced or deducted
    if not chosen:
        return None
    return stated_total([m.value for m in chosen]) or total_amount([_kept(m) for m in chosen], text)


def stated_total(values: list[Decimal]) -> Decimal | None:
    """The largest figure where the others add up to it (within 1%): the total of the invoices told one by one
    ("税额44798.91元；…税额19599.25元；…税额28463.8元，上述…税额92861.96元"), though no 共计 marks it. A figure stated
    twice, before the invoices and after them, is their total though an item was misprinted (within 10%)."""
    largest = max(values)
    others = [v for v in values if v != largest]
    rest = sum(others, Decimal(0))
    slack = Decimal("0.9") if values.count(largest) >= 2 else Decimal("0.99")
    if len(others) >= 2 and largest * slack <= rest <= largest * Decimal("1.01"):
        return largest
    return None


def clause_before(text: str, at: int) -> str:
    """The clause before position `at`, where the name of the figure at `at` stands."""
    return numbers.clause_before(
        text, at, breaks=CLAUSE_BREAK
    )  # amounts' breaks: ！？ end a clause there too


def naming_clause(text: str, at: int) -> str:
    """The clause before the figure at `at`, with the clause before it where this one holds nothing but what stands
    between a name and its figure ("逃避缴纳税款，共计…元", "非法经营数额，共计148000元": the name is there)."""
    clause = clause_before(text, at)
    if FILLER_ONLY.match(clause):
        clause = clause_before(text, at - len(clause) - 1) + clause
    return clause


def _kept(mention: Mention) -> Mention:
    """A tax figure stays a tax figure though a word of the general amount rules would set it aside (已申报抵扣)."""
    return replace(mention, excluded=None)
