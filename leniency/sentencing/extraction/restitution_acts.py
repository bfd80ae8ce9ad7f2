"""A restitution (退赃、退赔, 2021量刑指导意见 三(10)) read by its verb and who receives, not by the object's noun.

The defendant, or the family for him, gives back (退还, 归还, 返还, 偿还, 交还, 送还, 还给, 退回, 退赔, 退缴) any money or thing to
the victim, the injured unit, the bank or the authorities after the crime: "向被害人返还手机一部", "到案后归还了被害公司的
货款", "立案后已偿还银行透支款及利息" (法释〔2018〕19号第十条 for the card's overdraft). Whose act it is and whether it was
a police recovery is payments_made's reading; this module tells the act, its time and its receiver. A payment made
while the crime went on (a fraud's interest paid to win trust) is the scheme, not a return: the sentence must place
the return after the crime, or before its discovery, which is noted (法释〔1998〕9号第二条 weighs 挪用公款 returned
before discovery in mitigation: recalled, unconfirmed).
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS, clause_bounds
from leniency.sentencing.extraction.numbers import NUMBER, bounds

RETURN_VERB = r"(?:退还|归还|返还|偿还|交还|送还|还给|退回|退赔|退缴)"
RECEIVER = (
    r"(?:被害|受害|失主|车主|物主|原主|权利人|发卡(?:银行|行)|银行|所在单位|原单位|单位|公司|本院|人民法院|法院"
    r"|公安机关|侦查机关|检察(?:院|机关))"
)
RETURNED_TO = re.compile(
    rf"(?:向|给)[^，,。；;]{{0,10}}?{RECEIVER}[^，,。；;]{{0,10}}?{RETURN_VERB}"
    rf"|{RETURN_VERB}(?:给)?(?:了)?{RECEIVER}"
)
# the victim told by name, with the sum given back after the name ("后被告人金某退还夏某某人民币3000元") or before the verb
# ("将其中2000元退还给谢某某"): read only where the text calls that person 被害人 (named_victim), a part of the proceeds
# returned being 退赃 all the same (三(10), E100)
RETURNED_TO_NAMED = re.compile(
    rf"{RETURN_VERB}(?:给)?(?:了)?(?P<name>[\u4e00-\u9fa5]{{1,2}}?某{{1,2}})"
    rf"(?=(?:人民币|现金)?(?:共计|共)?{NUMBER}(?:万)?元|[。；;，,]|$)"
)
# goods pawned or sold and bought back to be given back (赎回并退还被害人, 赎回后交公安机关发还): the defendant's own 退赃
# (三(10)), whoever hands them over at the end; read with payments_made.returned_by_defendant (E90)
REDEEMED_AND_RETURNED = re.compile(
    rf"赎回(?:了)?[^。；;]{{0,20}}?(?:{RETURN_VERB}|发还|交给|交予|交由|交至|上交|交到)"
)
# the proceedings or the time after the crime ("案发后", "到案后", "在本院审理期间"); shared with wages_paid
AFTER_THE_CRIME = re.compile(
    r"案发后|事发后|到案后|归案后|投案后|被抓获后|被查获后|被抓后|立案后|侦查(?:期间|阶段)|审查起诉|审理(?:期间|阶段|中)"
    r"|审判(?:期间|阶段)|诉讼期间|提起公诉前|起诉前|宣判前|判决前|开庭前|庭审前|在本院"
)
BEFORE_DISCOVERY = re.compile(
    r"(?:案发|被发现|发现|发觉|察觉|追查|查处|立案)(?:之|以)?前|未被(?:发现|发觉|察觉|追查)"
)
# a return placed only by what followed the act (不久即向被害人退还, 事后将手机归还失主): after the crime, as 三(10) reads
# 退赃 (E70), and a clause opening with 后 before its actor (，后被告人金某退还…, E100); a scheme's payouts stay out by
# SCHEME, checked first
LATER_ON = re.compile(r"不久|随后|事后|(?:^|(?<=[，,；;。\n]))后(?=被告人|[\u4e00-\u9fa5]{1,2}?某)")
# a payment made to keep the scheme going ("为取得信任按月向被害人归还利息")
SCHEME = re.compile(r"为(?:了)?(?:骗取|取得|获取|博取|骗得)[^，,。；;]{0,4}信任|按月|按期|每月")


def returned_after_crime(text: str, start: int) -> bool:
    """A return to a receiver at `start` placed after the crime, or before its discovery, and not a scheme's payout."""
    lo, _ = bounds(text, start, start, SENTENCE_BREAKS)
    clause_lo, _ = clause_bounds(text, start, start)
    if SCHEME.search(text, clause_lo, start):
        return False
    return bool(
        AFTER_THE_CRIME.search(text, lo, start)
        or BEFORE_DISCOVERY.search(text, lo, start)
        or LATER_ON.search(text, lo, start)
    )


def before_discovery(text: str, start: int) -> bool:
    """The return at `start` is told as made before the crime was discovered ("在单位尚未发现前已将…归还")."""
    lo, _ = bounds(text, start, start, SENTENCE_BREAKS)
    return bool(BEFORE_DISCOVERY.search(text, lo, start))


def named_victim(text: str, match: re.Match) -> bool:
    """Whether the person a return names (RETURNED_TO_NAMED) is one the text calls 被害人."""
    return re.search(rf"被害人{re.escape(match.group('name'))}(?!某)", text) is not None
