"""The property crimes' rules where the law decides the bracket, on fact texts written for the purpose
(issue 16, third audit round).

抢劫 (刑法第263条): entering a dwelling to rob (入户), robbing on public transport and posing as a police
officer or soldier put the robbery in the 10-year bracket whether or not the text uses the statute's word;
judgments describe the conduct ("翻墙进入被害人家中", "在行驶中的公交车上"). A shop open for business is not
a 户 (法发〔2016〕2号 二), a bus stop is not a bus (法发〔2005〕8号 二).
"""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts


def _robbery_tier(text):
    calc = calculate(CaseFacts(text=text, charges=["抢劫"]))
    step = next(s for s in calc.steps if s.kind == "starting_point")
    return step.rule_id, calc


def test_robbery_after_climbing_into_a_home_is_the_aggravated_bracket():
    rule, calc = _robbery_tier(
        "经审理查明：2023年4月2日凌晨，被告人赵某携带水果刀翻墙进入被害人孙某家中，持刀威胁孙某，"
        "劫取现金人民币2000元。"
    )
    assert rule == "crime.robbery.aggravated"
    assert calc.months >= 120


def test_robbery_in_a_shop_open_for_business_is_not_entering_a_home():
    rule, calc = _robbery_tier(
        "经审理查明：2023年4月2日晚，被告人赵某窜至被害人孙某经营的便利店内，持刀威胁正在营业的孙某，"
        "劫取店内现金人民币2000元。"
    )
    assert rule == "crime.robbery.basic"
    assert calc.months < 120


def test_robbery_denied_to_have_entered_the_home_stays_basic():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某在被害人孙某家门外持刀威胁孙某，劫取现金人民币500元，"
        "赵某未进入孙某家中。"
    )
    assert rule == "crime.robbery.basic"


def test_robbery_of_a_passenger_on_a_moving_bus_is_the_aggravated_bracket():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某在行驶中的2路公交车上，持刀威胁乘客孙某，劫取其现金人民币800元。"
    )
    assert rule == "crime.robbery.aggravated"


def test_robbery_at_a_bus_stop_is_not_on_public_transport():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某在2路公交车站台旁，持刀威胁候车的孙某，劫取其现金人民币800元。"
    )
    assert rule == "crime.robbery.basic"


def test_robbery_by_one_posing_as_a_police_officer_is_the_aggravated_bracket():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某冒充民警，以检查为名拦下被害人孙某，持械威胁孙某，劫取其现金人民币800元。"
    )
    assert rule == "crime.robbery.aggravated"


# 诈骗 (法释〔2011〕7号第二条第二款; 法发〔2016〕32号 二(四)): an amount 接近 数额巨大 (80% of it or more) with one of
# art. 2 ¶1's aggravations (messages or calls to unspecified people, relief funds, an elderly or disabled victim,
# the victim's suicide) shall be 其他严重情节: the 3-10 year bracket.


def _fraud_tier(text, amount):
    calc = calculate(CaseFacts(text=text, charges=["诈骗"], amount_yuan=Decimal(amount)))
    return next(s for s in calc.steps if s.kind == "starting_point").rule_id


def test_fraud_by_mass_text_messages_near_the_huge_amount_is_other_serious_circumstances():
    """Before 法发〔2016〕32号 (2015): the 2011 interpretation's mass messages are the aggravation."""
    text = "经审理查明：2015年5月至7月，被告人钱某通过群发短信冒充银行客服，以办理贷款需缴纳保证金为由，骗取被害人周某人民币42000元。"
    assert _fraud_tier(text, 42000) == "crime.fraud.huge"


def test_fraud_on_an_elderly_victim_near_the_huge_amount_is_other_serious_circumstances():
    text = "经审理查明：2023年5月，被告人钱某以推销保健品为名，骗取被害人周某（女，78岁）人民币42000元。"
    assert _fraud_tier(text, 42000) == "crime.fraud.huge"


def test_fraud_near_the_huge_amount_without_an_aggravation_stays_in_the_first_bracket():
    """The defendant's own age is not the victim's."""
    text = "经审理查明：2023年5月，被告人钱某（男，65岁）以帮助办理贷款为由，骗取朋友周某人民币42000元。"
    assert _fraud_tier(text, 42000) == "crime.fraud.large"


