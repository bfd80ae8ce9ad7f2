"""The number of counterfeit notes (币量): the other measure, beside the total face value (face_value.py), of 伪造货币,
出售、购买、运输假币 and 持有、使用假币 (刑法第170条, 第171条第1款, 第172条).

法释〔2000〕26号 (第一条, 第三条, 第五条) and its 2010 supplement measure these crimes by 总面额 or by 币量 (张数, 枚数),
whichever the case reaches (recalled, unconfirmed: 伪造货币 总面额二千元 or 币量二百张; the others 四千元 or 四百张, 五万元 or
五千张, 二十万元 or 二万张, one note standing for ten yuan at every threshold). A judgment that counts the notes and names no
denomination (购买假币200张, 面额不详) tells only the count. Counted: a number of notes (张, 枚) with the counterfeit notes
named before it in its clause, or right after it (200张假币); not a price per note (每张20元), not real notes paid out
(以面额100元的人民币30张购买假币). Lots are added, a total restating them is not (told_sums.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.amounts import sentence_spans
from leniency.sentencing.extraction.face_value import COUNT_RE, FORGED_RE, NOTES, NOTES_RE, PAID, face_value
from leniency.sentencing.extraction.numbers import clause_before, parse_number
from leniency.sentencing.extraction.told_sums import Told, summed_once, told_at

YUAN_PER_NOTE = 10  # 二千元 or 二百张, 四千元 or 四百张, 五万元 or 五千张, 二十万元 or 二万张
NOTES_AFTER = re.compile(rf"(?:的)?{NOTES}")


def note_count(text: str) -> int | None:
    """How many counterfeit notes the text counts (None where it counts none)."""
    text = text or ""
    told: list[Told] = []
    for start, end, repeated in sentence_spans(text):
        if repeated or not (NOTES_RE.search(text, start, end) or FORGED_RE.search(text, start, end)):
            continue
        for match in COUNT_RE.finditer(text, start, end):
            number = parse_number(match.group("num"))
            clause = clause_before(text, match.start(), start)
            if not number or PAID.search(clause):
                continue
            clause = _with_bracket_opening(text, start, match.start(), clause)
            if NOTES_RE.search(clause) or FORGED_RE.search(clause) or NOTES_AFTER.match(text, match.end()):
                told.append(told_at(text, start, match.start(), number))
    total = summed_once(told)
    return int(total) if total is not None else None


def equivalent_face_value(count: int) -> Decimal:
    """The face value a count of notes stands for at the interpretation's thresholds (ten yuan a note; see above)."""
    return Decimal(count) * YUAN_PER_NOTE


def face_value_or_notes(text: str) -> Decimal | None:
    """The measure of the counterfeit money crimes: the total face value, or the face value the count of notes stands
    for where that is more (总面额…或者币量…: either reaches the bracket), None where the text tells neither."""
    face = face_value(text)
    count = note_count(text)
    if count is None:
        return face
    return max(face or Decimal(0), equivalent_face_value(count))


def _with_bracket_opening(text: str, start: int, at: int, clause: str) -> str:
    """`clause` with the clause the bracket it stands in opens after, where it stands in one (假人民币共计3.2万元（面额100
    元，共320张）: the count tells of the notes named before the bracket)."""
    opened = max(text.rfind("（", start, at), text.rfind("(", start, at))
    closed = max(text.rfind("）", start, at), text.rfind(")", start, at))
    if opened < 0 or closed > opened:
        return clause
    return clause_before(text, opened, start) + clause
