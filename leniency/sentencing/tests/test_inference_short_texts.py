"""Charges inferred from short fact texts alone (issue 16 class 8): the conduct a statute or its interpretation names
decides, not the boilerplate a short text shares with every judgment; an earlier conviction and the act of someone
tried apart are no conduct of this case. Fact texts written here, one on each side of each line."""

import pytest

from leniency.sentencing.extraction.charge_inference import (
    ChargeModel,
    default_model,
    defendants_conduct,
    states_requirements,
)
from leniency.sentencing.extraction.charges import infer_charges

RULES = ChargeModel(None)  # the statute profiles alone: the rules, not the data, decide the distinctions


def read(text: str, charge: str) -> list[str]:
    return RULES._by_elements(text, [charge])


# 刑法第264条, 法释〔2013〕8号第三条: 扒窃 is theft of what one carries, in public or on public transport
@pytest.mark.parametrize(
    "fact",
    [
        "经审理查明，2020年8月12日14时许，被告人王某在某市地铁二号线车厢内，趁乘客李某不备，从其背包内扒窃钱包一个，"
        "内有现金人民币860元。",
        "经审理查明，2019年10月，被告人甲在某公交车上，将手伸入乘客乙的裤兜，窃得手机一部，价值1800元。",
        "经审理查明，2019年5月3日，被告人甲在公交车上扒窃乘客乙的手机一部，价值人民币2000元。",
    ],
)
def test_a_short_pickpocketing_text_is_theft(fact):
    assert infer_charges(fact) == ["盗窃"]


def test_a_snatching_on_the_same_bus_stop_stays_snatching():
    fact = "经审理查明，2020年5月，被告人丁某在公交车站台，趁乘客戊某不备，一把抢走其手中的手机后逃离，手机价值3000元。"
    assert infer_charges(fact) == ["抢夺"]


# 刑法第358条第1款, 法释〔2017〕13号第一条: recruiting the prostitutes and managing their trade is organising
ORGANISER = (
    "经审理查明，被告人姜某租用某洗浴中心，招募、雇佣多名卖淫女，制定管理制度，安排卖淫女在店内从事卖淫活动，"
    "并向嫖客收取嫖资。"
)
SHARE_OF_FEES = "经审理查明，被告人包某经营某足浴店，先后招募甲、乙、丙、丁四名女子在店内从事卖淫活动，由包某统一收取嫖资后按比例分成。"
ROOM_KEEPER = (
    "经审理查明，被告人戚某系某按摩店经营者，2019年间先后容留谢某、邹某在其店内从事卖淫活动，并从中收取费用。"
)
SHOP_STAFF = (
    "经审理查明，被告人包某经营某足浴店，雇佣技师甲、乙在店内负责足浴，店内日常由包某管理。期间，包某容留甲、乙在店内包间"
    "从事卖淫活动。"
)
HELPER = "经审理查明，被告人蒋某受雇于组织卖淫人员沈某，在沈某经营的会所内负责接送卖淫女、收取嫖资。"


def test_recruiting_prostitutes_and_managing_them_is_organising():
    assert infer_charges(ORGANISER) == ["组织卖淫"]
    assert read(SHARE_OF_FEES, "引诱、容留、介绍卖淫") == ["组织卖淫"]


def test_letting_rooms_without_recruiting_or_managing_prostitutes_stays_art_359():
    assert infer_charges(ROOM_KEEPER) == ["引诱、容留、介绍卖淫"]
    # hiring masseurs and running the shop is no management of their prostitution
    assert read(SHOP_STAFF, "引诱、容留、介绍卖淫") == ["引诱、容留、介绍卖淫"]


def test_the_organisers_hired_helper_stays_a_helper():
    assert read(HELPER, "引诱、容留、介绍卖淫") == ["协助组织卖淫"]


# 刑法第125条 / 第128条: making, trading, carrying, posting or storing, against holding
GUN_AT_HOME = (
    "经审理查明，被告人陈某于2018年在其家中私藏以火药为动力的自制枪支一支。2019年4月，公安民警在其家中将该枪查获。"
    "经鉴定，该枪支具有杀伤力。"
)
GUNS_SOLD = (
    "经审理查明，被告人陈某于2018年从网上购买枪支散件，在家中组装成以压缩气体为动力的枪支二支并出售给他人。"
    "经鉴定，均为具有致伤力的枪支。"
)
EXPLOSIVES = "经审理查明，被告人欧某在其承包的采石场内非法存放炸药50公斤、雷管100枚，后被公安机关查获。"
ART_125 = "非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物"


