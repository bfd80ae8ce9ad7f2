"""The part of a sum taken still unreturned when the case came to light (task E54, issue 16 class 4).

"向社会公众吸收资金共计520万元，截至案发尚有230万元未归还" / "尚未兑付的集资款58万元": the unreturned figure is part of the
sum taken in, told again as the harm left (a loss figure, as amounts.LOSS_BEFORE reads 造成…损失), not more money
taken. 非法吸收公众存款 is measured by the whole sum taken in (最高人民法院《关于审理非法集资刑事案件具体应用法律若干
问题的解释》(法释〔2022〕5号) 第六条: 以行为人所吸收的资金全额计算; 案发前后已归还的数额可以作为量刑情节酌情考虑;
recalled, unconfirmed). `amounts.total_amount` drops such a figure only where a larger sum taken is told beside it;
told alone it stays the amount.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.money_mention import Mention

NOT_RETURNED = r"(?:未|没有|无法|不能|未能|尚未|仍未)(?:归还|退还|兑付|偿还|返还|清偿|还清|退赔)"
# "尚有230万元未归还" / "仍有1100万元本金未退还" / "其中58万元至今无法兑付": a part (尚有, 仍有, 其中 …) named before the
# figure and its not being returned after it, in its clause. "向乙借款5万元未归还" names no part: a sum of its own.
PART_BEFORE = re.compile(
    r"(?:尚|仍|还)有[^，,。；;\d]{0,6}$|其中[^，,。；;\d]{0,6}$|(?:剩余|余下)[^，,。；;\d]{0,6}$"
)
UNRETURNED_AFTER = re.compile(rf"[^，,。；;\d]{{0,6}}?{NOT_RETURNED}")
# "尚未归还的集资款58万元" / "至今仍未兑付本金共计58万元": the part named before it, in its clause
UNRETURNED_BEFORE = re.compile(
    r"(?:尚未|仍未|至今未)(?:归还|退还|兑付|偿还|返还|清偿|还清|退赔)(?:的)?[^，,。；;\d]{0,10}$"
)


def unreturned(text: str, mention: Mention, clause_start: int) -> bool:
    """Whether the figure is told as the part of a sum still not returned (`clause_start`: where its clause begins)."""
    before = text[clause_start : mention.span.start]
    return bool(
        (PART_BEFORE.search(before) and UNRETURNED_AFTER.match(text, mention.span.end))
        or UNRETURNED_BEFORE.search(before)
    )
