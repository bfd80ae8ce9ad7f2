"""A sum told in a foreign currency beside its value in yuan (task E43).

The crime amount is in yuan: 最高人民法院、最高人民检察院《关于办理盗窃刑事案件适用法律若干问题的解释》（法释〔2013〕8号）
第四条第一款第（一）项 has stolen foreign currency converted into yuan at the central parity of the day (recalled,
unconfirmed), and judgments tell both figures ("美元5000元，按案发当日汇率折合人民币34500元", "港币2万元（约合人民币
1.8万元）"). Where the sentence gives the figure in yuan, the foreign figure is not a further amount. A foreign figure
no yuan figure converts stays (the court's only figure).
"""

from __future__ import annotations

import re

FOREIGN = r"美元|欧元|港币|港元|日元|英镑|韩元|澳元|澳门币|新台币|台币|泰铢|卢布|加元|新加坡元|瑞士法郎"
# the currency named just before the figure: "美元5000元", "现金欧元800元", "日元10万元", "折合美元约7000元"
FOREIGN_BEFORE = re.compile(rf"(?:{FOREIGN})(?:[的现金]{{0,3}}|约)$")
# a yuan figure converted into the foreign one ("人民币5万元，折合美元约7000元"): the foreign figure is told second
CONVERTED_INTO = re.compile(rf"(?:折合|约合|兑换成?|折算为?)(?:{FOREIGN})约?$")
# the yuan figure the sentence converts it to
CONVERTED = re.compile(r"折合|约合|合人民币|兑换成?人民币|价值人民币|价值为人民币|折算")


def converted_foreign(before: str, sentence_after: str) -> str | None:
    """The currency's name where the figure is told in it and the rest of its sentence converts it into yuan, or None.

    `before`: the clause before the figure; `sentence_after`: its sentence after the figure.
    """
    if into := CONVERTED_INTO.search(before):
        return into.group()
    currency = FOREIGN_BEFORE.search(before)
    if currency and CONVERTED.search(sentence_after):
        return currency.group()
    return None
