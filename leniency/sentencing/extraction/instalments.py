"""Payments told in the sentences after a sum, that add up to it (task E43).

"向乙索要人民币3万元。乙当日向甲转账1万元。次日，乙又向甲转账2万元" / "骗取丁人民币5万元。丁分两次转账，先转入2万元，
后又转入3万元": the later figures are how the sum already told was paid, not further sums. An extortion is measured by the
sum demanded (刑法第274条; task E38) and a fraud by the money obtained (刑法第266条), each once. Payments that do not add
up to an earlier sum (a second demand, paid on its own) stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from leniency.sentencing.extraction.money_mention import Mention

PAYMENT = re.compile(r"转账|转入|转给|支付|付给|给付|交付|汇款|汇入|汇给|交给|打入|存入")
SLACK = Decimal("0.01")
REACH = 3  # sentences after the sum within which its instalments are told


def instalments_dropped(items: Sequence[Mention], text: str, clause_starts: Sequence[int]) -> list[Mention]:
    """`items` without the runs of payments, told after a sum in the sentences that follow it, adding up to it.

    `clause_starts[i]`: where the clause of `items[i]` begins.
    """
    dropped: set[int] = set()
    for i, whole in enumerate(items):
        run: list[int] = []
        for j in range(i + 1, len(items)):
            part = items[j]
            if part.sentence == whole.sentence or j in dropped:
                continue
            if part.sentence > whole.sentence + REACH or part.value >= whole.value:
                break
            if not PAYMENT.search(text, clause_starts[j], part.span.start):
                break
            run.append(j)
            paid = sum((items[k].value for k in run), Decimal(0))
            if len(run) >= 2 and abs(paid - whole.value) <= whole.value * SLACK:
                dropped.update(run)
                break
            if paid > whole.value:
                break
    return [m for k, m in enumerate(items) if k not in dropped]
