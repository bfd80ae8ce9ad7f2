"""The economic loss an act caused, in yuan: what a charge graded by the loss it causes, not by the money it moves, is
measured by, read by charge_amounts.measured_amount for the amount_brackets.yaml `measure: caused_loss`.

法释〔2001〕10号第七条 grades 生产、销售伪劣农药、兽药、化肥、种子 (刑法第147条) by the loss to production (二万元 较大损失, 十万元
重大损失, 五十万元 特别重大损失), never by the 销售金额 that only sizes its fine; 法释〔2011〕19号第四条 grades 破坏计算机信息系统
(刑法第286条) by, among others, the economic loss (一万元 后果严重, five times that 后果特别严重). Counted: a sum of yuan told as
a loss (造成经济损失共计人民币18万元, 造成11万元的经济损失). Not counted: a loss avoided or recovered (挽回损失), a sum
told as paid back for it (赔偿…经济损失). Lots are added; a total restating them is not (told_sums.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.amounts import MONEY_RE
from leniency.sentencing.extraction.numbers import clause_before, parse_number
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

# the loss named just before the sum (造成经济损失共计人民币18万元, 直接经济损失11万元) or just after it (造成11万元的经济损失)
LOSS_BEFORE = re.compile(r"损失[^，,。；;\d]{0,8}$")
LOSS_AFTER = re.compile(r"(?:的|之)?(?:直接|间接)?(?:经济)?损失")
COMMA = re.compile(r"[，,：:]")  # the clause of the sentence the sum is told in
# the loss undone or paid, not caused: 挽回损失, 赔偿了…经济损失人民币6万元
NOT_CAUSED = re.compile(r"挽回|追回|赔偿|赔付|弥补|退赔|补偿")


def caused_loss(text: str) -> Decimal | None:
    """The yuan of economic loss the text says the act caused (None where it tells no such loss)."""
    return summed_once(told_figures(text or "", MONEY_RE, _loss_yuan))


def _loss_yuan(text: str, money: re.Match, start: int, end: int) -> Decimal | None:
    before = text[start : money.start()]
    clause = clause_before(text, money.start(), start, breaks=COMMA)
    told_as_loss = LOSS_BEFORE.search(before) or LOSS_AFTER.match(text, money.end(), end)
    if not told_as_loss or NOT_CAUSED.search(clause):
        return None
    return parse_number(money.group("num"))
