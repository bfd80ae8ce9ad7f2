"""(E85) Charges inferred from the conduct the articles tell apart, on fact texts written for these tests (none copied
from a judgment): a death by a sharp weapon driven into vital parts again and again is 故意杀人 (刑法第232条), by blows
or a weapon used on the victim 故意伤害致人死亡 (第234条第2款), by a push and a fall 过失致人死亡 (第233条); an injury from a
collision on a road is 交通肇事 (第133条) unless the driver then struck the victim; money taken by force openly with no
threat of a harm to come is 寻衅滋事's 强拿硬要 (第293条; 法释〔2013〕18号第4条), a threat to expose is 敲诈勒索 (第274条).
Each rule has a text where it binds and one where it does not."""

import pytest

from leniency.sentencing.extraction.charge_rules import by_distinctions, states_requirements
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import cued_charges

CLEAVER_TO_NECK_AND_CHEST = (
    "经审理查明，2015年8月9日22时许，被告人刘某某因琐事与被害人赵某在某县某镇某村赵某家门口发生争"
    "吵，被告人刘某某回家取来一把菜刀，朝赵某颈部、胸部连续砍击数刀，致赵某当场死亡。经法医鉴定，赵某系被"
    "锐器砍击颈部致失血性休克死亡。被告人刘某某作案后逃离现场，于同年8月11日被公安机关抓获，归案后如实"
    "供述了上述事实。"
)
DAGGER_TO_BELLY_SIX_TIMES = (
    "公诉机关指控，2014年3月2日晚，被告人陈某因怀疑其妻与被害人孙某某有不正当关系，携带匕首到孙某某"
    "经营的某县某商店，持匕首朝孙某某腹部、背部捅刺六刀，致孙某某经抢救无效死亡。经鉴定，孙某某系被单刃刺"
    "器刺破肝脏致失血性休克死亡。当晚，被告人陈某被公安机关抓获。"
)
CLUB_BLOWS_AT_A_WORK_SITE = (
    "经审理查明，2016年9月20日下午，被告人马某某到某县某工地向包工头黄某索要工钱，二人发生争执，被"
    "告人马某某捡起一根木棒多次击打黄某头部、背部，致黄某倒地昏迷，黄某经送医院抢救无效于当晚死亡。经法医"
    "鉴定，黄某系钝性外力作用于头部致颅脑损伤死亡。次日，被告人马某某到派出所投案，如实供述了上述事实。"
)
KICKS_AND_PUNCHES_TO_DEATH = (
    "经审理查明，2018年1月5日凌晨，被告人吴某某与被害人郑某在某市某区某烧烤店喝酒时因言语不和发生争"
    "执，被告人吴某某对郑某拳打脚踢，致郑某倒地，郑某经送医院抢救无效于2018年1月7日死亡。经法医鉴定"
    "，郑某系头部遭受钝性外力作用致颅脑损伤死亡。被告人吴某某于案发当日被公安机关抓获，归案后如实供述了上"
    "述事实。"
)
ONE_STAB_TO_THE_THIGH = (
    "经审理查明，2017年7月12日晚，被告人周某与被害人钱某某在某县某村因宅基地纠纷发生打斗，被告人周"
    "某持水果刀朝钱某某大腿刺了一刀，致钱某某股动脉破裂，钱某某经送医院抢救无效死亡。被告人周某在现场等候"
    "，公安民警到达后将其抓获，其如实供述了上述事实。"
)
PUSH_HEAD_ON_THE_STEP = (
    "经审理查明，2015年10月3日上午，被告人何某某与邻居许某（男，殁年68岁）因排水沟问题发生口角，"
    "其间被告人何某某用手推了许某一把，许某向后摔倒，头部磕在台阶上，经送医院抢救无效于当日死亡。经法医鉴"
    "定，许某系头部撞击硬物致颅脑损伤死亡。被告人何某某于案发后主动投案，如实供述了上述事实。"
)
CAR_HITS_A_PEDESTRIAN = (
    "经审理查明，2016年12月4日18时许，被告人罗某驾驶闽D×××××号小型轿车沿某县某公路由南向北"
    "行驶至某村路口时，因未注意观察路面情况，撞倒横过道路的行人冯某某，致冯某某受伤。经鉴定，冯某某的损伤"
    "程度为重伤二级。经某县公安局交通警察大队认定，被告人罗某负事故的主要责任。事故发生后，被告人罗某报警"
    "并在现场等候处理，如实供述了事故经过。"
)
DRIVER_BEATS_AFTER_A_SCRAPE = (
    "经审理查明，2017年4月8日上午，被告人唐某驾驶小型轿车行至某市某路段时，与被害人曹某驾驶的电动车"
    "发生刮擦，二人发生争执，被告人唐某下车后持钢管多次击打曹某头部，致曹某颅骨骨折。经鉴定，曹某的损伤程"
    "度为重伤二级。被告人唐某于同日被公安机关抓获。"
)
STALL_FEES_TAKEN_BY_FORCE = (
    "经审理查明，2017年2月至4月间，被告人邓某某伙同他人在某县某集贸市场内，以收取“管理费”为名，多"
    "次向摊主严某、韩某某等人强行索要现金共计人民币2400元。2017年4月9日，摊主韩某某拒绝交钱，被"
    "告人邓某某即对其拳打脚踢，并将其摊位上的水果掀翻在地，致韩某某轻微伤。2017年4月20日，被告人邓"
    "某某被公安机关抓获，归案后如实供述了上述事实。"
)
THREAT_TO_EXPOSE_AN_AFFAIR = (
    "经审理查明，2016年5月，被告人江某得知被害人邱某与他人有不正当关系后，多次以将此事告知邱某家人相"
    "要挟，向邱某索要人民币3万元，邱某因害怕被迫分两次向被告人江某转账共计人民币3万元。2016年7月2"
    "日，被告人江某被公安机关抓获。"
)

