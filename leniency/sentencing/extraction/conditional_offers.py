"""A forgiveness or a payment told only as a condition or a demand, not as given: "被害人家属提出须赔偿30万元方能出具谅解书",
"被害人表示如被告人赔偿其全部损失则可以谅解". 2021量刑指导意见 三(11) weighs a compensation made (积极赔偿) and a forgiveness
obtained (取得谅解); a forgiveness offered against a payment, and the payment asked for, are neither until the text tells
them done (a later "被告人赔偿了5万元，被害人出具谅解书" is read on its own)."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS
from leniency.sentencing.extraction.numbers import bounds

# a condition (如果, 只要, 如 but not 如实) or a demand (须, 必须) and the consequence it buys (方能, 才, 则, 就)
CONDITION = re.compile(
    r"(?:如果|假如|倘若|只要|若|如(?!实)|须|必须|需要?)[^。；;，,]{1,30}?(?:方能|方可|才能|才会|才肯|才同意|才愿意|则|就)"
)
# what the consequence names just after its word: "则可以谅解", "方能出具谅解书"
CONSEQUENCE_REACH = 6


def conditional(text: str, start: int) -> bool:
    """text[start:] is inside a condition or a demand of its sentence, or is the consequence it promises."""
    lo, hi = bounds(text, start, start, SENTENCE_BREAKS)
    return any(m.start() < start <= m.end() + CONSEQUENCE_REACH for m in CONDITION.finditer(text, lo, hi))