def test_telecom_fraud_below_eighty_percent_of_the_huge_amount_is_not_near_it():
    text = "经审理查明：2015年5月至7月，被告人钱某通过群发短信冒充银行客服，骗取被害人周某人民币35000元。"
    assert _fraud_tier(text, 35000) == "crime.fraud.large"


def test_telecom_fraud_near_the_especially_huge_amount_is_other_especially_serious_circumstances():
    text = "经审理查明：2015年至2016年5月，被告人钱某等人通过拨打电话、群发短信，对不特定人实施诈骗，骗取人民币45万元。"
    assert _fraud_tier(text, 450000) == "crime.fraud.especially_huge"


# 电信网络诈骗 since 法发〔2016〕32号 (二(一)): 3,000 / 30,000 / 500,000 yuan nationwide; the telecom method, weighed by those
# figures, is no longer also the aggravation of 接近 (二(四) names its own: posing as the judiciary, an elderly victim …).


def test_telecom_fraud_since_2016_is_huge_at_thirty_thousand():
    text = "经审理查明：2023年5月至7月，被告人钱某通过群发短信冒充银行客服，骗取被害人周某人民币35000元。"
    assert _fraud_tier(text, 35000) == "crime.fraud.huge"
    assert _fraud_tier(text.replace("2023年", "2015年"), 35000) == "crime.fraud.large"


def test_telecom_fraud_since_2016_near_thirty_thousand_needs_an_aggravation_of_its_own():
    text = "经审理查明：2023年5月至7月，被告人钱某通过群发短信冒充银行客服，骗取被害人周某人民币25000元。"
    assert _fraud_tier(text, 25000) == "crime.fraud.large"
    police = "经审理查明：2023年5月，被告人钱某群发短信冒充公安民警，以被害人周某涉嫌洗钱需核查资金为由，骗取周某人民币25000元。"
    assert _fraud_tier(police, 25000) == "crime.fraud.huge"


# 盗窃, repeated thefts (2021 guideline 四(十一)2): where the amount reaches 数额较大 it sets the start and the count
# only adjusts the baseline; where it does not, the count sets the start and each theft beyond three is an increment.


def _theft(text, amount):
    return calculate(CaseFacts(text=text, charges=["盗窃"], amount_yuan=Decimal(amount), counts=6))


def test_six_thefts_reaching_the_large_amount_add_no_count_increment():
    calc = _theft(
        "经审理查明：2022年5月至2023年3月，被告人王某先后六次在多个小区内窃取电动车，共计价值人民币10000元。",
        10000,
    )
    assert not any(s.rule_id == "crime.theft.large.increment.counts" for s in calc.steps)
    assert calc.months == 9  # 5 + 8,000 / 2,000
    assert any("犯罪次数在本案不作为增加刑罚量" in n for n in calc.notes)


def test_six_thefts_below_the_large_amount_add_the_count_increment():
    calc = _theft(
        "经审理查明：2022年5月至2023年3月，被告人王某先后六次在多个小区内窃取电动车电瓶，共计价值人民币1200元。",
        1200,
    )
    assert any(s.rule_id == "crime.theft.large.increment.counts" for s in calc.steps)
    assert calc.months == 8  # 5 + (6 - 3)


def test_a_single_theft_gets_no_note_on_counts():
    calc = calculate(
        CaseFacts(
            text="被告人王某窃取电动车一辆，价值人民币10000元。",
            charges=["盗窃"],
            amount_yuan=Decimal(10000),
            counts=1,
        )
    )
    assert not any("犯罪次数" in n for n in calc.notes)


# 抢夺 (法释〔2013〕25号第三条、第四条, 应当): a serious injury or a suicide caused, or one of art. 2 (三)-(十) (riding a
# vehicle, an elderly or disabled victim, a hospital, relief funds, a light injury) with half the 数额巨大 figure, is
# 其他严重情节; a death, or those with half the 数额特别巨大 figure, 其他特别严重情节.


