"""A plea (认罪认罚) withdrawn later in the text, and not made again after: no plea leniency.

刑事诉讼法第201条第1款 lets the court set the recommendation aside where the defendant denies the facts charged
(被告人否认指控的犯罪事实的); 最高法刑诉解释第358条 (recalled) has the court decide on the facts it finds once the
defendant goes back on the plea at trial; the 2019 指导意见 (items 51-53, recalled, unconfirmed) treats a plea
withdrawn (反悔) as no plea: the 具结书 lapses and the leniency goes with it. Told as 当庭反悔, 翻供, 撤回认罪认罚 or the
具结书, 对指控的事实提出异议, 否认犯罪, 不认罪, or the court's 不再适用认罪认罚. An objection to the recommendation alone
(对量刑建议有异议) is not a denial of the facts (CPL 201 ¶2 lets it be adjusted) and is not read here. A withdrawal
told of an accomplice (同案被告人甲某当庭翻供) is his, not the defendant's.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.accomplice_subject import of_accomplice
from leniency.sentencing.extraction.circumstance_denials import clause_bounds

WITHDRAWAL = re.compile(
    r"(?:当庭|又|(?:庭审|审理|开庭)(?:中|时|过程中)[^，,。；;]{0,6}?)(?:反悔|翻供)"
    r"|推翻(?:了)?(?:其)?(?:原|此前|先前|之前)(?:的)?(?:有罪)?供述|撤回(?:了)?(?:其)?(?:认罪认罚|具结书|认罪)"
    r"|对(?:起诉书|公诉机关)?(?:所)?指控的?(?:犯罪)?事实(?:和罪名|及罪名)?(?:提出|有)(?:了)?异议"
    r"|否认(?:犯罪|指控|其)|不再适用认罪认罚|(?<![是否并非])不认罪|拒不认罪"
)
# 辩护人 objecting for the defendant, a 反悔 denied ("没有反悔"), a past withdrawal undone ("曾翻供…后又认罪认罚")
NOT_THE_DEFENDANTS = re.compile(r"辩护人|诉讼代理人|被害人")
NEGATED = re.compile(r"(?:没有|未|无|不存在)[^，,。；;]{0,2}$")


def withdrawals(text: str) -> list[int]:
    """Where the defendant's withdrawals of a plea begin."""
    found = []
    for match in WITHDRAWAL.finditer(text):
        lo, _ = clause_bounds(text, match.start(), match.start())
        if NOT_THE_DEFENDANTS.search(text, lo, match.start()) or NEGATED.search(text, lo, match.start()):
            continue
        if of_accomplice(text, match.start()):
            continue
        found.append(match.start())
    return found


def withdrawn(text: str, plea_starts: list[int]) -> bool:
    """Whether the pleas told at `plea_starts` were all withdrawn: a withdrawal follows the last of them."""
    if not plea_starts:
        return False
    last = max(plea_starts)
    return any(at > last for at in withdrawals(text))
