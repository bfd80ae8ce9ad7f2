"""故意杀人 (刑法第232条), 绑架 (第239条) and 过失致人死亡 (第233条): crimes outside the sentencing guideline, whose files
hold the statute's brackets and say where the points inside them are engineering.

Fact texts written for these tests, not taken from any data set.
"""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.standards import load_standard

KILLED = "经审理查明，2019年3月5日晚，被告人王某因琐事与被害人李某发生争执，王某持菜刀连砍李某头部数刀，致李某当场死亡。"
SURRENDERED = "作案后，王某主动到派出所投案，如实供述了犯罪事实。"
STOPPED = (
    "经审理查明，2019年3月5日晚，被告人王某怀疑被害人李某与其妻有染，遂持菜刀到李某家中欲杀死李某，连砍李某数刀，"
    "后被他人制止。经鉴定，李某的损伤程度为轻伤一级。"
)
KIDNAPPED = (
    "经审理查明，被告人张某因赌博欠下债务，预谋绑架儿童勒索钱财。2018年5月2日，张某将放学途中的被害人刘某（男，8岁）"
    "骗至其租住处控制，并打电话向刘某之父索要赎金30万元。次日，公安民警将张某抓获，解救出刘某，刘某未受伤害。"
)
PUSHED = (
    "经审理查明，2020年6月1日，被告人赵某在自家院内与邻居孙某发生口角，赵某推搡孙某一下，孙某后退时摔倒，头部撞击台阶，"
    "经抢救无效死亡。案发后赵某赔偿被害人家属经济损失40万元，取得了被害人家属的谅解。"
)


def _calc(text, charge):
    return calculate(extract(text, charges=[charge]))


def _start(calc):
    return next(s for s in calc.steps if s.kind == "starting_point")


def test_a_completed_killing_starts_at_the_longest_fixed_term():
    """第232条 lists 死刑、无期徒刑 before 十年以上有期徒刑: with nothing to mitigate, 15 years (standing for 15 years,
    life or death), not the 135 months a quarter of 10-15 years gave."""
    calc = _calc(KILLED, "故意杀人")
    start = _start(calc)
    assert start.rule_id == "crime.intentional_homicide.basic" and start.months_after == 180
    assert start.confidence == "low"
    assert calc.months == 180 and not calc.life_imprisonment and not calc.death_penalty


def test_leniency_is_strict_for_a_killing_in_the_basic_bracket_not_for_a_lesser_one():
    """法发〔2010〕9号第7条: 自首 counts at 70% (method.yaml strict_leniency) of its 25% in the basic bracket; a killing the
    court finds 情节较轻 gets the whole 25%."""
    basic = _calc(KILLED + SURRENDERED, "故意杀人")
    surrender = next(s for s in basic.steps if s.rule_id == "circ.surrender")
    assert surrender.ratio == -0.175 and basic.months == 148
    lesser = _calc(KILLED + "本院认为，王某犯罪情节较轻。" + SURRENDERED, "故意杀人")
    assert _start(lesser).rule_id == "crime.intentional_homicide.lesser" and _start(lesser).months_after == 57
    assert next(s for s in lesser.steps if s.rule_id == "circ.surrender").ratio == -0.25


def test_a_rejected_defence_claim_of_qingjie_jiaoqing_is_no_finding():
    rejected = _calc(
        KILLED + "辩护人提出王某犯罪情节较轻的辩护意见，与查明的事实不符，不予采纳。", "故意杀人"
    )
    assert _start(rejected).rule_id == "crime.intentional_homicide.basic"


def test_a_killing_stopped_by_others_is_weighed_as_an_attempt_against_the_completed_crime():
    """The lead's text (no word 未遂): the completed crime's start, then art. 23 (2021量刑指导意见 三(4): 比照既遂犯)."""
    stopped, killed = _calc(STOPPED, "故意杀人"), _calc(KILLED, "故意杀人")
    attempt = next(s for s in stopped.steps if s.rule_id == "circ.attempt")
    assert attempt.months_before == 180 and stopped.months < killed.months
    assert not any(s.rule_id == "circ.attempt" for s in killed.steps)


def test_a_ransom_kidnapping_of_a_child_freed_unhurt_stays_in_ten_years_or_more():
    """第239条第1款: 十年以上有期徒刑或者无期徒刑; no finding of 情节较轻, nobody hurt: the basic tier, no life."""
    calc = _calc(KIDNAPPED, "绑架")
    assert _start(calc).rule_id == "crime.kidnapping.basic"
    assert 120 <= calc.months < 180 and not calc.life_imprisonment
    lesser = _calc(KIDNAPPED + "本院认为，张某绑架他人情节较轻。", "绑架")
    assert _start(lesser).rule_id == "crime.kidnapping.lesser" and 60 <= lesser.months <= 120


def test_hurting_the_kidnapped_person_seriously_is_life():
    """第239条第2款: 故意伤害被绑架人，致人重伤 → life or death; life, the lighter, from these facts."""
    text = (
        "经审理查明，被告人张某以勒索财物为目的绑架被害人刘某，向刘某家属索要赎金未果后，持刀捅刺刘某，"
        "致刘某重伤二级。"
    )
    calc = _calc(text, "绑架")
    assert calc.life_imprisonment and not calc.death_penalty
    light = _calc(text.replace("重伤二级", "轻伤二级"), "绑架")
    assert not light.life_imprisonment and light.months < 180


def test_negligent_death_without_a_finding_of_qingjie_jiaoqing_stays_at_three_years_or_more():
    """第233条: 3-7 years; compensation and forgiveness are 从轻 only (三(11)), so the term stops at the floor."""
    calc = _calc(PUSHED, "过失致人死亡")
    assert _start(calc).rule_id == "crime.negligent_homicide.basic" and _start(calc).months_after == 48
    assert calc.months == 36


def test_negligent_death_found_qingjie_jiaoqing_is_three_years_or_less():
    """第233条: 情节较轻的，处三年以下有期徒刑 — the death in the text no longer moves it to 3-7 years."""
    calc = _calc(PUSHED + "本院认为，赵某犯罪情节较轻。", "过失致人死亡")
    assert _start(calc).rule_id == "crime.negligent_homicide.lesser"
    assert 6 <= calc.months <= 36 and calc.penalty == "imprisonment"


def test_the_statute_only_files_say_they_have_no_guideline_and_low_confidence():
    standard = load_standard()
    for charge in ("故意杀人", "绑架", "过失致人死亡"):
        crime = standard.crime(charge)
        assert crime.guideline["document"] == "cl" and crime.confidence == "low"
        assert all(tier.confidence == "low" for tier in crime.tiers)


def test_a_statute_only_file_does_not_claim_a_guideline():
    """has_guideline feeds the model and the charge catalogue's 有量刑指导意见: a file of the statute's brackets is none."""
    assert not _calc(KILLED, "故意杀人").charges[0].has_guideline
    theft = _calc("经审理查明，被告人王某在超市内盗窃香烟两条，价值人民币3000元。", "盗窃")
    assert theft.charges[0].has_guideline