def _snatching_tier(text, amount):
    calc = calculate(CaseFacts(text=text, charges=["抢夺"], amount_yuan=Decimal(amount)))
    return next(s for s in calc.steps if s.kind == "starting_point").rule_id


def test_snatching_from_a_motorcycle_at_half_the_huge_amount_is_other_serious_circumstances():
    text = "经审理查明：2023年4月2日，被告人赵某驾驶摩托车行至某路口，趁被害人孙某不备，夺取其挎包一个，内有现金人民币28000元。"
    assert _snatching_tier(text, 28000) == "crime.snatching.huge"


def test_snatching_on_foot_at_the_same_amount_stays_in_the_first_bracket():
    text = "经审理查明：2023年4月2日，被告人赵某在某路口趁被害人孙某不备，夺取其挎包一个，内有现金人民币28000元，后步行逃离。"
    assert _snatching_tier(text, 28000) == "crime.snatching.large"


def test_snatching_from_a_motorcycle_below_half_the_huge_amount_stays_in_the_first_bracket():
    text = "经审理查明：2023年4月2日，被告人赵某驾驶摩托车行至某路口，趁被害人孙某不备，夺取其挎包一个，内有现金人民币20000元。"
    assert _snatching_tier(text, 20000) == "crime.snatching.large"


def test_snatching_that_causes_a_serious_injury_is_other_serious_circumstances():
    calc = calculate(
        CaseFacts(
            text="经审理查明：被告人赵某趁被害人孙某不备，夺取其手机一部，价值人民币3000元，孙某被拽倒在地，经鉴定为重伤二级。",
            charges=["抢夺"],
            amount_yuan=Decimal(3000),
            injury="serious_2",
        )
    )
    assert next(s for s in calc.steps if s.kind == "starting_point").rule_id == "crime.snatching.huge"


def test_snatching_from_an_elderly_victim_at_half_the_especially_huge_amount_is_especially_serious():
    text = "经审理查明：被告人赵某在某银行门口趁被害人孙某（男，72岁）不备，夺取其刚取出的现金人民币16万元。"
    assert _snatching_tier(text, 160000) == "crime.snatching.especially_huge"


# An amount its own clause says was taken is the crime amount whatever it was then used for; a part of money told
# before (将其中…用于) is not added again (extraction/amounts.py).


def test_money_taken_and_used_for_gambling_is_the_amount_stolen():
    from leniency.sentencing.extract import extract

    facts = extract(
        "经审理查明：2023年6月，被告人王某趁其父亲外出务工之机，偷拿家中现金人民币12000元用于网络赌博。"
    )
    assert facts.amount_yuan == 12000


def test_a_part_of_the_money_used_later_is_not_added():
    from leniency.sentencing.extract import extract

    facts = extract("经审理查明：被告人王某骗取被害人李某人民币5万元用于归还赌债，后将其中2万元用于赌博。")
    assert facts.amount_yuan == 50000


# Provincial figures (法释〔2013〕8号第一条第二款): a province the facts name as the place of the case, with a file in
# jurisdictions/, supplies its thresholds; a province someone comes from does not (jurisdiction.py).
CAR_THEFT = "经审理查明：2023年3月5日，被告人王某在{place}一小区内，窃取被害人李某停放的轿车一辆，经鉴定价值人民币60000元。"


def _theft_tier(text):
    calc = calculate(CaseFacts(text=text, charges=["盗窃"], amount_yuan=Decimal(60000)))
    return next(s for s in calc.steps if s.kind == "starting_point").rule_id, calc


def test_a_theft_in_liaoning_is_measured_by_liaonings_huge_amount():
    """Liaoning's 数额巨大 is 70,000 yuan: 60,000 stays in the first bracket there (50,000 nationally)."""
    rule, calc = _theft_tier(CAR_THEFT.format(place="辽宁省大连市某区"))
    assert rule == "crime.theft.large"
    assert any("辽宁省" in n for n in calc.notes)


def test_a_defendant_from_liaoning_is_not_a_theft_in_liaoning():
    rule, _ = _theft_tier(
        CAR_THEFT.format(place="某市某区").replace("被告人王某", "被告人王某（辽宁省大连市人）")
    )
    assert rule == "crime.theft.huge"


