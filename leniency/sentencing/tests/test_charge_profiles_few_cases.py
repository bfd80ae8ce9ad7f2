"""Case profiles learned on one to three cases (issue 16 class 8): their places, names and objects must not outrank
the conduct a fact tells. A profile weighs by the cases it rests on (charge_inference.PRIOR_CASES); the statute and
the words judgments tell its conduct in carry a charge seen in few cases. Fact texts written here."""

import math

from leniency.sentencing.extraction.charge_inference import (
    STATUTE_WEIGHT,
    ChargeModel,
    build_profiles,
    default_model,
    states_requirements,
)
from leniency.sentencing.extraction.charges import charge_candidates, infer_charges

THEFTS = [
    "经审理查明，2018年3月5日，被告人甲在某小区楼道内窃取被害人乙停放的电动车一辆，价值人民币1800元。",
    "经审理查明，2018年5月12日凌晨，被告人甲撬开某商店卷帘门，窃取店内香烟二十条，价值人民币4000元。",
    "经审理查明，被告人甲趁被害人乙熟睡之机，窃取其放在床头的手机一部，价值人民币2500元。",
    "经审理查明，2019年1月，被告人甲在某工地先后三次窃取钢筋共计价值人民币5200元，后销赃得款1500元。",
]
INJURIES = [
    "经审理查明，2018年2月，被告人己在兴宁市万家乐购物广场门口因琐事与被害人庚发生争执，持木棍将庚打伤，经鉴定为轻伤二级。",
    "经审理查明，被告人辛因邻里纠纷持菜刀砍伤被害人壬手臂，经鉴定为轻伤一级。",
    "经审理查明，被告人辛酒后在某饭店与被害人壬发生口角，用拳头将壬打成轻伤二级。",
]
# the one casino case, in a shopping centre another case names too
CASINO = (
    "经审理查明，2017年9月至11月，被告人甲在兴宁市万家乐购物广场二楼租用房屋，设置赌博机6台，供他人赌博，"
    "从中非法获利人民币2万元。"
)


def _model() -> ChargeModel:
    cases = [(t, ["盗窃"]) for t in THEFTS] + [(t, ["故意伤害"]) for t in INJURIES] + [(CASINO, ["开设赌场"])]
    return ChargeModel(build_profiles(cases))


def test_the_places_of_a_charges_one_case_do_not_outrank_a_theft_told_there():
    theft = "经审理查明，被告人丙在兴宁市万家乐购物广场二楼窃取被害人丁的手机一部，价值人民币3000元。"
    assert _model().candidates(theft, limit=1)[0].charge == "盗窃"


def test_the_conduct_of_a_charges_one_case_still_tells_it_elsewhere():
    casino = (
        "经审理查明，2019年4月，被告人戊在其租用的某民房内设置赌博机4台，供他人赌博，从中获利人民币1万元。"
    )
    model = _model()
    assert model.candidates(casino, limit=1)[0].charge == "开设赌场"
    assert model.charges(casino) == ["开设赌场"]


def test_a_profile_weighs_less_than_the_statute_until_it_rests_on_more_than_three_cases():
    profiles = build_profiles(
        [(t, ["盗窃"]) for t in THEFTS] + [(t, ["故意伤害"]) for t in INJURIES] + [(CASINO, ["开设赌场"])]
    )["profiles"]
    length = {c: math.sqrt(sum(v * v for v in p.values())) for c, p in profiles.items()}
    assert length["开设赌场"] < length["故意伤害"] < length["盗窃"] < 1
    assert math.isclose(length["故意伤害"], STATUTE_WEIGHT, abs_tol=1e-3)  # three cases weigh as the statute


def test_pickpocketing_named_by_article_264_reads_as_theft_before_a_one_case_profile():
    # 扒窃 is one of art. 264's own forms of theft (法释〔2013〕8号第三条)
    station = "经审理查明，被告人邢某在某火车站候车室扒窃旅客手机一部，价值人民币1200元。"
    assert charge_candidates(station)[0].charge == "盗窃"
    assert infer_charges(station) == ["盗窃"]
    mall = "经审理查明，被告人孙某在某商场内扒窃被害人钱包一个，内有现金人民币300元，被当场抓获。"
    assert infer_charges(mall) == ["盗窃"]


def test_bigamy_is_told_by_the_marriage_that_lasts():
    # 刑法第258条: 有配偶而重婚; judgments tell it as a second registration or a life together as husband and wife
    bigamy = (
        "经审理查明，被告人谭某与其妻于2008年登记结婚，在婚姻关系存续期间，于2015年起又与女子林某以夫妻名义同居生活，"
        "并育有一女。"
    )
    assert infer_charges(bigamy) == ["重婚"]
    unmarried = (
        "经审理查明，被告人何某与被害人（女，未婚）于2018年起以夫妻名义共同生活，2019年3月因家庭琐事，"
        "何某持菜刀砍伤被害人，致其轻伤一级。"
    )
    assert "重婚" not in infer_charges(unmarried)


def test_holding_a_debtor_for_a_usurious_loan_is_told_as_judgments_tell_it():
    # 法释〔2000〕19号: detaining someone for a usurious loan or a gambling debt is art. 238
    debt = (
        "经审理查明，被告人葛某因被害人欠其高利贷本息未还，伙同他人将被害人带至某出租屋内，不让其离开，"
        "并催讨欠款，直至被害人家属报警。"
    )
    assert infer_charges(debt) == ["非法拘禁"]
    ransom = "经审理查明，被告人葛某以介绍工作为由将被害人骗至某出租屋内控制，后打电话向其家属索要赎金人民币30万元。"
    assert "非法拘禁" not in infer_charges(ransom)


def test_a_wartime_crime_is_no_candidate_without_wartime():
    harbour = "经审理查明，被告人甲明知乙系逃跑的在押人员，仍为其提供住处和钱款，帮助其逃匿。"
    assert "战时窝藏逃离部队军人" not in infer_charges(harbour)
    assert all(c.charge != "战时窝藏逃离部队军人" for c in charge_candidates(harbour)[:3])


def test_the_candidates_shown_lead_with_those_whose_statute_the_fact_meets():
    # no taking by stealth is told, so theft (whose words 价值, 手机 the fact shares) is no charge of this fact
    robbery = "经审理查明，被告人王某持刀抢劫被害人赵某，劫得手机一部，经价格认定价值人民币1800元。"
    assert default_model().candidates(robbery, limit=1)[0].charge == "盗窃"
    shown = [states_requirements(robbery, c.charge) for c in charge_candidates(robbery)]
    assert shown[0] and shown == sorted(shown, reverse=True)
    theft = "经审理查明，被告人王某趁被害人赵某不备，窃取其手机一部，经价格认定价值人民币1800元。"
    assert charge_candidates(theft)[0].charge == "盗窃"


def test_a_knife_without_a_harm_is_no_intentional_injury():
    # 刑法第234条 is a harm to the body (轻伤 at least); a count whose robbery hurt no one is not read as one
    assert not states_requirements("被告人周某在某路口持刀抢劫被害人吴某现金600元。", "故意伤害")
    robberies = (
        "经审理查明：\n一、2018年5月3日凌晨，被告人周某在某路口持刀抢劫被害人吴某现金600元。\n"
        "二、2018年5月9日凌晨，被告人周某在某巷口持刀抢劫被害人郑某现金400元。"
    )
    assert infer_charges(robberies) == ["抢劫"]
    assert states_requirements("被告人周某持刀将被害人吴某砍伤，经鉴定为轻伤一级。", "故意伤害")