INFERRED = [
    ("stab_chest_repeatedly_dies", CLEAVER_TO_NECK_AND_CHEST, "故意杀人"),
    ("knife_to_the_abdomen_many_times", DAGGER_TO_BELLY_SIX_TIMES, "故意杀人"),
    ("club_blows_to_the_head_over_wages", CLUB_BLOWS_AT_A_WORK_SITE, "故意伤害"),
    ("kicks_and_punches_in_a_fight_dies", KICKS_AND_PUNCHES_TO_DEATH, "故意伤害"),
    ("one_stab_to_the_thigh_dies", ONE_STAB_TO_THE_THIGH, "故意伤害"),
    ("push_in_a_quarrel_head_hits_the_step", PUSH_HEAD_ON_THE_STEP, "过失致人死亡"),
    ("car_hits_a_pedestrian_serious_injury", CAR_HITS_A_PEDESTRIAN, "交通肇事"),
    ("driver_beats_the_other_driver_after_a_scrape", DRIVER_BEATS_AFTER_A_SCRAPE, "故意伤害"),
    ("protection_money_from_stalls_taken_by_force", STALL_FEES_TAKEN_BY_FORCE, "寻衅滋事"),
    ("threat_to_expose_an_affair_for_money", THREAT_TO_EXPOSE_AN_AFFAIR, "敲诈勒索"),
]


@pytest.mark.parametrize(("text", "charge"), [row[1:] for row in INFERRED], ids=[row[0] for row in INFERRED])
def test_the_charge_is_inferred_from_the_conduct_told(text, charge):
    assert infer_charges(text) == [charge]


@pytest.mark.parametrize("read_as", ["过失致人死亡", "故意伤害", "重大责任事故"])
def test_stabs_into_vital_parts_to_death_are_a_killing(read_as):
    assert by_distinctions(DAGGER_TO_BELLY_SIX_TIMES, [read_as]) == ["故意杀人"]