def test_a_theft_without_a_province_uses_the_national_default():
    rule, calc = _theft_tier(CAR_THEFT.format(place="某市某区"))
    assert rule == "crime.theft.huge"
    assert not any("适用该省" in n for n in calc.notes)


def test_a_province_of_the_prosecutor_places_the_case():
    from leniency.sentencing.jurisdiction import stated_jurisdiction

    assert stated_jurisdiction("辽宁省沈阳市和平区人民检察院指控：被告人王某窃取财物。") == (
        "liaoning",
        "辽宁省",
    )
    assert stated_jurisdiction("被告人王某户籍地河南省某县，在某市窃取财物。") is None
    assert stated_jurisdiction("被告人王某先在辽宁省沈阳市、后在河南省郑州市窃取财物。") is None


def test_repeated_thefts_in_henan_keep_the_count_increment():
    """henan.yaml replaces the theft tier's increments to set its amount rule; the guideline's count increment stays."""
    text = "经审理查明：2022年5月至2023年3月，被告人王某先后六次在河南省郑州市多个小区内窃取电动车电瓶，共计价值人民币1200元。"
    calc = calculate(CaseFacts(text=text, charges=["盗窃"], amount_yuan=Decimal(1200), counts=6))
    assert any(s.rule_id == "crime.theft.large.increment.counts" for s in calc.steps)
    assert calc.months == 8


# 盗窃 (法释〔2013〕8号第六条, 可以): 入户盗窃, 携带凶器盗窃 or one of art. 2 (三)-(八) with half the 数额巨大 figure may be
# 其他严重情节, with half the 数额特别巨大 figure 其他特别严重情节; 扒窃 is not among them.
HOME_THEFT = "经审理查明：2023年3月5日凌晨，被告人王某翻窗进入被害人李某家中，窃取现金人民币{yuan}元。"


def _theft_rule(text, amount):
    calc = calculate(CaseFacts(text=text, charges=["盗窃"], amount_yuan=Decimal(amount)))
    return next(s for s in calc.steps if s.kind == "starting_point").rule_id, calc


def test_a_home_theft_of_half_the_huge_amount_is_other_serious_circumstances():
    rule, calc = _theft_rule(HOME_THEFT.format(yuan=30000), 30000)
    assert rule == "crime.theft.serious_half_huge"
    assert calc.months >= 36


def test_a_home_theft_below_half_the_huge_amount_stays_in_the_first_bracket():
    rule, _ = _theft_rule(HOME_THEFT.format(yuan=20000), 20000)
    assert rule == "crime.theft.large"


def test_pickpocketing_half_the_huge_amount_is_not_other_serious_circumstances():
    text = "经审理查明：2023年3月5日，被告人王某在某路公交车上，趁乘客李某不备，从其挎包内扒窃现金人民币30000元。"
    assert _theft_rule(text, 30000)[0] == "crime.theft.large"


def test_a_theft_carrying_a_controlled_knife_of_half_the_especially_huge_amount_is_especially_serious():
    text = "经审理查明：被告人王某携带一把管制刀具，在某商场停车场内撬开被害人李某的轿车车门，窃取车内现金人民币21万元。"
    assert _theft_rule(text, 210000)[0] == "crime.theft.especially_serious_half"


def test_a_home_theft_reaching_the_huge_amount_itself_is_that_tier():
    assert _theft_rule(HOME_THEFT.format(yuan=60000), 60000)[0] == "crime.theft.huge"


# 敲诈勒索 (法释〔2013〕10号第四条, 可以): one of art. 2 (三)-(七) with 80% of the 数额巨大 figure may be 其他严重情节.


def _extortion_rule(text, amount):
    calc = calculate(CaseFacts(text=text, charges=["敲诈勒索"], amount_yuan=Decimal(amount)))
    return next(s for s in calc.steps if s.kind == "starting_point").rule_id


