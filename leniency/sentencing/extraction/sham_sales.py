"""诈骗 by a sham sale: the price the victim was to pay for a worthless or fake thing is what the fraud obtained or meant
to obtain (task E90).

"将假玉石谎称为祖传和田玉，欲以人民币5万元的价格卖给被害人韦某…诈骗未得逞": the general rules set a price aside (a thief's
resale price is no value of what he took: amount_exclusions' 的价格, 卖给), and nothing is left. In a fraud that sells a
sham to its victim the price is the money taken, or, where the sale failed, the money the fraud aimed at (法释〔2011〕7号
第五条: 诈骗未遂，以数额巨大的财物为诈骗目标的…应当定罪处罚; recalled, unconfirmed). Read only where the general rules
find no amount, in a 诈骗 case, from a sentence that tells both the deception (谎称, 假, 冒充 …) and the sale to the
victim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.numbers import clause_after, clause_before

FRAUD = "诈骗"
PRICE_AFTER = re.compile(r"(?:的|左右的)?(?:价格|价钱|售价|高价)")
SOLD_TO_VICTIM = re.compile(r"(?:卖给|卖与|售给|出售给|转让给|销售给|成交)")
DECEPTION = re.compile(
    r"谎称|假冒|假的|虚假|伪造|冒充|虚构|冒称|仿制|赝品|假[玉金古字佛药币]|(?:以|作为)[^，,。；;]{0,6}为名"
)
SENTENCE_BREAKS = re.compile(r"[。；;！？!?\n]")


def sham_sale_price(
    total: Decimal | None,
    mentions: Sequence[Mention],
    text: str,
    charge: str | None,
    totalled: Callable[[list[Mention], str], Decimal | None],
) -> Decimal | None:
    """`total`, or where it is None in a 诈骗 case, the prices a sham sale to the victim named (`totalled` totals them as
    the general amount rules do)."""
    if total is not None or (charge or "").removesuffix("罪") != FRAUD or not text:
        return total
    prices = [replace(m, excluded=None) for m in mentions if not m.repeated and _sham_price(text, m)]
    return totalled(prices, text) if prices else None


def _sham_price(text: str, mention: Mention) -> bool:
    if not PRICE_AFTER.match(text, mention.span.end):
        return False
    before = clause_before(text, mention.span.start, breaks=SENTENCE_BREAKS)  # its sentence up to the price
    sale = clause_after(text, mention.span.end)
    return bool(SOLD_TO_VICTIM.search(sale + before) and DECEPTION.search(before))
