"""Negation and its scope, one reading for every circumstance (task E66).

A circumstance is weighed where it was done or found (2021量刑指导意见 三: 退赃、退赔, 积极赔偿, 取得谅解, 当庭自愿认罪 …),
so a negator that governs the circumstance's verb denies it, whatever stands between them: the object or the payee
("未能对被害人刘某某的各项经济损失予以赔偿", "没有向被害人赔礼道歉并赔偿损失"). The negator governs from where it stands to
the end of its clause, unless the clause closes its predicate first: a subordinate time ("尚未发现前", "未被抓获时"), a
new predicate's adverb ("已", "主动") or a turn ("但", "却", "而"). A negation in another clause, of another verb or of
another person ("虽未取得谅解，但已赔偿", "同案人李某未退赃，被告人已退缴") does not reach the circumstance. Words that only
look like a negator (不仅, 无业, 没收, 非法, 未成年) are none.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import bounds

CLAUSE_BREAK = "，,。；;\n：:"
# the one table: a finding refused (不构成自首, 不属于从犯) or an act not done (未退赃, 拒不赔偿, 无法退还, 不予谅解)
NEGATORS = (
    "不构成|不属于|不能认定|不应认定|不予认定|不认定|不系|不是|不具有|不存在|不符合|否认|难以|并非|非(?!法|常|国家)"
    "|尚未|均未|并未|从未|未曾|未能|没能|没有|没(?!收)|拒不|拒绝|不予|不愿|不肯|无法|无力|不能"
    "|未(?!成年|满|遂|果|经|婚|来)"
    "|无(?!业|论|故|固定|正当|证|照|牌|意|辜|关|异议|偿|罪|其他|前科|犯罪记录)"
    "|不(?!仅|但|久|断|少|足|法|良|等|同(?!意)|特定|当|慎|顾|料|明|止|光|时|一|幸|满|服|起诉|到|利|准|得不)"
)
NEGATOR = re.compile(NEGATORS)
# what ends the negated predicate before the circumstance: a turn, a joined new predicate ("没有异议并签字具结", "无异议
# 且签字具结"), a new predicate's adverb, a subordinate time or condition ("尚未发现前", "在未被羁押的情况下")
CLOSERS = re.compile(r"但|却|而|并|且|同时|即|便|就|才|已|主动|自动|自愿|的情况下|的情形下")
TIME_CLOSERS = re.compile(r"之?前|以前|之后|以后|后|时")
# Two reparations joined under one negator (没有A并B, 未能A且B) are both denied: 2021量刑指导意见 三(10)/(11) weigh
# 退赃退赔, 赔偿 and the 谅解 it earns as one course of amends, and a negator before a joined verb phrase governs the whole
# phrase. A negator whose own predicate is no amends (没有异议并签字具结, 未报警并逃离现场) governs its own verb alone.
JOINTS = frozenset({"并", "且", "同时"})
REPARATION = re.compile(r"赔偿|赔礼|道歉|退赃|退赔|退还|退缴|返还|归还|偿还|谅解|和解")
# how far past the circumstance's start its own verb may lie ("取得其谅解" matched from 取得)
REPARATION_TAIL = 6
# a negator followed by a preposition negates the whole verb phrase, its time included ("未能在案发后赔偿")
PREPOSITION = re.compile(r"在|于|向|对|给|与|就|按|依|从|将|把|为")
# how far a negator reaches towards the circumstance in its clause
REACH = 24
# a refusal just after the term ("自首的理由不成立", "辩护人提出…系从犯的意见不予采纳")
NEGATION_AFTER = re.compile(r"^[^，,。；;]{0,4}(?:不成立|不能成立|不予采纳|不予支持|不予认定|的?意见不予)")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return bounds(text, start, end, CLAUSE_BREAK)


def negated(text: str, start: int, end: int) -> bool:
    """text[start:end] negated in its clause: a negator governing it before, or a refusal just after it."""
    lo, hi = clause_bounds(text, start, end)
    if governed(text, max(lo, start - REACH), start):
        return True
    return bool(NEGATION_AFTER.search(text[end : min(hi + 12, end + 16)]))


def governed(text: str, lo: int, start: int) -> bool:
    """A negator in text[lo:start] whose scope reaches `start`: nothing closes its predicate in between."""
    for negator in NEGATOR.finditer(text, lo, start):
        if _reaches(text, negator.end(), start):
            return True
    return False


def _reaches(text: str, after: int, start: int) -> bool:
    between = text[after:start]
    # a preposition right after the negator is the negated phrase's own ("未能就赔偿事宜达成一致")
    opens_phrase = bool(PREPOSITION.match(between))
    for closer in CLOSERS.finditer(between, 1 if opens_phrase else 0):
        if not _joins_reparations(text, after, after + closer.start(), after + closer.end(), start):
            return False
    return opens_phrase or not TIME_CLOSERS.search(between)


def _joins_reparations(text: str, after: int, joint: int, joint_end: int, start: int) -> bool:
    """Whether the joint at text[joint:joint_end] (并, 且, 同时) joins two reparations under the one negator before it:
    "没有退还赃款并赔偿损失", "未能赔偿经济损失并取得其谅解" deny both; "没有异议并签字具结" does not deny the second."""
    if text[joint:joint_end] not in JOINTS:
        return False
    _, clause_end = clause_bounds(text, start, start)
    second = text[joint_end : min(start + REPARATION_TAIL, clause_end)]
    return bool(REPARATION.search(text, after, joint)) and bool(REPARATION.search(second))
