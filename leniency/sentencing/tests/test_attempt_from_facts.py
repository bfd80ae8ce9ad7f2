"""Attempt (刑法第23条), discontinuance (第24条) and preparation (第22条) read from what the facts tell, not only from
the words 未遂 / 中止 / 预备.

Fact texts written for these tests, not taken from any data set.
"""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances

STAGES = {"attempt", "discontinuation", "preparation"}


def _stages(text: str) -> set[str]:
    findings, _ = find_circumstances(text)
    return {f.code for f in findings} & STAGES


@pytest.mark.parametrize(
    "text",
    [
        # stopped by others (被他人制止): the lead's text, no word 未遂 in it
        "经审理查明，2019年3月5日晚，被告人王某怀疑被害人李某与其妻有染，遂持菜刀到李某家中欲杀死李某，连砍李某数刀，"
        "后被他人制止。经鉴定，李某的损伤程度为轻伤一级。",
        # caught in the act (被当场抓获)
        "经审理查明，被告人吴某携带汽油欲将前妻郑某烧死，在泼洒汽油时被闻讯赶来的民警当场抓获。",
        # the victim fought free (挣脱、呼救)
        "经审理查明，被告人孙某为报复，企图将被害人周某掐死，周某奋力挣脱后呼救，邻居闻声赶来。",
        # saved by a rescue the defendant had no part in (经抢救脱离危险)
        "经审理查明，被告人赵某因感情纠纷意图杀死被害人钱某，持水果刀朝钱某胸腹部连捅三刀后逃离现场，钱某被路人送医，"
        "经抢救脱离生命危险。经鉴定，钱某损伤程度为重伤二级。",
        # the statute's and the courts' words
        "经审理查明，被告人孙某企图将被害人周某掐死，因周某奋力反抗，孙某未能得逞。",
        "经审理查明，被告人王某欲杀死李某，持刀砍向李某颈部，因意志以外的原因未致李某死亡。",
        "经审理查明，被告人许某在公交车上扒窃乘客何某的手机，未得手即被当场抓获。",
    ],
)
def test_a_result_prevented_from_outside_is_an_attempt(text):
    assert _stages(text) == {"attempt"}


@pytest.mark.parametrize(
    "text",
    [
        # the victim died: a completed killing, however it is told
        "经审理查明，被告人王某欲杀死李某，持菜刀连砍李某数刀，李某经抢救无效死亡。后王某被公安机关抓获。",
        "经审理查明，被告人王某持菜刀连砍被害人李某头部数刀，致李某当场死亡。作案后，王某主动到派出所投案。",
        # the victim could not get free and was killed
        "经审理查明，被告人王某欲掐死李某，李某未能挣脱，王某掐住李某颈部直至其窒息死亡。",
        # a threat is no intent to kill, and an injury stopped by others is a completed injury
        "经审理查明，被告人韩某因债务纠纷扬言要杀死被害人杨某，并持刀将杨某砍伤，后被他人制止。经鉴定，杨某损伤程度为轻伤二级。",
        "经审理查明，被告人韩某因琐事持木棍殴打被害人杨某，后被他人拉开。经鉴定，杨某损伤程度为轻伤一级。",
        # a theft is complete once the goods are taken, even if the thief is caught on the way out
        "经审理查明，被告人许某在超市内盗窃香烟两条，价值人民币460元，出门时被当场抓获。",
        # a ransom kidnapping is complete once the child is held
        "经审理查明，被告人张某将放学途中的被害人刘某（男，8岁）骗至其租住处控制，并打电话向刘某之父索要赎金30万元。"
        "次日，公安民警将张某抓获，解救出刘某。",
    ],
)
def test_a_result_reached_or_no_intent_to_kill_is_no_attempt(text):
    assert _stages(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "经审理查明，被告人冯某欲杀死其妻陈某，持绳索勒陈某颈部，见陈某苦苦哀求，遂主动停手。经鉴定，陈某损伤为轻微伤。",
        # 自动有效地防止犯罪结果发生: the defendant's own rescue saved the victim
        "经审理查明，被告人冯某意图杀害陈某，持刀捅刺陈某腹部一刀后，见陈某血流不止，自己将陈某送往医院救治，"
        "陈某经抢救脱离危险。",
        "经审理查明，被告人钱某入户盗窃时，见屋内有老人，遂自动放弃盗窃离开。",
    ],
)
def test_giving_up_of_ones_own_will_is_discontinuance_not_attempt(text):
    assert _stages(text) == {"discontinuation"}


def test_stopped_by_others_before_a_rescue_of_his_own_stays_an_attempt():
    """What stopped the crime first decides: held by neighbours, then calling 120 himself, is an attempt (art. 23);
    the call is conduct after the crime."""
    text = (
        "经审理查明，被告人冯某欲杀死陈某，持刀捅刺陈某腹部，被闻声赶来的邻居制止，冯某随后主动拨打120，"
        "陈某经抢救脱离危险。"
    )
    assert _stages(text) == {"attempt"}


def test_not_yet_begun_is_preparation_not_attempt():
    """刑法第22条: tools prepared, the killing not begun (尚未着手), caught: preparation, though 抓获 follows an intent."""
    text = (
        "经审理查明，被告人朱某为杀害其债主秦某，欲将秦某杀死，购买了尖刀、绳索，在秦某家附近蹲守，"
        "尚未着手即被公安机关抓获。"
    )
    assert _stages(text) == {"preparation"}


def test_a_rejected_claim_of_discontinuance_leaves_the_attempt():
    text = "经审理查明，被告人王某持刀杀害李某未遂。对于辩护人提出被告人系犯罪中止的意见不予采纳。"
    assert _stages(text) == {"attempt"}


@pytest.mark.parametrize(
    "text",
    [
        "经审理查明，被告人马某携带匕首、胶带在银行门口守候，准备抢劫取款人，还未着手实施抢劫时被巡逻民警抓获。",
        "经审理查明，被告人朱某预谋盗窃，携带撬棍窜至某小区，尚未着手即被保安发现并控制。",
    ],
)
def test_caught_before_beginning_is_preparation(text):
    assert _stages(text) == {"preparation"}


def test_a_duty_not_yet_begun_is_no_preparation():
    """尚未着手 said of a company's rectification in a safety case is no stage of a crime."""
    text = "经审理查明，该矿山企业被责令整改后尚未着手整改，被告人刘某仍组织工人冒险作业，造成一名工人死亡。"
    assert _stages(text) == set()


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        (
            "经审理查明，被告人冯某欲杀死其妻陈某，持刀追砍陈某，见陈某苦苦哀求，遂主动停手，陈某未受伤。",
            "no_harm",
        ),
        (
            "经审理查明，被告人冯某意图杀害陈某，持刀捅刺陈某腹部一刀后，自己将陈某送往医院救治，陈某经抢救脱离危险。"
            "经鉴定，陈某损伤程度为重伤二级。",
            "harm",
        ),
        # 轻微伤: whether it is harm in art. 24's sense is left to the court
        ("经审理查明，被告人冯某欲杀死陈某，持绳索勒陈某颈部，后主动停手。经鉴定，陈某损伤为轻微伤。", None),
    ],
)
def test_a_discontinuance_says_whether_it_caused_harm(text, harm):
    """刑法第24条第2款: 没有造成损害的，应当免除处罚；造成损害的，应当减轻处罚."""
    findings, _ = find_circumstances(text)
    assert [f.value for f in findings if f.code == "discontinuation"] == [harm]
