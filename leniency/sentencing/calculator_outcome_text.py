"""The fact text's own statement of an outcome's condition (刑法第37条: 犯罪情节轻微), as a finding.

A phrase counts where it is stated, not where it is denied (不属于犯罪情节轻微: calculator_wording's negations)
and not where it is only someone's claim: a sentence that tells the defence's or the defendant's submission
(辩护人提出…, 被告人辩称…) is a claim, not a finding, unless the court accepts it there (予以采纳), and a sentence
that rejects it (不予采纳, 不能成立, 与查明的事实不符) states the opposite. Nor does it count where it is said of
someone else: an accomplice named before it in its clause (同案人李某犯罪情节轻微), or a sentence that tells of a
decision not to prosecute (不起诉: whoever it spares is not the person tried).
"""

from __future__ import annotations

import re

from leniency.sentencing.calculator_wording import DENIED, NEGATION_WINDOW, NEGATIONS
from leniency.sentencing.extraction.numbers import bounds

SENTENCE_BREAKS = "。；;\n"
CLAIMS = ("辩护人", "辩护意见", "辩称", "辩解", "辩护称")
REJECTIONS = ("不予采纳", "不予支持", "不能成立", "不予认可", "不予采信", "不符")
ACCEPTED = "予以采纳"
CLAUSE_BREAKS = "，,。；;：:\n"
OTHERS = ("同案人", "同案犯", "同伙", "另案", "其他被告人")
NOT_PROSECUTED = "不起诉"


def stated(text: str, pattern: str) -> str | None:
    """The first match of the regular expression `pattern` stated as a finding, quoted with a few characters
    before it; None where every match is negated, denied, only claimed or rejected."""
    for match in re.finditer(pattern, text):
        start = match.start()
        left, right = bounds(text, start, match.end(), SENTENCE_BREAKS)
        sentence = text[left:right]
        clause_start, _ = bounds(text, start, match.end(), CLAUSE_BREAKS)
        if (
            _negated(text, start)
            or _claimed_or_rejected(sentence)
            or any(w in text[clause_start:start] for w in OTHERS)
            or NOT_PROSECUTED in sentence
        ):
            continue
        return text[max(left, start - 12) : match.end()]
    return None


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - NEGATION_WINDOW) : start]
    return any(n in before for n in NEGATIONS) or bool(DENIED.search(text[max(0, start - 14) : start]))


def _claimed_or_rejected(sentence: str) -> bool:
    if any(w in sentence for w in REJECTIONS):
        return True
    return any(w in sentence for w in CLAIMS) and ACCEPTED not in sentence