def test_a_gun_kept_at_home_is_held_not_stored():
    assert not states_requirements(GUN_AT_HOME, ART_125)
    assert default_model().charges(GUN_AT_HOME) == ["非法持有、私藏枪支、弹药"]


def test_guns_assembled_and_sold_or_explosives_kept_are_art_125():
    assert states_requirements(GUNS_SOLD, ART_125)
    assert default_model().charges(GUNS_SOLD)[0] == ART_125
    assert default_model().charges(EXPLOSIVES) == [ART_125]


# 刑法第272条 / 第384条: a text that denies the state post
def test_misappropriation_by_a_stated_non_functionary_is_art_272():
    fact = (
        "经审理查明，被告人甲在担任某村镇银行信贷员期间（非国家工作人员），利用职务上的便利，挪用客户存款人民币15万元用于"
        "个人炒股，至案发时已归还8万元。"
    )
    assert read(fact, "挪用公款") == ["挪用资金"]


def test_misappropriation_by_a_state_functionary_stays_art_384():
    fact = "经审理查明，被告人甲系某县财政局会计，属国家工作人员，利用职务上的便利，挪用公款人民币20万元归个人使用。"
    assert read(fact, "挪用公款") == ["挪用公款"]


# 刑法第345条第1款 / 第2款: another's trees felled without the owner's consent, against one's own without a permit
def test_trees_felled_without_their_owners_consent_are_stolen():
    fact = (
        "经审理查明，被告人甲未经林业主管部门许可，也未经所有人同意，擅自砍伐邻村村民乙承包山上的杉树35株，立木蓄积8.6立方米，"
        "并将木材运走出售。"
    )
    assert read(fact, "滥伐林木") == ["盗伐林木"]


def test_ones_own_trees_felled_without_a_permit_stay_unlawful_felling():
    fact = "经审理查明，被告人甲在其自留山上，未办理林木采伐许可证，采伐桉树，滥伐林木蓄积量为26立方米。"
    assert read(fact, "滥伐林木") == ["滥伐林木"]


# 刑法第65条: an earlier conviction is a circumstance, not the conduct of this case
def test_an_earlier_conviction_does_not_name_the_charge():
    injury = (
        "经审理查明，被告人鲁某曾因犯抢劫罪被判处有期徒刑五年，2016年刑满释放。2020年2月，鲁某因琐事与韦某发生争执，持刀将韦某"
        "刺伤，经鉴定韦某的损伤程度为轻伤二级。"
    )
    fraud = (
        "经审理查明，被告人丁曾因犯故意伤害罪被判处有期徒刑一年。2020年3月，丁虚构其能帮助被害人戊办理驾驶证的事实，骗取戊"
        "人民币2万元。"
    )
    theft = (
        "经审理查明，被告人庚曾因犯贩卖毒品罪被判处有期徒刑三年。2020年5月，庚在某小区地下车库撬开车锁，窃得电动自行车一辆，"
        "价值人民币1800元。"
    )
    assert infer_charges(injury) == ["故意伤害"]
    assert infer_charges(fraud) == ["诈骗"]
    assert infer_charges(theft) == ["盗窃"]


def test_what_follows_the_release_is_read_and_a_quarrel_is_no_conviction():
    after_release = (
        "被告人甲曾因犯盗窃罪被判处有期徒刑一年，刑满释放后仍不思悔改，于2020年5月在某小区窃得电动车一辆。"
    )
    quarrel = "被告人甲与被害人乙曾因土地纠纷发生矛盾，2019年甲持刀将乙砍伤。"
    assert "盗窃罪" not in defendants_conduct(after_release)
    assert "于2020年5月在某小区窃得电动车一辆" in defendants_conduct(after_release)
    assert defendants_conduct(quarrel) == quarrel


# the act of someone tried apart (另案处理) is not the defendant's
THEFT_WITH_RECEIVER = "经审理查明，2019年3月，被告人甲在某工地窃得电缆线200米，价值人民币3000元。同案人乙（另案处理）明知是盗窃所得仍予以收购。"
RECEIVER_WITH_THIEF = (
    "经审理查明，2019年3月，李某（另案处理）在某工地窃得电缆线200米。被告人甲明知该电缆线系李某盗窃所得，仍以800元的价格"
    "予以收购。"
)
JOINT_THEFT = "经审理查明，2019年3月，被告人甲伙同乙（另案处理）在某工地窃得电缆线200米，价值人民币3000元。"


def test_the_receiving_of_someone_tried_apart_is_not_the_thiefs_charge():
    assert infer_charges(THEFT_WITH_RECEIVER) == ["盗窃"]
    assert infer_charges(RECEIVER_WITH_THIEF) == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]