def test_one_stab_to_a_limb_and_a_beating_stay_an_injury_that_kills():
    assert by_distinctions(ONE_STAB_TO_THE_THIGH, ["故意伤害"]) == ["故意伤害"]
    assert by_distinctions(KICKS_AND_PUNCHES_TO_DEATH, ["故意伤害"]) == ["故意伤害"]


@pytest.mark.parametrize("read_as", ["过失致人死亡", "重大责任事故"])
def test_blows_that_kill_are_an_intentional_injury(read_as):
    assert by_distinctions(CLUB_BLOWS_AT_A_WORK_SITE, [read_as]) == ["故意伤害"]


def test_a_push_and_a_fall_stay_a_negligent_death():
    assert by_distinctions(PUSH_HEAD_ON_THE_STEP, ["过失致人死亡"]) == ["过失致人死亡"]


def test_a_death_by_mishap_stays_negligent_though_a_knife_is_told():
    text = "经审理查明，被告人甲在厨房切菜时与乙嬉闹，不慎将手中菜刀划向乙胸部，致乙经抢救无效死亡。"
    assert by_distinctions(text, ["过失致人死亡"]) == ["过失致人死亡"]


@pytest.mark.parametrize("read_as", ["故意伤害", "过失致人重伤"])
def test_a_road_collision_injury_is_a_traffic_accident(read_as):
    assert by_distinctions(CAR_HITS_A_PEDESTRIAN, [read_as]) == ["交通肇事"]


def test_blows_after_a_collision_stay_an_injury():
    assert by_distinctions(DRIVER_BEATS_AFTER_A_SCRAPE, ["故意伤害"]) == ["故意伤害"]


def test_money_taken_by_force_openly_is_provoking_trouble_and_a_threat_stays_blackmail():
    assert by_distinctions(STALL_FEES_TAKEN_BY_FORCE, ["敲诈勒索"]) == ["寻衅滋事"]
    assert by_distinctions(THREAT_TO_EXPOSE_AN_AFFAIR, ["敲诈勒索"]) == ["敲诈勒索"]


def test_a_debt_claimed_by_force_is_no_provoking_trouble():
    text = "经审理查明，被告人甲因乙欠其货款8000元未还，多次到乙家中强行索要，并拿走乙家中的电视机一台。"
    assert by_distinctions(text, ["敲诈勒索"]) == ["敲诈勒索"]


def test_unlawful_detention_needs_a_person_held():
    beaten = "经审理查明，被告人甲向乙索要欠款未果，即用拳头殴打乙，致乙轻微伤。"
    held = "经审理查明，被告人甲因乙欠其赌债3万元未还，将乙带至某宾馆房间内看管两天，不让其离开。"
    assert not states_requirements(beaten, "非法拘禁")
    assert states_requirements(held, "非法拘禁")
    driven_off = (
        "经审理查明，被告人甲为索取债务，伙同他人将乙带上汽车拉到邻县一村庄，次日在公安机关介入后将乙释放。"
    )
    released_long_ago = "经审理查明，被告人甲曾因犯盗窃罪被判处有期徒刑一年，2015年3月刑满释放。2016年5月，甲殴打乙致其轻微伤。"
    assert states_requirements(driven_off, "非法拘禁")
    assert not states_requirements(released_long_ago, "非法拘禁")


def test_a_beating_of_strangers_for_no_cause_cues_provoking_trouble():
    at_random = (
        "一、2017年3月2日晚，被告人甲在某县某网吧内，无故对正在上网的乙、丙二人拳打脚踢，致二人轻微伤。"
    )
    over_a_quarrel = "二、2017年4月5日，被告人甲与丁因琐事发生争执，对丁拳打脚踢，致丁轻伤二级。"
    assert "寻衅滋事" in cued_charges(at_random)
    assert "寻衅滋事" not in cued_charges(over_a_quarrel)
    assert by_distinctions(at_random, ["故意伤害"]) == ["寻衅滋事"]
    assert by_distinctions(over_a_quarrel, ["故意伤害"]) == ["故意伤害"]
