"""Short fact texts, as a prosecutor pastes them, get the charge whose article's conduct word they state (issue 16
class 8; extraction/conduct_words.py, charge_elements.yaml `cues`). Every text here was written for this file: one or
two sentences for each of the common charges, and texts just outside — a lawful taking, a loan not repaid, a word
denied, doubted or suffered, a result the article needs and the text lacks."""

import pytest

from leniency.sentencing.extraction.charge_inference import states_requirements
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import cued_charges, own_act

SHORT_TEXTS = [
    # 刑法第264条: 秘密窃取
    ("趁乙不注意偷拿乙的现金3000元，后被乙发现。", "盗窃"),
    ("趁被害人乙不注意，从柜台上偷走乙的挎包。", "盗窃"),
    ("甲在乙家中窃取金项链一条，价值5000元。", "盗窃"),
    # 第234条: a beating that injures
    ("甲持刀将乙打伤，经鉴定乙的损伤程度为轻伤一级。", "故意伤害"),
    ("甲因琐事与乙发生争执，用拳头殴打乙面部，致乙鼻骨骨折，经鉴定为轻伤二级。", "故意伤害"),
    # 第266条: 骗
    ("甲谎称能帮乙办理工作，骗取乙现金5万元。", "诈骗"),
    ("甲冒充乙的朋友通过微信向乙借钱，骗得乙转账8000元后将乙拉黑。", "诈骗"),
    # 第133条之一: 醉酒驾驶
    ("甲醉酒后驾驶小型轿车在道路上行驶，经检测其血液中乙醇含量为156mg/100ml。", "危险驾驶"),
    ("甲酒后驾驶摩托车被交警查获，血液酒精含量为95mg/100ml。", "危险驾驶"),
    # 第347条: 贩卖
    ("甲以200元的价格向乙贩卖甲基苯丙胺0.5克。", "走私、贩卖、运输、制造毒品"),
    ("甲将两小包海洛因以500元卖给吸毒人员乙。", "走私、贩卖、运输、制造毒品"),
    # 第133条: an accident that kills
    ("甲驾驶货车违反交通信号灯通行，撞倒行人乙致其当场死亡，甲负事故全部责任。", "交通肇事"),
    ("甲驾驶轿车超速行驶，与乙驾驶的电动车相撞，致乙死亡，经认定甲负事故主要责任。", "交通肇事"),
    # 第263条: a taking by force or threat
    ("甲持刀威胁乙，抢走乙的手机一部和现金800元。", "抢劫"),
    ("甲在路边将乙按倒在地，强行劫走乙的钱包。", "抢劫"),
    # 第293条: 随意殴打, 无事生非
    ("甲酒后在烧烤店无故殴打店员乙，并砸坏店内桌椅。", "寻衅滋事"),
    ("甲在街上随意殴打路人乙，又追逐拦截过往行人。", "寻衅滋事"),
    # 第354条
    ("甲在其租住的房间内容留乙、丙吸食甲基苯丙胺。", "容留他人吸毒"),
    ("甲先后两次在自己家中提供场所容留乙吸食毒品。", "容留他人吸毒"),
    # 第267条: a snatching without force
    ("甲骑摩托车经过乙身边时，一把抢走乙挎在肩上的手提包后逃离。", "抢夺"),
    ("甲趁乙打电话不备，夺过乙手中的手机逃跑，手机价值3000元。", "抢夺"),
    # 第348条: a quantity held
    ("公安民警在甲的住处查获甲基苯丙胺62克，系甲非法持有。", "非法持有毒品"),
    ("甲被查获时随身藏有海洛因15克，甲称系自己吸食。", "非法持有毒品"),
    # 第274条
    ("甲以曝光乙的隐私相要挟，向乙索要现金2万元。", "敲诈勒索"),
    ("甲扬言如不给钱就举报乙，勒索乙5000元。", "敲诈勒索"),
    # 第275条
    ("甲因与乙有矛盾，用石头砸坏乙停放的轿车，经鉴定损失价值6000元。", "故意毁坏财物"),
    ("甲故意毁坏乙的果树30棵，造成损失1万元。", "故意毁坏财物"),
    # 第312条
    ("甲明知是他人盗窃所得的电动车，仍以300元的价格收购。", "掩饰、隐瞒犯罪所得、犯罪所得收益"),
    ("甲明知乙的手机是抢来的，仍帮乙销赃得款1000元。", "掩饰、隐瞒犯罪所得、犯罪所得收益"),
    # 第277条
    ("甲在民警依法执行职务时，用拳头殴打民警乙，阻碍其执行公务。", "妨害公务"),
    ("甲拒绝配合检查，推搡并抓伤正在执法的民警乙。", "妨害公务"),
    # 第271条, 第303条第2款
    ("甲利用担任某公司出纳的职务便利，将公司货款3万元据为己有。", "职务侵占"),
    ("甲在某市开设赌场，组织他人使用赌博机赌博，抽头渔利。", "开设赌场"),
]