def test_a_joint_act_with_someone_tried_apart_stays_the_defendants():
    assert defendants_conduct(JOINT_THEFT) == JOINT_THEFT
    assert infer_charges(JOINT_THEFT) == ["盗窃"]


# 刑法第233条, 第15条: a death the defendant should have foreseen
def test_a_push_that_ends_in_a_fatal_fall_is_negligent_homicide():
    fact = (
        "经审理查明，2019年12月，被告人甲与乙在饭店喝酒时发生口角，甲推了乙一下，乙后退时摔倒，头部撞在台阶上，经抢救无效死亡。"
        "甲对乙的死亡结果应当预见而没有预见。"
    )
    assert infer_charges(fact) == ["过失致人死亡"]


def test_stabbing_that_kills_is_not_negligence():
    fact = "经审理查明，2019年12月，被告人甲因琐事与乙发生争执，持尖刀朝乙腹部连捅数刀，致乙失血性休克死亡。"
    assert "过失致人死亡" not in infer_charges(fact)


# 刑法第291条之二 / 第133条之二 (2021): the conduct in the words judgments tell it
def test_throwing_things_from_a_high_floor_is_throwing_from_height():
    fact = "经审理查明，被告人甲因家庭琐事心情烦躁，从其居住的18楼窗户向楼下抛掷菜刀、酒瓶等物品，砸坏楼下停放的车辆。"
    assert infer_charges(fact) == ["高空抛物"]


def test_smashing_a_car_parked_below_a_building_stays_damage():
    fact = "经审理查明，被告人甲在某小区楼下，因琐事持砖块砸坏乙停放的轿车车窗，经鉴定损失价值人民币5000元。"
    assert infer_charges(fact) == ["故意毁坏财物"]


def test_grabbing_a_moving_bus_steering_wheel_endangers_safe_driving():
    fact = "经审理查明，被告人甲乘坐公交车时因错过站点，与驾驶员乙发生争执，甲强行抢夺方向盘，致使公交车在行驶中偏离车道。"
    assert infer_charges(fact) == ["妨害安全驾驶"]


def test_a_theft_on_a_bus_stays_theft():
    fact = "经审理查明，被告人甲乘坐公交车时，趁乘客乙不备，从其背包内窃得手机一部，价值人民币2000元。"
    assert infer_charges(fact) == ["盗窃"]


# 刑法第191条 / 第347条: another's drug money moved, against the dealer's own
def test_lending_an_account_for_a_dealers_proceeds_is_laundering():
    fact = (
        "经审理查明，被告人甲明知乙的资金系其贩卖毒品所得，仍提供其银行账户帮助乙转移资金共计人民币80万元。"
    )
    assert read(fact, "走私、贩卖、运输、制造毒品") == ["洗钱"]
    assert infer_charges(fact) == ["洗钱"]


def test_a_dealer_who_sells_and_moves_his_own_takings_stays_a_dealer():
    fact = "经审理查明，被告人甲以人民币300元的价格向吸毒人员乙贩卖甲基苯丙胺0.5克，并明知系贩毒所得仍通过微信转账给其女友。"
    assert read(fact, "走私、贩卖、运输、制造毒品") == ["走私、贩卖、运输、制造毒品"]


# 刑法第328条 / 第324条: digging a protected tomb open, against breaking a relic
def test_digging_a_tomb_open_is_tomb_robbing():
    fact = "经审理查明，被告人甲伙同他人携带洛阳铲等工具，在某省级文物保护单位范围内的古墓葬进行挖掘，盗取陶罐等文物。"
    assert infer_charges(fact) == ["盗掘古文化遗址、古墓葬"]


def test_smashing_a_stele_stays_damage_to_relics():
    fact = "经审理查明，被告人甲因不满村委会决定，持铁锤将村内省级文物保护单位某祠堂前的清代石碑砸毁，经鉴定该石碑系三级文物。"
    assert read(fact, "故意损毁文物") == ["故意损毁文物"]
    assert infer_charges(fact)[0] == "故意损毁文物"


def test_a_clause_about_someone_tried_apart_is_not_his_act():
    # the defendant, masked without 被告人, employs a minor he knows to be one: his act, not 黄某's
    fact = "高某在明知黄某（已判刑）系未成年人且无塔吊操作资质的情况下，让黄某操作项目部塔吊。"
    evidence = "上述事实，有到案经过、前科材料、扣押清单等证据证实。"
    assert defendants_conduct(fact) == fact
    assert defendants_conduct(evidence) == evidence
