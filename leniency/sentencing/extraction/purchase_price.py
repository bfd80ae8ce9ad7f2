"""What the owner paid for a thing, or its market price, told beside its appraised value (task E43).

A theft is measured by the value of what was taken: 法释〔2013〕8号第四条 reads it from a valid price proof or, failing
that, from a price-assessment body's finding (价格认定 / 鉴定), not from what the owner once paid for it (recalled,
unconfirmed). "笔记本电脑一台（乙购买价为人民币6999元）。经价格认定，该电脑价值人民币4100元" is 4100 yuan. A purchase
price no valuation replaces stays the only figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.money_mention import Mention

# 收购价格: what a receiver of stolen goods paid for them. 掩饰、隐瞒犯罪所得 is measured by the value of the proceeds he
# took in (法释〔2015〕11号第一条、第三条: 犯罪所得及其产生的收益价值; recalled, unconfirmed), not by his price
PRICE_NAMED = re.compile(
    r"(?:(?:购买|购入|购置|买入|收购)(?:时的?)?(?:价|价格|价款|金额|花费)|发票(?:金额|价格|价)|原价|市场(?:售价|销售价|零售价)(?:格)?)"
    r"(?:共计|合计|总计)?(?:为|是)?(?:人民币)?$"
)
PAID_WITH = re.compile(r"(?:以|花费|花了)(?:人民币)?$")  # 以5000元收购, 花费人民币3000元予以收购
PURCHASE_AFTER = re.compile(r"^(?:的价格)?(?:予以)?(?:购买|购得|买来|购入|买入|购置|收购)")
APPRAISED_BEFORE = re.compile(r"鉴定|认定|估价|评估|价值")


def purchase_price(before: str, after: str) -> bool:
    """Whether the figure (with `before` its clause before it, `after` the text after it) is a price paid for the thing."""
    return bool(PRICE_NAMED.search(before) or (PAID_WITH.search(before) and PURCHASE_AFTER.search(after)))


def appraised(before: str) -> bool:
    """Whether the figure's clause tells it as a valuation."""
    return APPRAISED_BEFORE.search(before) is not None


def purchase_prices_dropped(
    items: Sequence[Mention], text: str, clause_starts: Sequence[int]
) -> tuple[list[Mention], list[int]]:
    """`items` without the prices paid for the things where another figure is an appraised value, with their
    `clause_starts` (where the clause of each begins)."""

    def clause(k: int) -> str:
        return text[clause_starts[k] : items[k].span.start]

    paid = {k for k, m in enumerate(items) if purchase_price(clause(k), text[m.span.end : m.span.end + 8])}
    if not paid or not any(appraised(clause(k)) for k in range(len(items)) if k not in paid):
        return list(items), list(clause_starts)
    kept = [k for k in range(len(items)) if k not in paid]
    return [items[k] for k in kept], [clause_starts[k] for k in kept]
