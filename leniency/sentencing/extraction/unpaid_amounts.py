"""Sums that were due and not paid, as the statutes measure them: the tax evaded (逃税) and the wages withheld
(拒不支付劳动报酬). Read by charge_amounts.measured_amount for an amount_brackets.yaml charge whose `measure` names them.

逃税 (刑法第201条) is measured by the tax evaded (逃避缴纳税款数额), never by the income hidden, the tax due in all
(应纳税额, the base of the statute's share), the tax paid back later (补缴) or the late fees and fines: "隐瞒销售收入
500万元，少缴增值税等税款共计人民币62万元，占同期应纳税额的38.5%。案发后补缴税款20万元" is 62万 yuan.

拒不支付劳动报酬 (刑法第276条之一, 法释〔2013〕3号第三条) is measured by the wages the defendant owes (拖欠、拒不支付的
劳动报酬), never by what a third party advanced in his place (垫付) or what was paid later: "拖欠工人工资共计26万元……镇政府
垫付工资17万元" is 26万 yuan. The general amount rules set wages aside as no crime amount (amounts.EXCLUDE_BEFORE: 工资),
which is right for every other charge and wrong for this one.

A figure the others add up to is their total, stated or restated, whether or not 共计 marks it (as for the tax on
false invoices, tax_amounts._stated_total).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.amounts import NAMED_FILLER, Mention, find_money, total_amount
from leniency.sentencing.extraction.tax_amounts import _clause_before, _stated_total

# the evaded tax, named just before its figure: "逃避缴纳税款人民币", "少缴增值税、企业所得税等税款共计", "偷逃税款"
EVADED = re.compile(
    r"(?:逃避缴纳|逃避缴|偷逃|少缴纳?|少交|少申报|不缴纳?|未缴纳?|未申报缴纳|偷税|逃税)"
    rf"[^，,。；;\d]{{0,16}}?(?:税款|税额|税)?(?:数额|金额)?{NAMED_FILLER}"
)
# the wages owed, named just before their figure: "拖欠33名工人6月份工资共计", "所欠工资", "拒不支付劳动报酬"
OWED = re.compile(
    r"(?:拖欠|欠付|欠发|所欠|未支付|未付|未发放|拒不支付|逃避支付|不支付|欠薪)"
    rf"[^，,。；;]{{0,24}}?(?:工资|劳动报酬|工钱|劳务费|薪酬|报酬|欠薪)?(?:款|数额|金额)?{NAMED_FILLER}"
)
FILLER_ONLY = re.compile(rf"^{NAMED_FILLER}")
# not the sum itself: paid back or paid by others, a fine or a fee on it, the base of the share
TAX_NOT = re.compile(r"补缴|补交|补税|追缴|退缴|缴清|缴回|滞纳金|罚|应纳税额|应纳税总额|收入|营业额|销售额")
WAGES_NOT = re.compile(
    r"垫付|代付|代为支付|代其支付|先行支付|已支付|支付了|已发放|发放了|结清|已付|补发|赔偿|罚"
)


def evaded_tax(text: str) -> Decimal | None:
    """The tax evaded the text names (None where it names none)."""
    return _named(text, EVADED, TAX_NOT)


def wages_owed(text: str) -> Decimal | None:
    """The wages owed the text names (None where it names none)."""
    return _named(text, OWED, WAGES_NOT)


def _named(text: str, name: re.Pattern, unwanted: re.Pattern) -> Decimal | None:
    chosen: list[Mention] = []
    for mention in find_money(text or ""):
        clause = _clause_before(text, mention.span.start)
        if FILLER_ONLY.match(
            clause
        ):  # "逃避支付劳动者报酬，共计230299.7元": the name is in the clause before
            clause = _clause_before(text, mention.span.start - len(clause) - 1) + clause
        if name.search(clause) and not unwanted.search(clause):
            chosen.append(replace(mention, excluded=None))  # a wage figure is this charge's amount (工资)
    if not chosen:
        return None
    return _stated_total([m.value for m in chosen]) or total_amount(chosen, text)
