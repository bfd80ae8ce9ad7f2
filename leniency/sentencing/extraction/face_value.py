"""The total face value of counterfeit money (假币的总面额): what 伪造货币, 出售、购买、运输假币 and 持有、使用假币 (刑法第170条,
第171条第1款, 第172条) are measured by under 法释〔2000〕26号 (第一条, 第三条, 第五条), read by
charge_amounts.measured_amount for the amount_brackets.yaml `measure: face_value`.

The face value is what the notes say they are worth, never the real money paid for them nor the goods or change got with
them: "以12万元人民币向李某购买62万元的假币" is 620,000 yuan. Read as judgments tell it: a sum just before the notes
(62万元的假币, 4000元假币), a sum named after them in their clause by face or total words only (使用假币共计4000元, 假币，
总面额4000元), or a denomination times a count (面额100元的假人民币50张, 假币50张，面额均为100元); a forger's notes are told as the currency they imitate (伪造
面额100元的人民币300张, 伪造人民币共计3万元). In a sentence that
states its sum, the notes' count times their denomination is that sum told again. Sentences are added, a total
restating what was told before is not (told_sums.py). Foreign counterfeit money (假美元) is not read: its face value is
not in yuan.
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.amounts import sentence_spans
from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.told_sums import Told, summed_once, told_at

NOTES = r"(?:假币|假人民币|假钞票?|伪币|伪造的(?:人民币|货币)|(?<=伪造)(?:人民币|货币))"
NOTES_RE = re.compile(NOTES)
# the forger's notes are told as the real currency they imitate: "伪造面额100元的人民币300张"
FORGED_RE = re.compile(r"(?:伪造|印制|制造|制作)[^。；;]*?(?:人民币|货币)")
MONEY_RE = re.compile(rf"(?P<num>{NUMBER})(?:元|圆)")
# a note's denomination: 面额100元, 面值为50元, 100元面额, 100元券, 100元版
DENOMINATION_BEFORE = re.compile(r"(?<!总)(?:面额|面值|票面)(?:均|都|分别)?(?:为|是)?$")
DENOMINATION_AFTER = re.compile(r"(?:的)?(?:面额|面值|券|版|票面)")
# a sum just before the notes: 62万元的假币, 4000元假币, 4000元的伪造的人民币
SUM_BEFORE_NOTES = re.compile(rf"(?:的)?(?:面额的)?{NOTES}")
# what may stand between the notes and their sum after them: 使用假币共计4000元, 假币总面额为4000元
SUM_AFTER_NOTES = re.compile(
    r"^(?:的)?(?:总面额|票面总额|面额总计|面额共计|面值总计|面值共计|总面值|总金额|面额|面值|金额|数额)?"
    r"(?:共计|合计|总计|累计|总共|一共|共|计|达|为|约|人民币|[：:\s])*$"
)
# the clause after the notes names the sum by its face: "持有假币，总面额4000元", "假币9张，面额共计人民币900元" (E100)
FACE_NAMED = re.compile(
    r"^(?:总面额|票面总额|面额总计|面额共计|面值总计|面值共计|总面值)(?:共计|合计|总计|为|达|约|人民币|[：:\s])*$"
)
COUNT_RE = re.compile(rf"(?<!每)(?P<num>{NUMBER})[张枚](?!的价格)")
PAID = re.compile(r"(?:每[张枚]|单价|价格|价款|价钱)(?:为|是|约|[：:])?$|以$")


def face_value(text: str) -> Decimal | None:
    """The total face value in yuan of the counterfeit money the text tells of (None where it tells none)."""
    text = text or ""
    told: list[Told] = []
    for start, end, repeated in sentence_spans(text):
        if repeated or not (NOTES_RE.search(text, start, end) or FORGED_RE.search(text, start, end)):
            continue
        told.extend(_sentence_face_values(text, start, end))
    return summed_once(told)


def _sentence_face_values(text: str, start: int, end: int) -> list[Told]:
    sums: list[Told] = []
    denominations: list[tuple[int, Decimal]] = []
    for match in MONEY_RE.finditer(text, start, end):
        value = parse_number(match.group("num"))
        if not value:
            continue
        clause = clause_before(text, match.start(), start)
        if PAID.search(clause):
            continue
        if DENOMINATION_BEFORE.search(clause) or DENOMINATION_AFTER.match(text, match.end()):
            denominations.append((match.start(), value))
        elif SUM_BEFORE_NOTES.match(text, match.end()) or _named_after_notes(text, match.start(), start):
            sums.append(told_at(text, start, match.start(), value))
    if sums:
        return sums  # the count times the denomination, where the sentence tells both, is its sum again
    return [told_at(text, start, at, d * n) for at, n, d in _counts(text, start, end, denominations)]


def _named_after_notes(text: str, at: int, floor: int) -> bool:
    """Whether the figure at `at` is the sum of the notes named before it in its clause (or the clause before)."""
    clause_start = at - len(clause_before(text, at, floor))
    clause = text[clause_start:at]
    notes = list(NOTES_RE.finditer(clause))
    if notes:
        return bool(SUM_AFTER_NOTES.match(clause[notes[-1].end() :]))
    if FACE_NAMED.match(clause) and clause_start > floor:
        return bool(NOTES_RE.search(clause_before(text, clause_start - 1, floor)))
    return False


def _counts(
    text: str, start: int, end: int, denominations: list[tuple[int, Decimal]]
) -> list[tuple[int, Decimal, Decimal]]:
    """(position, count, denomination) of each count of notes, with the denomination told nearest it (before it first)."""
    if not denominations:
        return []
    counts = []
    for match in COUNT_RE.finditer(text, start, end):
        number = parse_number(match.group("num"))
        if not number or PAID.search(clause_before(text, match.start(), start)):
            continue
        before = [d for d in denominations if d[0] < match.start()]
        at, denomination = before[-1] if before else min(denominations, key=lambda d: d[0] - match.start())
        counts.append((match.start(), number, denomination))
    listed = [n for _, n, _ in counts]
    # "…120张、…80张，共计200张": a count that is the others' sum restates them
    return [c for c in counts if not (len(listed) >= 3 and c[1] * 2 == sum(listed))]
