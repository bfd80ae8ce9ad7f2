"""A 共计/合计 figure and the parts it stands for: the parts listed just before it in its sentence, a bracketed total
covering only what it is attached to, an approximate total (余) whose parts give the precise sum, and whether some
figures add up to another."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.money_mention import Mention


def parts_replaced_by_totals(items: list[Mention], text: str) -> list[Mention]:
    """Items with each 共计/合计 figure standing in for the parts listed just before it in its sentence.

    "内有现金6元，合计价值206元": the 6 is part of the 206. A total in brackets ("现金3000元、电脑主机两台
    （共价值4640元）") covers only what it is attached to, unless the parts add up to it exactly.
    """
    blocks: list[Mention] = []
    for item in items:
        if item.total:
            n, parts, exact = 0, Decimal(0), 0
            while n < len(blocks) and not blocks[-1 - n].total and blocks[-1 - n].sentence == item.sentence:
                if parts + blocks[-1 - n].value > item.value * Decimal("1.01"):
                    break
                parts += blocks[-1 - n].value
                n += 1
                if abs(parts - item.value) <= item.value * Decimal("0.01"):
                    exact = n
            take = exact or (0 if bracketed(text, item) else n)
            if item.approximate and not exact:
                precise, total = _precise_parts(blocks, item)
                take, item = (precise, total) if precise else (take, item)
            if take:
                del blocks[len(blocks) - take :]
        blocks.append(item)
    return blocks


def _precise_parts(blocks: list[Mention], total: Mention) -> tuple[int, Mention]:
    """How many parts before an approximate total ("合计1.2万余元") it stands for, and the total as the parts' precise
    sum: "余" rounds the sum down, so the parts of its sentence may add up to more than the figure, up to a fifth
    (the tolerance total_amount gives an approximate grand total)."""
    n, parts = 0, Decimal(0)
    while n < len(blocks) and not blocks[-1 - n].total and blocks[-1 - n].sentence == total.sentence:
        parts += blocks[-1 - n].value
        n += 1
    if n >= 2 and total.value < parts <= total.value * Decimal("1.2"):
        return n, replace(total, value=parts)
    return 0, total


def bracketed(text: str, mention: Mention) -> bool:
    return text.rfind("（", 0, mention.span.start) > text.rfind("）", 0, mention.span.start)


def subset_sum(values: list[Decimal], target: Decimal) -> bool:
    """Whether some of `values` (at least two) add up to `target`, within 1%."""
    tolerance = target * Decimal("0.01")
    if len(values) > 16:
        return abs(sum(values) - target) <= tolerance
    reachable: dict[Decimal, int] = {Decimal(0): 0}
    for v in values:
        for r, n in list(reachable.items()):
            s = r + v
            if s <= target + tolerance and (s not in reachable or reachable[s] < n + 1):
                reachable[s] = n + 1
    return any(n >= 2 and abs(s - target) <= tolerance for s, n in reachable.items())
