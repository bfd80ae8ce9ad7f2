"""The illegal business volume of a trademark crime (非法经营数额): what 刑法第213条 is measured by under 法释〔2004〕19号
第一条 (情节严重 from 5万 yuan, 情节特别严重 from 25万; 3万 and 15万 for two or more marks), read by
charge_amounts.measured_amount for the amount_brackets.yaml `measure: business_volume`.

第十二条 of that interpretation: 非法经营数额 is the value of the infringing goods made, stored, carried or sold, the sold
ones at their actual price, the others at their marked or average price. So the figures the judgment names 非法经营数额
(or, without one, the sales, 销售金额) and the value of the infringing goods seized or in stock and not sold (查获……共价值)
together are the measure, by the rules of a case's total (a stated total is not added to its parts). A figure the text
says was determined again (重新认定, 最终认定, 经审计认定) replaces those before it: "销售金额104700元……后经补充侦查重新
认定销售金额为100210元" is 100,210 yuan, not their sum. The illegal gain (违法所得), the interpretation's other measure,
is not this one, nor are fines or refunds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.amounts import NAMED_FILLER, Mention, find_money, total_amount
from leniency.sentencing.extraction.tax_amounts import naming_clause, stated_total

VOLUME = re.compile(rf"(?:非法经营(?:数额|额)|经营数额)[^，,。；;\d]{{0,4}}?{NAMED_FILLER}")
SALES = re.compile(
    rf"(?:销售金额|销售总金额|销售额|销售总额|销售收入|销售价款)[^，,。；;\d]{{0,4}}?{NAMED_FILLER}"
)
# infringing goods not sold, priced: "查获……豆浆机产品、半成品、包装箱等一批，共价值人民币" (第十二条: 未销售的侵权产品的价值)
UNSOLD = re.compile(r"查获|扣押|查扣|缴获|库存|未销售|尚未销售|未售出|存放")
VALUED = re.compile(rf"(?:价值|货值)(?:金额)?{NAMED_FILLER}")
REDETERMINED = re.compile(r"重新认定|最终认定|重新核定|经审计认定|更正为|变更为")
NOT_VOLUME = re.compile(r"违法所得|获利|利润|罚金|罚款|退赔|退缴|追缴|赔偿")


def business_volume(text: str) -> Decimal | None:
    """The illegal business volume the text states (None where it names neither it, the sales nor unsold goods' value)."""
    named: list[tuple[Mention, str]] = []
    unsold: list[tuple[Mention, str]] = []
    for mention in find_money(text or ""):
        clause = naming_clause(text, mention.span.start)
        if NOT_VOLUME.search(clause):
            continue
        sentence = text[text.rfind("。", 0, mention.span.start) + 1 : mention.span.start]
        if VOLUME.search(clause) or SALES.search(clause):
            named.append((replace(mention, excluded=None), clause))
        elif VALUED.search(clause) and UNSOLD.search(sentence):
            unsold.append((replace(mention, excluded=None), clause))
    volume = [(m, c) for m, c in named if VOLUME.search(c)]
    chosen = sorted((volume or named) + unsold, key=lambda told: told[0].span.start)
    again = [i for i, (_, clause) in enumerate(chosen) if REDETERMINED.search(clause)]
    if again:
        chosen = chosen[again[-1] :]
    if not chosen:
        return None
    return stated_total([m.value for m, _ in chosen]) or total_amount([m for m, _ in chosen], text)
