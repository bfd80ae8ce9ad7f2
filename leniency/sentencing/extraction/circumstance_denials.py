"""Whether the court denies a circumstance a text mentions: a negation in its clause ("不构成自首", "未取得谅解"), a
claim of the defence it rejects ("辩护人提出被告人系自首的辩护意见，经查，…，不予采纳"), or facts it concedes and a finding
it then refuses ("虽系主动投案，但…不能认定为自首")."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.circumstance_negation import clause_bounds, negated
from leniency.sentencing.extraction.numbers import SENTENCE_BREAKS, bounds

__all__ = ["SENTENCE_BREAKS", "claim_rejected", "clause_bounds", "finding_denied", "negated"]

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
