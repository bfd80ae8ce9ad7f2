"""The charge a short fact text names by its article's own conduct word (issue 16 class 8).

A prosecutor pastes one or two sentences ("趁乙不注意偷拿乙的现金3000元"). Read as n-grams against profiles built from
whole judgments and whole statutes, such a text shares too few words with any charge to pass MIN_SCORE or MIN_MATCHED
(charge_inference), and no charge was named although the sentence states the conduct the article describes (罪状):
a secret taking (刑法第264条, 偷/窃/扒), a taking by deceit (第266条, 骗), a taking by force (第263条, 抢 with violence or
threat), a beating that injures (第234条, 殴打…致…轻伤). `standards/charge_elements.yaml` `cues` lists such words, a
charge each with its article, in order: the charge whose article adds an element to a more general one comes first
(抢劫's force before 抢夺's snatching, 职务侵占's post before 盗窃's taking, 寻衅滋事's 随意殴打 before 故意伤害), and the
first whose words the fact states as the defendant's own act is the charge.

A word is not the defendant's act where the clause denies it (甲没有偷拿…, 并未…), doubts it (乙怀疑甲偷了…) or makes
the defendant its object (甲被乙骗走…: another person's act), nor where its sentence tells of persons tried apart and
names neither the defendant nor a joint act (乙、丙（已判）将丁砍伤后…). Read only where the n-gram reading names nothing: it
names no charge the profiles rank first, it only keeps a short text from naming none.
"""

from __future__ import annotations

import re
from functools import cache

from leniency.sentencing.extraction.charge_elements import charge_elements
from leniency.sentencing.extraction.conduct_actor import others_act
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS

# the clause before the word, up to its last comma or full stop
CLAUSE_START = re.compile(r"[，,。；;：:！!？?]")
# 甲没有偷拿, 并未骗取, 从未殴打 — the negation right before the word (one character may come between: 没有去偷);
# 趁乙未注意偷拿 is no negation of 偷拿: two characters stand between
NEGATED = re.compile(r"(?:没有|没|未曾|并未|不曾|从未|并非|不是|未)[\u4e00-\u9fff]?$")
# what another person claims or suspects of the defendant (乙怀疑甲偷了他的手机; 诬告甲…)
DOUBTED = re.compile(r"(?:怀疑|以为|误认为|误以为|诬告|诬陷|控告)")
# 甲被乙骗走 — the defendant suffers another's act (not 被告人, 被害人: the words a fact names its people with); the agent
# stands right before the word, so that 甲被民警查获时随身藏有… stays the defendant's own keeping
PASSIVE = re.compile(r"被(?![告害])[^被]{1,4}$")


# The mark a judgment puts after the name of a person tried apart: 乙（另案处理）, 丙（另案起诉）, 丁（已判）, 戊（已判刑，
# 现服刑）. Such a person is no defendant of this case: what that person does alone is no conduct of the defendant's, here
# (a sentence told of them, naming neither the defendant nor a joint act) and in charge_ngrams.defendants_conduct
# (a sentence whose subject is one of them). One definition for both readers.
TRIED_APART_MARK = (
    r"[（(](?:另案处理|另案起诉|另行处理|另案侦查|另案|已判决|已判刑|已被判刑|已判)[^）)]{0,12}[）)]"
)
TRIED_APART = re.compile(TRIED_APART_MARK)
# the name such a mark follows (田某（已判）, 丙（另案处理）), so that a later clause whose subject that person is (田某等人
# 砍伤…, 丙将丁砍伤…) is read as theirs too
NAMED_APART = re.compile(
    r"([\u4e00-\u9fff][\d０-９]*某+[甲乙丙丁戊\d]*|[甲乙丙丁戊己庚辛])" + TRIED_APART_MARK
)
SENTENCE_START = re.compile(r"[。；;]")
# a sentence that names the defendant or a joint act (伙同, 共同 …) tells the defendant's conduct, whoever else it names
# (charge_inference reads a sentence about someone tried apart with it too)
JOINT_OR_DEFENDANT = re.compile(
    DEFENDANT_WORDS + r"|伙同|共同|一起|一同|纠集|指使|雇佣|雇用|商议|合谋|预谋|分工|帮助|协助"
)
# a mishap: no intent (刑法第14条), so no conduct of an intentional crime (甲切菜时不慎划伤…); a crime of negligence
# (刑法第15条, `fault: negligence`) is told so
MISHAP = re.compile(r"不慎|不小心|失手|意外")


@cache
def cues() -> tuple[tuple[str, re.Pattern, bool], ...]:
    """(charge, its article's conduct words, whether it is a crime of negligence) in the order charge_elements.yaml
    `cues` lists them."""
    rules = charge_elements().get("cues", ())
    return tuple(
        (rule["charge"], re.compile(re.sub(r"\s+", "", rule["words"])), rule.get("fault") == "negligence")
        for rule in rules
    )


@cache
def count_cues() -> frozenset[str]:
    """(E91) The charges whose conduct words name a count's own crime even where the count also names an earlier count's
    (`own_count`: 二、为使滥伐林木一事不被追究，送给林业站站长现金 is 行贿): an act of a kind no other count's crime is
    told by, unlike 骗 or 偷, which a count repeating a fraud or a theft says again."""
    return frozenset(rule["charge"] for rule in charge_elements().get("cues", ()) if rule.get("own_count"))


def own_act(text: str, start: int, negligent: bool = False) -> bool:
    """Whether the conduct word at `start` is told as the defendant's act: not denied, doubted or suffered, nor
    told of persons tried apart."""
    clause = CLAUSE_START.split(text[max(0, start - 40) : start])[-1]
    if NEGATED.search(clause) or DOUBTED.search(clause) or PASSIVE.search(clause):
        return False
    if not negligent and MISHAP.search(clause):
        return False
    if others_act(text, start):
        return False  # (E75) 被害人乙某…寻衅, 丙某追上甲某将其打倒: a victim's or another's act
    sentence = SENTENCE_START.split(text[:start])[-1]
    if JOINT_OR_DEFENDANT.search(sentence):
        return True
    if TRIED_APART.search(sentence):
        return False
    apart = {match.group(1) for match in NAMED_APART.finditer(text)}
    return not any(clause.startswith(name) or f"{name}等" in clause for name in apart)


def cued_charges(text: str) -> list[str]:
    """The charges whose article's conduct word the text states as the defendant's own act, in `cues` order."""
    return [
        charge
        for charge, words, negligent in cues()
        if any(own_act(text, _act_start(match), negligent) for match in words.finditer(text))
    ]


def _act_start(match: re.Match) -> int:
    """Where the act begins in a cue's match: its `act` group where the words tell a motive first (泄愤…毁坏…)."""
    return match.start("act") if "act" in match.re.groupindex else match.start()
