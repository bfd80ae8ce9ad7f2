"""Vulnerable victims (2021量刑指导意见 三(17): 犯罪对象为未成年人、老年人、残疾人、孕妇等弱势人员), as the facts tell them:
the victim's age or a word for the person the act was done to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS, clause_bounds, negated
from leniency.sentencing.extraction.circumstance_rules import canonical, rules
from leniency.sentencing.extraction.numbers import bounds, span
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS, MASKED_NAME
from leniency.sentencing.facts import Circumstance, Finding, VictimKind, victim_kind_by_age

# 2021量刑指导意见 三(17): 犯罪对象为未成年人、老年人、残疾人、孕妇等弱势人员 — the victim's, as the facts tell it: an age in
# the victim's description ("被害人张某（女，8岁）", "年仅8岁的被害人") or a word for the person the act was done to
# ("扒窃七旬老人王某的手机", "被害人李某系智力残疾人"). Kinds: facts.VictimKind.
VICTIM_AGE = re.compile(
    r"(?:被害人|受害人)[^，,。；;（(]{0,6}[（(][^）)]{0,24}?(?<!\d)(?P<a>\d{1,3})周?岁"
    r"|(?<!\d)(?P<b>\d{1,3})周?岁的(?:被害人|受害人)"
)
# an age in the particulars of a person named by no victim word (将放学的学生郑某某（男，8岁）骗上车, 从村民张某某（女，68岁）
# 家的后窗翻入): the victim's where an act is done to that person (_victims_word), not a defendant's or an accomplice's
NAMED_AGE = re.compile(rf"{MASKED_NAME}[（(][^）)]{{0,24}}?(?<!\d)(?P<age>\d{{1,3}})周?岁")
VULNERABLE_WORDS: list[tuple[VictimKind, re.Pattern]] = [
    (VictimKind.UNDER_14, re.compile(
        r"(?:幼女|女童|男童|儿童|幼童|幼儿|婴儿|婴幼儿)"
        r"(?!园|节|车|医院|乐园|玩具|用品|奶粉|配方|服装|服饰|座椅|福利|食品|游乐|读物|教育|早教|保健|推车|纸尿裤)"
        r"|不满十四周岁|未满十四周岁"
    )),
    # not 未成年人犯罪 (offending by minors: "对未成年人犯罪应当…", the defendant's); the same told by the age it is under
    # (向未满十八周岁的王某出售冰毒: 刑法第347条第6款 向未成年人出售毒品的，从重处罚), a minor of no stated age
    (VictimKind.MINOR_UNSTATED, re.compile(r"未成年(?!人?犯罪|人?作案|被告人|犯)|[未不]满十八周岁")),
    # 老年人权益保障法第2条: 六十周岁以上 (年近六旬 is under sixty)
    (VictimKind.ELDERLY, re.compile(
        r"(?:年近[七八九]|(?<!年近)[六七八九])旬|古稀|耄耋|老年人|老人(?!机)|老太|老汉|老妇|老大爷|老奶奶"
    )),
    # not a body named for them (残疾人福利基金会, 残疾人联合会)
    (VictimKind.DISABLED, re.compile(r"残疾人(?!福利|联合会|基金|协会|康复|就业|补助|保障|事业)|(?:肢体|智力|精神|视力|听力|言语|多重)残疾|残疾证|聋哑|盲人|智障|智力(?:低下|障碍)")),
    (VictimKind.PREGNANT, re.compile(r"孕妇|怀孕|身怀六甲")),
]  # fmt: skip
VICTIM_MARK = re.compile(r"被害人|受害人|被害|失主")
DEFENDANT_MARK = re.compile(DEFENDANT_WORDS + r"|其系|本人")
# the act done to someone: what follows it in the clause is its object
ACT_ON = re.compile(
    r"盗|窃|偷|骗|抢|夺|殴|打|踢|砍|捅|刺|奸|猥亵|拐|绑|劫|敲诈|勒索|威胁|胁迫|侮辱|虐待|伤害|杀|趁|冒充|向|对|将|把|从|以|针对"
)
# a disability the crime caused ("致被害人肢体残疾") is its harm, weighed by the injury, not a victim's prior state
CAUSED = re.compile(r"致|造成|导致")


def vulnerable_victims(text: str, charges: Sequence[str]) -> list[Finding]:
    """The vulnerable victims (三(17)) the facts tell of whose vulnerability no charge of the case already has as an
    element, the first of each sentence (so that each count's own is found where several counts tell of one);
    value: the kind (under_14, minor, minor_unstated, elderly, disabled, pregnant)."""
    excluded = _excluded_kinds(charges)
    if "under_14" in excluded:  # a child of those articles is under 14: a 未成年 of no stated age may be one
        excluded.add("minor_unstated")
    told: list[tuple[int, int, str]] = []
    for match in VICTIM_AGE.finditer(text):
        kind = victim_kind_by_age(int(match.group("a") or match.group("b")))
        if kind is not None:
            told.append((match.start(), match.end(), kind.value))
    for match in NAMED_AGE.finditer(text):
        kind = victim_kind_by_age(int(match.group("age")))
        if kind is not None and _victims_word(text, match, kind.value):
            told.append((match.start(), match.end(), kind.value))
    for kind, pattern in VULNERABLE_WORDS:
        told.extend(
            (m.start(), m.end(), kind.value) for m in pattern.finditer(text) if _victims_word(text, m, kind)
        )
    found: dict[int, Finding] = {}
    for start, end, kind in sorted(told):
        if kind not in excluded and not (kind == "minor_unstated" and "minor" in excluded):
            sentence = bounds(text, start, end, SENTENCE_BREAKS)[0]
            found.setdefault(
                sentence, Finding(Circumstance.VULNERABLE_VICTIM.value, kind, span(text, start, end))
            )
    return list(found.values())


def _victims_word(text: str, match: re.Match, kind: str) -> bool:
    """A word for a person (老人, 孕妇, 残疾人) names the victim: the clause names the victim before it, or an act is
    done to it after the clause's last mention of the defendant ("被告人李某扒窃七旬老人王某"); not the defendant's
    own description ("被告人李某年过七旬", "被告人系聋哑人"), nor a disability the crime caused."""
    start = match.start()
    if negated(text, start, match.end()):
        return False
    lo, _ = clause_bounds(text, start, start)
    before = text[lo:start]
    if kind == "disabled" and CAUSED.search(before):
        return False
    marks = list(DEFENDANT_MARK.finditer(before))
    after_defendant = before[marks[-1].end() :] if marks else before
    return bool(VICTIM_MARK.search(after_defendant) or ACT_ON.search(after_defendant))


def _excluded_kinds(charges: Sequence[str]) -> set[str]:
    elements = rules()["vulnerable_victim"].get("not_when_element") or {}
    return {kind for c in charges for kind in elements.get(canonical(c), ())}