@pytest.mark.parametrize(("fact", "charge"), SHORT_TEXTS)
def test_a_short_text_gets_the_charge_its_conduct_word_names(fact, charge):
    assert infer_charges(fact)[:1] == [charge]


# just outside: the same words, and no crime of the article (or not the defendant's act)
@pytest.mark.parametrize(
    ("fact", "not_charge"),
    [
        ("甲经乙同意拿走乙的现金3000元，用于购买货物。", "盗窃"),  # a taking with consent: nothing secret
        ("甲没有偷拿乙的现金，乙的现金系自己遗失。", "盗窃"),  # denied
        ("乙怀疑甲偷了他的手机，经查手机系乙遗忘在出租车上。", "盗窃"),  # doubted, and refuted
        ("甲与乙发生口角，互相推搡，双方均未受伤。", "故意伤害"),  # no injury
        ("甲被乙骗走现金5000元后向公安机关报案。", "诈骗"),  # the defendant is the one deceived
        ("甲将自己的旧手机以500元卖给乙。", "走私、贩卖、运输、制造毒品"),  # a lawful sale
        ("甲在自己家中吸食甲基苯丙胺。", "非法持有毒品"),  # a user's own use, no quantity held
        (
            "甲向乙借款5万元，约定一年后归还，到期后甲因生意失败未能归还。",
            "诈骗",
        ),  # a private loan: no bank (第175条之一)
        (
            "甲驾驶轿车在道路上正常行驶，经检测其血液中未检出乙醇。",
            "危险驾驶",
        ),  # no accident (第133条), no alcohol
    ],
)
def test_a_text_just_outside_the_article_gets_no_charge(fact, not_charge):
    assert infer_charges(fact) == []
    assert not_charge not in cued_charges(fact) or not states_requirements(fact, not_charge)


@pytest.mark.parametrize(
    ("fact", "not_charge"),
    [
        ("甲向乙借款5万元，约定一年后归还，到期后甲因生意失败未能归还。", "诈骗"),  # a loan not repaid: civil
        (
            "甲驾驶轿车在道路上正常行驶，经检测其血液中未检出乙醇。",
            "危险驾驶",
        ),  # a test that found no alcohol
    ],
)
def test_a_loan_not_repaid_is_no_fraud_and_a_sober_drive_no_drunk_driving(fact, not_charge):
    assert not_charge not in infer_charges(fact)
    assert not_charge not in cued_charges(fact)


def test_a_denial_a_doubt_and_a_suffered_act_are_not_the_defendants_own():
    fact = "甲没有偷拿乙的现金"
    assert not own_act(fact, fact.index("偷"))
    fact = "乙怀疑甲偷了他的手机"
    assert not own_act(fact, fact.index("偷"))
    fact = "甲被乙骗走现金"
    assert not own_act(fact, fact.index("骗"))


def test_an_injury_done_by_persons_tried_apart_is_not_the_defendants():
    fact = "乙、丙（已判）将丁砍伤后逃跑，甲骑摩托车将乙、丙载至县城藏匿。"
    assert not own_act(fact, fact.index("砍伤"))
    assert "故意伤害" not in cued_charges(fact)
    later = "丙（已判）持刀追赶丁。甲得知丙等人砍伤丁后，仍骑摩托车将丙载至县城藏匿。"  # named apart in an earlier sentence
    assert "故意伤害" not in cued_charges(later)
    victim = "丙（另案处理）在某小区望风。甲趁丁不备偷走丁的钱包。"  # a person tried apart is not every clause's subject
    assert cued_charges(victim) == ["盗窃"]
    joint = "甲伙同乙（另案处理）将丁砍伤，经鉴定丁的损伤程度为轻伤一级。"  # a joint act is the defendant's
    assert own_act(joint, joint.index("砍伤"))
    assert cued_charges(joint) == ["故意伤害"]


