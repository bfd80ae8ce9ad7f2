"""The circumstance rules task E57 added, each with a text where it binds and one just outside it. Texts written for
this test, none taken from any data set."""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances

IGNORED = {"fled", "fled_death", "disaster"}


def codes(text: str, charges=()) -> frozenset[str]:
    findings, _ = find_circumstances(text, charges=charges)
    return frozenset(f.code for f in findings if f.code not in IGNORED)


def pair(rule, text, *expected, charges=()):
    return pytest.param(text, frozenset(expected), charges, id=rule)


RULES = [
    # 法释〔1998〕8号第一条: a brigade of the police and the people's court are authorities one surrenders to
    pair("traffic-brigade-surrender", "被告人驾车撞人后驶离现场，次日到县公安局交警大队投案。", "surrender"),
    pair("traffic-brigade-arrest-outside", "被告人驾车撞人后驶离现场，次日被县公安局交警大队民警抓获。"),
    pair(
        "criminal-police-explained", "被告人在家属陪同下到县公安局刑警大队说明情况，并如实供述。", "surrender"
    ),
    pair(
        "criminal-police-taken-outside",
        "被告人被民警带至县公安局刑警大队说明情况，并如实供述。",
        "confession",
    ),
    pair("to-court-surrender", "被告人自行到区人民法院投案，如实供述了罪行。", "surrender"),
    pair("to-court-summoned-outside", "被告人经区人民法院传唤到庭，如实供述了罪行。", "confession"),
    # 法发〔2010〕60号 一(一): a call to 110 is a report; the wait must follow without flight
    pair("dialled-110-waited", "被告人打伤邻居后，自己拨打110电话说明情况，并在家中等候民警。", "surrender"),
    pair("victim-dialled-110-outside", "被害人拨打110电话报警，被告人在家中等候民警。"),
    pair("dialled-110-then-fled-outside", "被告人拨打110电话后在家中等候，民警到达前又逃离现场。"),
    # 刑法第67条第3款 in other words
    pair("owned-up-to-own-crimes", "被告人到案后交代了自己的全部罪行。", "confession"),
    pair("refused-to-own-up-outside", "被告人到案后拒不交代自己的罪行。"),
    # 三(8): the facts charged admitted at trial
    pair(
        "admitted-charged-facts-at-trial",
        "被告人在开庭审理时承认了起诉书指控的犯罪事实。",
        "court_confession",
    ),
    pair("admitted-part-at-trial-outside", "被告人在庭审中仅承认了指控的部分事实。"),
    pair("denied-at-trial-outside", "被告人在开庭审理时否认起诉书指控的犯罪事实。"),
    # 三(11): 宽宥 is forgiveness
    pair("pardoned-kuanyou", "被害人家属对被告人予以宽宥。", "forgiveness"),
    pair("not-pardoned-outside", "被害人家属不予宽宥，要求严惩。"),
    # a forgiveness or a payment told only as a condition or a demand (conditional_offers)
    pair(
        "condition-then-fulfilled",
        "被害人表示如被告人赔偿损失则予以谅解，后被告人赔偿了5万元，被害人出具了谅解书。",
        "compensation",
        "forgiveness",
    ),
    pair(
        "truthful-not-a-condition",
        "被告人如实供述并赔偿被害人损失2万元，被害人遂表示谅解。",
        "confession",
        "compensation",
        "forgiveness",
    ),
    pair("forgiveness-demanded-price", "被害人提出必须赔偿10万元才同意谅解，被告人无力赔偿。"),
    # 三(10): 交还 by the defendant, not by the police
    pair("handed-back-by-defendant", "被告人次日将所骗手机交还被害人。", "restitution"),
    pair("handed-back-by-police-outside", "公安机关将追回的手机交还被害人。"),
    # 刑法第27条 told of the role
    pair("role-relatively-secondary", "被告人在共同犯罪中地位、作用相对次要。", "accessory"),
    pair("role-not-secondary-outside", "被告人在共同犯罪中作用并非次要。"),
    pair("roles-equal-outside", "二被告人在共同犯罪中地位、作用相当。"),
    # 法释〔1998〕8号第五条: verified, the thing verified named between
    pair("lead-checked-true", "被告人检举他人盗窃，经查证该线索属实。", "meritorious"),
    pair("lead-checked-untrue-outside", "被告人检举他人盗窃，经查证该线索不属实。"),
    # 协助抓捕 of the defendant's partner or supplier, not a crowd's help
    pair("helped-catch-supplier", "被告人协助将其毒品上家王某抓获。", "meritorious"),
    pair("crowd-helped-catch-suspect-outside", "群众协助将犯罪嫌疑人王某抓获。"),
    # 刑法第23条: nothing could be taken; a bare 未拿走 may be the defendant's choice
    pair("could-not-take-anything", "被告人入户翻找财物时被主人发现，未能拿走任何财物。", "attempt"),
    pair("took-nothing-by-choice-outside", "被告人入户翻找后未拿走任何财物便离开。"),
    pair("fraud-money-not-sent", "被害人识破骗局，钱款没有被骗走。", "attempt"),
    pair("robbery-nothing-got", "被告人持刀抢劫，被害人挣脱逃跑，被告人未劫得财物。", "attempt"),
    pair(
        "robbery-injury-nothing-got-outside",
        "被告人持刀抢劫，将被害人刺伤后未劫得财物。经鉴定，被害人的损伤程度为轻伤二级。",
    ),
    # 伙同 names an accomplice, whose surrender is his
    pair(
        "huotong-accomplice-surrendered-outside",
        "被告人甲某伙同乙某盗窃。乙某主动到公安机关投案，甲某被抓获。",
    ),
    pair(
        "huotong-defendant-surrendered",
        "被告人甲某伙同乙某盗窃。甲某主动到公安机关投案，如实供述。",
        "surrender",
    ),
    # 刑事诉讼法第174条: the 具结书 signed at the procuratorate is a plea at review
    pair("plea-at-procuratorate", "被告人在检察机关签署了认罪认罚具结书。", "plea"),
    # 刑法第276条之一第3款: wages paid, in a case of 拒不支付劳动报酬 only
    pair(
        "wages-paid",
        "被告人在审查起诉期间已支付全部拖欠的劳动报酬。",
        "compensation",
        charges=("拒不支付劳动报酬",),
    ),
    pair(
        "wages-paid-other-charge-outside", "被告人在审查起诉期间已支付全部拖欠的劳动报酬。", charges=("诈骗",)
    ),
    pair(
        "wages-evaded-outside",
        "被告人以逃匿方法逃避支付工人劳动报酬，经责令支付仍不支付。",
        charges=("拒不支付劳动报酬",),
    ),
    pair("wages-still-unpaid-outside", "被告人至今未支付工人工资。", charges=("拒不支付劳动报酬",)),
    pair(
        "wages-ordered-by-a-date-outside",
        "劳动保障监察部门责令被告人于2020年5月1日前足额支付工人工资。",
        charges=("拒不支付劳动报酬",),
    ),
    pair(
        "wages-part-paid-during-the-work-outside",
        "工程施工期间，被告人向工人支付部分工资，余款至今未付。",
        charges=("拒不支付劳动报酬",),
    ),
    pair(
        "wages-paid-by-family-after-the-case",
        "案发后，被告人的妻子代其支付工人工资共计3万元。",
        "compensation",
        charges=("拒不支付劳动报酬",),
    ),
]


@pytest.mark.parametrize(("text", "expected", "charges"), RULES)
def test_rule_binds_and_text_just_outside_does_not(text, expected, charges):
    assert codes(text, charges) == expected


def test_plea_at_procuratorate_is_at_review():
    findings, _ = find_circumstances("被告人在检察机关签署了认罪认罚具结书。")
    assert [f.value for f in findings if f.code == "plea"] == ["prosecution_review"]


def test_plea_before_police_stays_at_investigation():
    findings, _ = find_circumstances("被告人在公安机关侦查期间即表示认罪认罚。")
    assert [f.value for f in findings if f.code == "plea"] == ["investigation"]
