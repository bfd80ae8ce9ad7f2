"""Whether the court denies a circumstance a text mentions: a negation in its clause ("不构成自首", "未取得谅解"), a
claim of the defence it rejects ("辩护人提出被告人系自首的辩护意见，经查，…，不予采纳"), or facts it concedes and a finding
it then refuses ("虽系主动投案，但…不能认定为自首")."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import bounds

CLAUSE_BREAK = "，,。；;\n：:"
SENTENCE_BREAKS = "。；;\n"
# A negation shortly before the term, in the same clause ("不构成自首", "未取得谅解", "无前科").
NEGATION_BEFORE = re.compile(
    r"(?:不构成|不属于|不能认定为?|不应认定为?|不予认定|不认定|不系|不是|没有|未能|未|无|非|否认|不具有|不存在|不符合|不予|拒绝|不能|不|难以)"
    r"[^，,。；;但并且后而]{0,6}$"
)
# the same negation with the person it is owed to between ("至今未对被害人钟某某进行赔偿", "没有向被害单位作出赔偿"),
# where the name runs past the six characters above
NEGATION_TOWARDS = re.compile(
    r"(?:未能|未|没有|拒不)(?:对|向|给)[^，,。；;但并且后而]{0,8}(?:进行|作出|予以|给予)$"
)
NEGATION_AFTER = re.compile(r"^[^，,。；;]{0,4}(?:不成立|不能成立|不予采纳|不予支持|不予认定|的?意见不予)")
# A circumstance the defence or the defendant claims (辩护人提出…的意见, 被告人辩称…, 关于…的意见) in a sentence that
# rejects the claim after it ("…，经查，…，对该辩护意见不予采纳") is the court's refusal, not its finding; a sentence
# that also accepts something keeps it (which part was accepted is not read). What the court itself found after its
# inquiry (经查…系主犯，该辩护意见不能成立) is its finding.
DEFENCE_CLAIM = re.compile(r"辩护人|辩护意见|辩称|辩解|提出|关于")
COURT_INQUIRY = re.compile(r"经查|经审查|经核查|经核实|经审理|查明|本院认为|经鉴定|经评定")
CLAIM_REJECTED = re.compile(
    r"不予采纳|不予支持|不予采信|不能成立|不成立|不予认定|不属实|与[^，,。；;]{0,12}不符"
)
CLAIM_ACCEPTED = re.compile(r"(?<!不)予以(?:采纳|支持|采信|认定)|(?:酌情|部分|可予|应予)采纳")
# the facts conceded (虽, 尽管) before the finding is refused
CONCEDED = re.compile(r"虽|尽管")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return bounds(text, start, end, CLAUSE_BREAK)


def negated(text: str, start: int, end: int) -> bool:
    """text[start:end] negated in its clause: a negation just before it, or a refusal just after it."""
    lo, hi = clause_bounds(text, start, end)
    before = text[max(lo, start - 12) : start]
    if NEGATION_BEFORE.search(before) or NEGATION_TOWARDS.search(before):
        return True
    # "自首的理由不成立", "辩护人提出…系从犯的意见不予采纳"
    return bool(NEGATION_AFTER.search(text[end : min(hi + 12, end + 16)]))


def claim_rejected(text: str, start: int, end: int) -> bool:
    """text[start:end] is what a claim of the defence asks ("辩护人提出被告人系自首的辩护意见"), before the court's own
    inquiry, in a sentence that rejects that claim after it and accepts nothing."""
    lo, hi = bounds(text, start, end, SENTENCE_BREAKS)
    claims = list(DEFENCE_CLAIM.finditer(text, lo, start))
    return (
        bool(claims)
        and not COURT_INQUIRY.search(text, claims[-1].end(), start)
        and bool(CLAIM_REJECTED.search(text, end, hi))
        and not CLAIM_ACCEPTED.search(text, lo, hi)
    )


def finding_denied(text: str, start: int, end: int, word: str) -> bool:
    """The facts at text[start:end] conceded ("虽系主动投案"), or claimed by the defence ("辩护人提出被告人有重大立功表现
    的意见"), and the finding `word` (自首, 重大立功) denied later in the sentence ("但…不能认定为自首", "经查，…不属于
    重大立功，但构成一般立功，予以部分采纳"), where the sentence does not also make that finding."""
    lo, hi = bounds(text, start, end, SENTENCE_BREAKS)
    if not (CONCEDED.search(text, lo, start) or _claimed(text, lo, start)):
        return False
    denied = [negated(text, m.start(), m.end()) for m in re.compile(word).finditer(text, end, hi)]
    return any(denied) and all(denied)


def _claimed(text: str, lo: int, start: int) -> bool:
    """A defence claim (辩护人提出…, 被告人辩称…) begins before `start` in its sentence, with no inquiry of the court
    between."""
    claims = list(DEFENCE_CLAIM.finditer(text, lo, start))
    return bool(claims) and not COURT_INQUIRY.search(text, claims[-1].end(), start)
