"""The rules task E45 added to the circumstance reader, each with a text where it binds and one just outside it.

Texts written for these tests, not taken from any data set.
"""

import pytest

from leniency.sentencing.extraction.accomplice_subject import accomplice_names
from leniency.sentencing.extraction.circumstances import find_circumstances, read_circumstances
from leniency.sentencing.extraction.plea_withdrawal import withdrawals


def codes(text: str) -> set[str]:
    return {f.code for f in find_circumstances(text)[0]}


def rule(case_id, text, code, found):
    return pytest.param(text, code, found, id=case_id)


RULES = [
    # 法发〔2010〕60号 一(一): the offender's own report, then a wait without resistance
    rule("own-call-then-waited", "被告人将人打伤后拨打110报警，在原地等候民警处理。", "surrender", True),
    rule("asked-another-to-call", "被告人叫其妻子报警，自己在店内等待警察到来。", "surrender", True),
    rule("victim-called-and-waited", "被害人拨打110报警，并在现场等候民警，被告人已驾车离开。", "surrender", False),
    rule("own-call-then-resisted", "被告人拨打110报警后在现场等候，民警到达后其持刀拒捕。", "surrender", False),
    rule("knowingly-waited-then-fled", "被告人明知他人已报警仍在现场等候，见民警到来后逃跑。", "surrender", False),
    # 法发〔2010〕60号 一(一): questioned because suspicious, told of his own accord
    rule("suspicious-told-of-own-accord", "被告人在路口因形迹可疑被巡逻民警盘问，其主动交代了抢夺他人手机的事实。",
         "surrender", True),
    rule("suspicious-loot-found-first", "被告人因形迹可疑被民警盘问，民警从其车内查获撬锁工具，其随即主动交代了盗窃事实。",
         "surrender", False),
    rule("suspicious-taken-in", "被告人因形迹可疑被民警带至派出所调查，主动交代了盗窃事实。", "surrender", False),
    # 刑法第67条第2款: held, then an own other crime not yet known
    rule("held-then-unknown-other-crime", "被告人因涉嫌诈骗被逮捕后，如实供述了侦查机关尚未掌握的其故意伤害他人的犯罪事实。",
         "surrender", True),
    rule("held-then-unknown-same-crime", "被告人因涉嫌盗窃被刑事拘留后，如实供述了公安机关尚未掌握的另外两起盗窃事实。",
         "surrender", False),
    rule("not-held-unknown-crime", "被告人到案后如实供述了公安机关尚未掌握的犯罪事实。", "surrender", False),
    rule("held-then-unknown-called-same-kind",
         "被告人在服刑期间如实供述了司法机关尚未掌握的同种罪行。", "surrender", False),
    # an accomplice named in the text is the subject of his own surrender
    rule("named-accomplice-surrendered", "被告人张某伙同其同伙赵某盗窃。赵某向公安机关投案自首，张某被抓获。",
         "surrender", False),
    rule("named-defendant-surrendered", "被告人张某伙同同伙赵某盗窃。张某向公安机关投案自首。", "surrender", True),
    # 当庭亦认罪
    rule("court-confession-also", "被告人当庭亦表示认罪。", "court_confession", True),
    rule("court-confession-also-denied", "被告人当庭亦不认罪。", "court_confession", False),
    # 法释〔1998〕8号第五条: a lead the police cracked a case by
    rule("lead-case-cracked", "被告人提供了他人抢劫的线索，公安机关根据该线索破获抢劫案一起。", "meritorious", True),
    rule("lead-case-not-cracked", "被告人提供了他人抢劫的线索，公安机关根据该线索未能破获案件。", "meritorious", False),
    # 法释〔1998〕8号第六条: the joint crime of an accomplice exposed is no 立功
    rule("exposed-joint-crime", "被告人揭发同伙钱某与其共同实施抢劫的事实，经查证属实。", "meritorious", False),
    rule("exposed-accomplices-own-crime", "被告人揭发同伙钱某单独贩卖毒品的事实，经查证属实。", "meritorious", True),
    # a claim of the defence narrowed by the court
    rule("major-claimed-ordinary-found",
         "辩护人提出被告人有重大立功表现的意见，经查，其揭发的犯罪不属于重大犯罪，不构成重大立功，但构成一般立功，予以部分采纳。",
         "major_meritorious", False),
    rule("major-claimed-and-found", "辩护人提出被告人有重大立功表现的意见，经查属实，本院予以采纳。",
         "major_meritorious", True),
    # an agreement to pay, never performed
    rule("agreement-never-paid", "双方签订赔偿协议，约定被告人赔偿被害人5万元，但被告人至今未支付。", "compensation", False),
    rule("agreement-performed", "双方签订赔偿协议，被告人已按协议赔偿被害人5万元。", "compensation", True),
    rule("part-paid-rest-unpaid", "被告人已赔偿被害人部分损失，但剩余款项至今未支付。", "compensation", True),
    # 刑法第17条之一: the age when the crime was done
    rule("seventy-five-at-trial-only", "被告人审判时已满七十五周岁。", "elderly", False),
    rule("seventy-five-at-crime", "被告人犯罪时已满七十五周岁。", "elderly", True),
    # 刑法第19条: 又聋又哑 as both disabilities
    rule("hearing-and-speech-disabled", "被告人系听力、言语多重残疾人。", "deaf_mute_blind", True),
    rule("speech-disabled-only", "被告人系言语残疾人。", "deaf_mute_blind", False),
    # 刑事诉讼法第201条: a plea withdrawn and not renewed
    rule("plea-withdrawn-denied-facts", "被告人在审查起诉阶段认罪认罚，庭审中又翻供，否认犯罪。", "plea", False),
    rule("plea-renewed-after-withdrawal", "被告人庭审中曾翻供，经释法说理后，自愿认罪认罚。", "plea", True),
    rule("plea-kept-objection-to-recommendation", "被告人认罪认罚，但当庭对量刑建议提出异议。", "plea", True),
    rule("plea-kept-counsel-disputes", "被告人自愿认罪认罚，辩护人对指控的犯罪事实提出异议。", "plea", True),
    # rules the second batch showed
    rule("plea-then-not-guilty-at-trial", "被告人签字具结后，开庭时表示不认罪。", "plea", False),
    rule("plea-kept-co-defendant-not-guilty", "被告人乙某认罪认罚。同案被告人甲某当庭不认罪。", "plea", True),
    rule("final-statement-guilty", "被告人在最后陈述时表示自愿认罪。", "court_confession", True),
    rule("final-statement-not-guilty", "被告人在最后陈述时表示其无罪。", "court_confession", False),
    rule("took-loot-back-to-owner", "被告人当晚将偷来的手机送还失主。", "restitution", True),
    rule("police-took-loot-back", "民警将追回的手机送还失主。", "restitution", False),
    rule("refunded-fraud-money", "被告人已退还诈骗款2万元。", "restitution", True),
    rule("police-refunded-fraud-money", "公安机关将追回的诈骗款退还被害人。", "restitution", False),
    rule("instigated-a-minor", "被告人唆使未成年人王某盗窃。", "minor", False),
    rule("minor-instigated-by-another", "被告人作案时未满十八周岁，系受他人教唆。", "minor", True),
    rule("stopped-before-it-began", "被告人因被害人当晚未回家而未能着手实施抢劫。", "preparation", True),
    rule("works-not-begun", "该公司因资金不足而未能着手施工。", "preparation", False),
    rule("recidivist-in-art-65s-words", "被告人在刑罚执行完毕以后五年以内再犯应当判处有期徒刑以上刑罚之罪。", "recidivist", True),
    rule("released-over-five-years", "被告人刑罚执行完毕已超过五年，又犯盗窃罪。", "recidivist", False),
    rule("merit-sought", "被告人的亲属提供他人犯罪线索，企图为其争取立功。", "meritorious", False),
    rule("merit-found", "被告人到案后检举他人犯罪，经查证属实，构成立功。", "meritorious", True),
    rule("reported-and-convicted", "被告人举报他人盗窃，该人已因此被判处有期徒刑一年。", "meritorious", True),
    rule("reported-not-pursued", "被告人举报他人盗窃，但被举报人未被追究刑事责任。", "meritorious", False),
    rule("prisoner-told-unknown-crime", "被告人在服刑期间主动交代了其入狱前的抢劫事实，该事实此前未被司法机关掌握。",
         "surrender", True),
    rule("prisoner-told-known-crime", "被告人在服刑期间主动交代了其入狱前的抢劫事实，该事实此前已被公安机关掌握。",
         "surrender", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code", "found"), RULES)
def test_rule_binds_and_the_text_just_outside_it_does_not(text, code, found):
    assert (code in codes(text)) is found


def test_accomplice_names_are_those_given_an_accomplice_and_never_a_defendant():
    assert accomplice_names("被告人张某伙同同案被告人刘某、同伙赵某（另案处理）盗窃。") == {"刘某", "赵某"}
    assert accomplice_names("同伙赵某供称，被告人赵某系其表弟。") == set()


def test_a_withdrawal_by_a_co_defendant_is_not_the_defendants():
    assert withdrawals("同案被告人甲某当庭翻供。") == []
    assert withdrawals("被告人乙某当庭翻供。") == [5]


def test_a_withdrawn_plea_leaves_a_note():
    _, _, notes = read_circumstances("被告人认罪认罚，但在庭审中撤回了具结书。")
    assert any("withdrawn" in note for note in notes)