def test_a_negation_two_characters_before_the_word_does_not_deny_it():
    fact = "甲趁乙未注意偷拿乙的现金"  # 未 denies the victim's noticing, not the taking
    assert own_act(fact, fact.index("偷"))
    assert cued_charges(fact) == ["盗窃"]


def test_the_victim_and_the_defendant_named_with_bei_are_no_passive():
    fact = "被告人甲趁被害人乙不备，偷走其钱包"
    assert own_act(fact, fact.index("偷"))
    fact = "甲被民警查获时随身藏有海洛因"  # the agent is not right before the word: the keeping is the defendant's
    assert own_act(fact, fact.index("藏有"))


def test_force_makes_a_snatching_a_robbery():
    # 刑法第263条 and 第267条: the same 抢走, with a threat and without
    assert cued_charges("甲持刀威胁乙，抢走乙的手机")[:1] == ["抢劫"]
    assert cued_charges("甲从乙身后抢走乙的手机")[:1] == ["抢夺"]


def test_a_gratuitous_beating_is_picking_quarrels_before_an_injury():
    # 刑法第293条第1款第1项 (随意殴打) is read before 第234条: the words of both are stated
    assert cued_charges("甲无故殴打乙，致乙轻伤")[:2] == ["寻衅滋事", "故意伤害"]
    assert cued_charges("甲殴打乙，致乙轻伤") == ["故意伤害"]


def test_holding_drugs_needs_a_quantity():
    # 刑法第348条 is defined by the quantity held
    assert states_requirements("甲在家中藏有甲基苯丙胺62克", "非法持有毒品")
    assert not states_requirements("甲在家中吸食甲基苯丙胺", "非法持有毒品")


def test_drunk_driving_needs_alcohol_found():
    assert states_requirements("经检测甲血液中乙醇含量为156mg/100ml", "危险驾驶")
    assert not states_requirements("经检测甲血液中未检出乙醇", "危险驾驶")


# the taking, the force and the wound as facts also tell them (刑法第264、263、267、234条), each beside a text just outside
@pytest.mark.parametrize(
    ("fact", "charge", "outside"),
    [
        (
            "甲在药店趁店员不注意，将两盒药品放入口袋后未付款离开。",
            "盗窃",
            "甲在药店挑选药品后付款离开。",  # paid: a purchase
        ),
        (
            "甲在公交车上掏走乙的钱包。",
            "盗窃",
            "甲在公交车上从自己的口袋掏出手机。",  # his own pocket
        ),
        (
            "甲持匕首顶住乙的胸口，逼乙交出手机和钱包。",
            "抢劫",
            "乙向甲借钱，甲要求乙交出欠条。",  # no force, no threat
        ),
        (
            "甲在路边趁乙接电话，猛地拽走乙的金项链后逃跑。",
            "抢夺",
            "甲在路边捡到乙掉落的金项链。",  # nothing snatched
        ),
        (
            "甲因邻里纠纷持菜刀将乙砍成重伤。",
            "故意伤害",
            "甲在切菜时不慎划伤自己的手指。",  # a mishap: no intent (刑法第14条)
        ),
    ],
)
def test_a_conduct_word_binds_and_the_text_beside_it_does_not(fact, charge, outside):
    assert infer_charges(fact)[:1] == [charge]
    assert infer_charges(outside) == []


def test_a_mishap_is_read_only_for_a_crime_of_negligence():
    # 刑法第133条 is a crime of negligence: 不慎 is its fault; 第234条 needs intent
    assert cued_charges("甲驾车时不慎撞倒行人乙，致乙死亡。") == ["交通肇事"]
    assert cued_charges("甲不慎将乙砸伤。") == []
    assert cued_charges("甲故意将乙砸伤。") == ["故意伤害"]


def test_a_room_given_to_users_is_neither_forcing_nor_inducing_them():
    # 刑法第353条 needs the force or the inducement; giving users a place is art. 354 at most
    fact = "甲为他人吸食毒品提供自己的出租屋。"
    assert not {"强迫他人吸毒", "引诱、教唆、欺骗他人吸毒"} & set(infer_charges(fact))
