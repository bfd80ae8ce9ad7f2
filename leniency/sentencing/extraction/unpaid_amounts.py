"""A sum that was due and not paid, as its statute measures it: the tax evaded (逃税). Read by
charge_amounts.measured_amount for an amount_brackets.yaml charge whose `measure` names it.

逃税 (刑法第201条) is measured by the tax evaded (逃避缴纳税款数额), never by the income hidden, the tax due in all
(应纳税额, the base of the statute's share), the tax paid back later (补缴) or the late fees and fines: "隐瞒销售收入
500万元，少缴增值税等税款共计人民币62万元，占同期应纳税额的38.5%。案发后补缴税款20万元" is 62万 yuan.

走私普通货物、物品 (刑法第153条) is measured by the duty evaded (偷逃应缴税额, 法释〔2014〕10号第十六条), which customs often
states as the duty the goods owed (经海关核定，走私货物应缴税款共计42.7万元): nothing of it was paid, so that is the sum
evaded (`evaded_duty`), never the goods' value.

A figure the others add up to is their total, stated or restated, whether or not 共计 marks it (as for the tax on
false invoices, tax_amounts.stated_total).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.amounts import NAMED_FILLER, Mention, find_money, total_amount
from leniency.sentencing.extraction.tax_amounts import naming_clause, stated_total

# the evaded tax, named just before its figure: "逃避缴纳税款人民币", "少缴增值税、企业所得税等税款共计", "偷逃税款"
EVADED = re.compile(
    r"(?:逃避缴纳|逃避缴|偷逃|少缴纳?|少交|少申报|不缴纳?|未缴纳?|未申报缴纳|偷税|逃税)"
    rf"[^，,。；;\d]{{0,16}}?(?:税款|税额|税)?(?:数额|金额)?{NAMED_FILLER}"
)
# not the sum itself: paid back or paid by others, a fine or a fee on it, the base of the share
TAX_NOT = re.compile(r"补缴|补交|补税|追缴|退缴|缴清|缴回|滞纳金|罚|应纳税额|应纳税总额|收入|营业额|销售额")


# the duty smuggled goods owed, named just before its figure: "应缴税款共计", "应缴税额为", "应缴关税及进口环节税"
DUTY_OWED = re.compile(rf"应缴(?:纳)?[^，,。；;\d]{{0,8}}?(?:税款|税额|关税|税){NAMED_FILLER}")


def evaded_tax(text: str) -> Decimal | None:
    """The tax evaded the text names (None where it names none)."""
    return _named(text, EVADED)


def evaded_duty(text: str) -> Decimal | None:
    """The duty smuggled goods evaded: named as evaded, else as the duty they owed (None where the text names neither)."""
    return _named(text, EVADED) or _named(text, DUTY_OWED)


def _named(text: str, name: re.Pattern) -> Decimal | None:
    chosen: list[Mention] = []
    for mention in find_money(text or ""):
        clause = naming_clause(text, mention.span.start)
        if name.search(clause) and not TAX_NOT.search(clause):
            chosen.append(replace(mention, excluded=None))
    if not chosen:
        return None
    return stated_total([m.value for m in chosen]) or total_amount(chosen, text)