def test_extortion_by_one_posing_as_an_official_near_the_huge_amount_is_other_serious_circumstances():
    text = "经审理查明：2023年5月，被告人王某冒充纪委工作人员，以举报被害人李某违纪问题相要挟，向李某索要人民币45000元，李某被迫支付。"
    assert _extortion_rule(text, 45000) == "crime.extortion.serious_near_huge"


def test_extortion_by_a_threat_of_arson_near_the_huge_amount_is_other_serious_circumstances():
    text = "经审理查明：被告人王某多次打电话扬言要放火烧掉被害人李某的厂房，向李某索要人民币42000元，李某被迫支付。"
    assert _extortion_rule(text, 42000) == "crime.extortion.serious_near_huge"
    assert _extortion_rule(text.replace("42000", "30000"), 30000) == "crime.extortion.large"


def test_extortion_by_a_threat_to_publish_a_secret_stays_in_the_first_bracket():
    text = (
        "经审理查明：2023年5月，被告人王某以公开被害人李某隐私相要挟，向李某索要人民币45000元，李某被迫支付。"
    )
    assert _extortion_rule(text, 45000) == "crime.extortion.large"


# What the law says without a size to weigh is said in a note (law_notes of the crime file): an amount below 数额较大
# (the local figure), and taking from or extorting one's own family (法释〔2013〕8号第八条, 〔2013〕10号第六条).


def _notes(charge, text, amount):
    return calculate(CaseFacts(text=text, charges=[charge], amount_yuan=Decimal(amount))).notes


def test_embezzlement_below_sixty_thousand_is_said_to_fall_short():
    text = "经审理查明：被告人王某在担任某贸易有限公司出纳期间，利用职务便利，将公司货款人民币{}元据为己有。"
    assert any("低于“数额较大”标准（60,000元）" in n for n in _notes("职务侵占", text.format(50000), 50000))
    assert not any("低于" in n for n in _notes("职务侵占", text.format(80000), 80000))


def test_a_theft_below_the_local_figure_names_the_figure_and_the_exceptions():
    notes = _notes("盗窃", "经审理查明：被告人王某在某超市内窃取香烟五条，经鉴定价值人民币1500元。", 1500)
    assert any("（2,000元）" in n and "扒窃" in n for n in notes)


def test_taking_money_from_ones_father_is_said_to_call_for_leniency():
    text = "经审理查明：2023年6月，被告人王某偷拿其父亲王某某放在家中的现金人民币12000元。"
    assert any("第八条" in n for n in _notes("盗窃", text, 12000))
    stranger = "经审理查明：2023年6月，被告人王某窃取被害人李某放在家中的现金人民币12000元。"
    assert not any("第八条" in n for n in _notes("盗窃", stranger, 12000))


def test_extorting_ones_brother_is_said_to_call_for_leniency():
    text = "经审理查明：被告人王某以公开隐私相威胁，向其弟弟王某某索要人民币10000元。"
    assert any("第六条第一款" in n for n in _notes("敲诈勒索", text, 10000))


def test_robbery_in_liaoning_is_huge_at_liaonings_theft_figure():
    """抢劫数额巨大 follows the local theft figure (法发〔2005〕8号 三): 60,000 yuan is below Liaoning's 70,000."""
    text = (
        "经审理查明：2023年4月2日，被告人赵某在{}路边持刀威胁被害人孙某，劫取其随身携带的现金人民币60000元。"
    )
    liaoning = calculate(
        CaseFacts(text=text.format("辽宁省大连市某区"), charges=["抢劫"], amount_yuan=Decimal(60000))
    )
    national = calculate(
        CaseFacts(text=text.format("某市某区"), charges=["抢劫"], amount_yuan=Decimal(60000))
    )
    assert next(s for s in liaoning.steps if s.kind == "starting_point").rule_id == "crime.robbery.basic"
    assert next(s for s in national.steps if s.kind == "starting_point").rule_id == "crime.robbery.aggravated"


def test_the_proceeds_told_again_with_their_use_are_not_added():
    from leniency.sentencing.extract import extract

    facts = extract(
        "经审理查明：被告人甲以办证为由骗取被害人乙3000元，其拿到钱后离开，骗取的3000元用于个人花销。"
    )
    assert facts.amount_yuan == 3000
