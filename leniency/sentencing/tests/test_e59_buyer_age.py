"""The age of the person a drug is sold to is not the seller's (E59's patch to extraction/circumstances.py): no
minor's mitigation (刑法第17条第4款) for selling to someone under eighteen, which 刑法第347条第6款 makes an
aggravation instead. Fact texts written here, with the seller's own minority just outside."""

from __future__ import annotations

from leniency.sentencing.extract import extract

SALE = "走私、贩卖、运输、制造毒品"


def _minor(text):
    return any(c.code == "minor" for c in extract(text, [SALE]).circumstances)


def test_the_buyers_age_is_not_the_sellers():
    assert not _minor("经审理查明，2021年4月，被告人蒋某在某网吧门口向未满十八周岁的王某出售冰毒0.2克。")
    assert not _minor("经审理查明，2021年4月，被告人蒋某将冰毒0.2克卖给未满十八周岁的王某。")


def test_the_sellers_own_age_still_counts():
    assert _minor("经审理查明，被告人蒋某作案时未满十八周岁，2021年4月，其在某网吧门口向王某出售冰毒0.2克。")
