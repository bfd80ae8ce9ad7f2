"""The rules task E32 added to charge_elements.yaml, each on fact texts written here, one inside and one just outside.

Failure classes found on texts the engine had never seen (test_e32_charge_texts.py): related charges collapsing
(贪污 beside 挪用公款, the two paragraphs of art. 280, 妨害公务 and 袭警), a conduct word missing (容留 told as "在其住处…让
乙吸食", a child's or a woman's indecent assault, organising prostitution, personal information sold, an affray's
people counted by 名, art. 269's knife drawn), and long-tail charges whose profile is the statute's words alone crowding
the best places (出具证明文件重大失实, 对有影响力的人行贿, 拐骗儿童, the officials' and sellers' crimes about border
papers beside a crosser …).
"""

import pytest

from leniency.sentencing.extraction.charge_inference import ChargeModel, states_requirements
from leniency.sentencing.extraction.charges import charge_candidates
from leniency.sentencing.extraction.conduct_words import cued_charges

MODEL = ChargeModel(None)  # the statute profiles alone: the rules, not the data, decide here

PUBLIC_FUNDS_LENT = (
    "被告人甲系某县社会保险事业管理局财务股股长，属国家工作人员。甲利用职务便利，擅自将其经管的社会保险基金"
    "人民币80万元借给朋友乙用于经营活动，至案发时仍有30万元未归还。"
)
COMPANY_FUNDS_LENT = (
    "被告人甲系某物业服务有限公司会计，利用负责收取物业费的职务便利，将收取的物业费人民币18万元借给其表弟使用，"
    "案发时尚有10万元未归还。"
)
CLAIMED_ACQUAINTANCE = (
    "被告人甲谎称自己与某市人民医院领导关系密切，能帮被害人乙的儿子安排工作，以打点关系为由收取乙人民币6万元，"
    "后拒不退还。"
)
STATE_SEAL = "被告人甲私自找人刻制某区市场监督管理局公章一枚，并用该公章伪造该局出具的证明文件两份。"
COMPANY_SEAL = "被告人甲为承揽工程，私自找人刻制某建设工程有限公司公章及合同专用章各一枚。"
CROSSER = "被告人甲为到境外务工，在未办理出入境证件的情况下，经他人带领从某边境便道偷越国境至缅甸。"
POLICE_BLOW = "{date}，民警乙接警后到某饭店处置纠纷，被告人甲拒不配合，用拳头击打正在依法执行职务的民警乙头部，致乙轻微伤。"


def read(text: str, charge: str) -> list[str]:
    return MODEL._by_elements(text, [charge])


# 刑法第279条: 冒充国家机关工作人员, not a claimed closeness to one
def test_a_claimed_acquaintance_with_an_official_is_no_posing_as_one():
    assert read(CLAIMED_ACQUAINTANCE, "招摇撞骗") == ["诈骗"]
    assert read("被告人甲自称认识法院的人，能帮乙打赢官司，骗取乙人民币3万元。", "招摇撞骗") == ["诈骗"]


def test_posing_as_an_official_himself_stays_art_279():
    # below 数额巨大: from 3万 the heavier 诈骗 governs (法释〔2011〕7号第八条, test_e53_charge_rules)
    assert read("被告人甲谎称自己是市公安局民警，能帮乙办理户口，骗取乙人民币2万元。", "招摇撞骗") == [
        "招摇撞骗"
    ]


# 刑法第384条 / 第382条; 第272条 / 第271条
def test_public_money_lent_out_is_misappropriated_not_embezzled():
    assert read(PUBLIC_FUNDS_LENT, "贪污") == ["挪用公款"]


def test_public_money_lent_and_hidden_by_false_vouchers_stays_embezzlement():
    hidden = PUBLIC_FUNDS_LENT.replace("至案发时", "后用虚假发票平账，至案发时")
    assert read(hidden, "贪污") == ["贪污"]


def test_a_state_functionarys_lending_read_as_job_embezzlement_is_misappropriation_of_public_funds():
    assert read(PUBLIC_FUNDS_LENT, "职务侵占") == ["挪用公款"]


def test_a_state_functionarys_taking_for_good_stays_embezzlement():
    taken = "被告人甲系某镇人民政府财政所会计，利用经手扶贫资金的职务便利，采用虚列支出的手段套取资金23万元据为己有。"
    assert read(taken, "职务侵占") == ["贪污"]


def test_a_company_employees_lending_read_as_job_embezzlement_is_misappropriation_of_funds():
    assert read(COMPANY_FUNDS_LENT, "职务侵占") == ["挪用资金"]


def test_a_company_employees_goods_sold_off_stay_job_embezzlement():
    sold = "被告人甲系某物流有限公司仓库管理员，利用保管货物的便利，多次将仓库内的手机配件私自运出变卖，所得款项用于挥霍。"
    assert read(sold, "职务侵占") == ["职务侵占"]


# 刑法第277条第5款 (刑法修正案（十一）, in force 2021-03-01) and 第12条
def test_a_blow_to_a_police_officer_since_march_2021_is_assault_on_police():
    assert read(POLICE_BLOW.format(date="2021年3月5日"), "妨害公务") == ["袭警"]
    assert read(POLICE_BLOW.format(date="2023年1月"), "妨害公务") == ["袭警"]


def test_the_same_blow_before_march_2021_stays_obstruction():
    assert read(POLICE_BLOW.format(date="2021年2月28日"), "妨害公务") == ["妨害公务"]
    assert read(POLICE_BLOW.format(date="2019年8月"), "妨害公务") == ["妨害公务"]


def test_a_blow_to_an_auxiliary_officer_alone_stays_obstruction():
    auxiliary = POLICE_BLOW.format(date="2021年8月").replace(
        "正在依法执行职务的民警乙", "正在协助执法的辅警乙"
    )
    assert read(auxiliary, "妨害公务") == ["妨害公务"]


def test_a_blow_that_seriously_injures_the_officer_is_not_read_as_assault_on_police():
    serious = POLICE_BLOW.format(date="2021年8月").replace("轻微伤", "重伤二级")
    assert read(serious, "妨害公务") == ["妨害公务"]


# 刑法第280条第1款 / 第2款
def test_a_state_organs_seal_forged_is_art_280_paragraph_1():
    assert read(STATE_SEAL, "伪造公司、企业、事业单位、人民团体印章") == [
        "伪造、变造、买卖国家机关公文、证件、印章"
    ]
    assert read(STATE_SEAL, "伪造、变造、买卖国家机关公文、证件、印章") == [
        "伪造、变造、买卖国家机关公文、证件、印章"
    ]


def test_a_companys_seal_forged_is_art_280_paragraph_2():
    assert read(COMPANY_SEAL, "伪造、变造、买卖国家机关公文、证件、印章") == [
        "伪造公司、企业、事业单位、人民团体印章"
    ]
    assert read(COMPANY_SEAL, "伪造公司、企业、事业单位、人民团体印章") == [
        "伪造公司、企业、事业单位、人民团体印章"
    ]


def test_a_company_seal_beside_a_forged_licence_keeps_art_280_paragraph_1():
    licence = COMPANY_SEAL.replace("各一枚", "各一枚，并伪造该公司的营业执照")
    assert read(licence, "伪造、变造、买卖国家机关公文、证件、印章") == [
        "伪造、变造、买卖国家机关公文、证件、印章"
    ]


def test_a_village_committees_seal_is_decided_by_neither_rule():
    village = "被告人甲私自找人刻制某村村民委员会公章一枚，用于出具虚假的收入证明。"
    assert read(village, "伪造公司、企业、事业单位、人民团体印章") == [
        "伪造公司、企业、事业单位、人民团体印章"
    ]
    assert read(village, "伪造、变造、买卖国家机关公文、证件、印章") == [
        "伪造、变造、买卖国家机关公文、证件、印章"
    ]


# 法释〔2017〕13号第一条: recruiting and managing the prostitutes, here by taking a cut (抽成)
def test_recruiting_and_taking_a_cut_of_the_prostitutes_fee_is_organising():
    spa = "被告人甲租用某足浴店，招募乙、丙等6名女子从事卖淫活动，制定卖淫价格，统一安排接客，并按比例抽成。"
    assert read(spa, "引诱、容留、介绍卖淫") == ["组织卖淫"]


def test_letting_a_room_for_a_room_fee_stays_art_359():
    hotel = "被告人甲在其经营的宾馆内，容留乙在客房内从事卖淫活动，并向住店客人介绍，从中收取房费。"
    assert read(hotel, "引诱、容留、介绍卖淫") == ["引诱、容留、介绍卖淫"]


# 刑法第292条: the people gathered counted by 名 or named by who they are
VILLAGE_FIGHT = (
    "因灌溉用水纠纷，被告人甲召集本村二十余名村民手持锄头、木棍，与邻村村民在田间相互殴打，致双方多人受伤。"
)


def test_villagers_gathered_to_fight_the_other_side_is_an_affray():
    assert read(VILLAGE_FIGHT, "故意伤害") == ["聚众斗殴"]


def test_two_neighbours_fighting_is_no_affray():
    assert read("因灌溉用水纠纷，被告人甲与邻居乙在田间相互殴打，甲持锄头将乙打成轻伤。", "故意伤害") == [
        "故意伤害"
    ]


def test_an_affray_that_seriously_injures_stays_intentional_injury():
    assert read(VILLAGE_FIGHT.replace("多人受伤", "一人重伤"), "故意伤害") == ["故意伤害"]


# 刑法第269条: the threat of violence told by the knife drawn and brandished
SHOP_THEFT = "被告人甲在某超市内窃取香烟两条，出门时被保安乙发现拦住，甲为抗拒抓捕，{then}。"


def test_a_knife_drawn_to_resist_arrest_after_a_theft_is_robbery():
    # a single theft converted is robbery alone; the theft stays beside it only with other thefts told (E52)
    text = SHOP_THEFT.format(then="掏出随身携带的折叠刀向乙挥舞后逃离")
    assert read(text, "盗窃") == ["抢劫"]


def test_running_off_when_caught_after_a_theft_stays_theft():
    assert read(SHOP_THEFT.format(then="挣脱后逃离现场"), "盗窃") == ["盗窃"]


# conduct words (charge_elements.yaml `cues`), read where the profiles name nothing
CUES = [
    pytest.param(
        "容留他人吸毒",
        "被告人甲先后三次在其租住的房屋内提供吸毒工具，让乙、丙等人吸食甲基苯丙胺。",
        "被告人甲在其租住的房屋内吸食甲基苯丙胺时被民警当场查获。",
        id="harbouring_drug_use_told_without_the_word",
    ),
    pytest.param(
        "猥亵儿童",
        "被告人甲趁无人之机，将前来买东西的9岁女童乙抱至里屋，抚摸其胸部及下体。",
        "被告人甲趁无人之机，将前来买东西的15岁少女乙按在床上，强行抚摸其胸部及下体。",
        id="indecency_child_under_14_or_a_girl_of_15",
    ),
    pytest.param(
        "猥亵儿童",
        "被告人甲在教室内多次抚摸其班上女学生（均不满十四周岁）的隐私部位。",
        "被告人甲将邻居家的8岁女童乙骗至家中，对其实施奸淫。",
        id="indecency_child_age_after_the_touch_or_intercourse",
    ),
    pytest.param(
        "强制猥亵、侮辱",
        "被告人甲尾随女子乙至一偏僻巷道内，将乙按在墙上，强行搂抱、亲吻并抚摸其胸部。",
        "被告人甲与女友乙在宾馆房间内相互搂抱、亲吻。",
        id="indecent_assault_by_force_or_a_couples_embrace",
    ),
    pytest.param(
        "侵犯公民个人信息",
        "被告人甲拍摄快递面单上的收件人姓名、电话、地址等信息，累计出售给他人8000余条。",
        "被告人甲在网上查到乙的姓名、电话后，多次打电话辱骂乙。",
        id="personal_information_sold_or_looked_up",
    ),
    pytest.param(
        "引诱、容留、介绍卖淫",
        "被告人甲通过微信向他人介绍卖淫女，每次从中抽取介绍费100元。",
        "被告人甲在某宾馆房间内嫖娼时被民警当场查获。",
        id="introducing_prostitutes_or_a_client",
    ),
]


@pytest.mark.parametrize(("charge", "inside", "outside"), CUES)
def test_the_conduct_word_names_its_charge_on_one_side_only(charge, inside, outside):
    assert charge in cued_charges(inside)
    assert charge not in cued_charges(outside)


def test_a_girl_of_15_forced_is_read_as_indecent_assault():
    assert cued_charges("被告人甲将15岁少女乙按在床上，强行抚摸其胸部。")[:1] == ["强制猥亵、侮辱"]


# `requires`: what the statute cannot be without (the same form as test_charge_requirements.SIDES: the charge, a fact
# that states it, a fact just outside that does not)
REQUIREMENT_SIDES = [
    (
        "对有影响力的人行贿",
        "被告人甲为让其儿子通过招录考试，送给某局局长的妻子乙现金人民币5万元。",
        CLAIMED_ACQUAINTANCE,
    ),
    (
        "侵占",
        "被害人乙将一辆轿车交给被告人甲代为保管，甲擅自将车辆变卖，经乙多次索要拒不退还。",
        CLAIMED_ACQUAINTANCE,
    ),
    (
        "提供虚假证明文件",
        "被告人甲系某会计师事务所注册会计师，在为某公司验资时明知其注册资金未到位，仍出具虚假的验资报告。",
        STATE_SEAL,
    ),
    (
        "出具证明文件重大失实",
        "被告人甲系某资产评估有限公司评估师，严重不负责任，出具的资产评估报告有重大失实，致使银行损失500万元。",
        STATE_SEAL,
    ),
    (
        "拐骗儿童",
        "被告人甲趁被害人乙的家人不注意，将在路边玩耍的5岁男孩乙抱走，带至外省抚养。",
        "被告人甲在教室内多次抚摸其班上女学生（均不满十四周岁）的隐私部位。",
    ),
    (
        "引诱幼女卖淫",
        "被告人甲以给钱买衣服为诱饵，引诱13岁的乙在其出租屋内卖淫。",
        "被告人甲在教室内多次抚摸其班上女学生（均不满十四周岁）的隐私部位。",
    ),
    (
        "组织残疾人、儿童乞讨",
        "被告人甲以殴打相威胁，组织三名不满十四周岁的儿童在火车站乞讨，所得钱款均由甲收取。",
        "被告人甲在教室内多次抚摸其班上女学生（均不满十四周岁）的隐私部位。",
    ),
    (
        "负有照护职责人员性侵",
        "被告人甲系某中学教师，多次与其班上已满十四周岁不满十六周岁的女学生乙发生性关系。",
        "被告人甲系某中学教师，多次在教室内抚摸其班上女学生乙的胸部。",
    ),
    (
        "阻碍军人执行职务",
        "被告人甲驾车强行冲卡，并殴打正在执行警戒任务的武警战士乙，阻碍其执行职务。",
        POLICE_BLOW.format(date="2022年3月"),
    ),
    (
        "阻碍执行军事职务",
        "被告人甲系某部队士兵，在值班期间以暴力殴打前来检查的值班指挥人员乙，阻碍其执行职务。",
        POLICE_BLOW.format(date="2022年3月"),
    ),
    (
        "办理偷越国（边）境人员出入境证件",
        "被告人甲系某市公安局出入境管理支队民警，明知乙企图偷越国境，仍为其签发护照。",
        CROSSER,
    ),
    (
        "放行偷越国（边）境人员",
        "被告人甲系某边防检查站执勤人员，明知乙没有出境证件，仍予以放行。",
        CROSSER,
    ),
    ("出售出入境证件", "被告人甲将其持有的空白出入境通行证出售给乙，获利人民币2万元。", CROSSER),
    ("提供伪造、变造的出入境证件", "被告人甲为乙提供伪造的护照一本，供其出境使用。", CROSSER),
    ("骗取出境证件", "被告人甲以劳务输出为名，弄虚作假，为他人骗取护照、签证十余份。", CROSSER),
    ("组织他人偷越国（边）境", "被告人甲收取每人2万元费用，组织五人从云南边境偷越出境。", CROSSER),
    (
        "非法利用信息网络",
        "被告人甲建立微信群，在群内发布出售假证的信息，吸引他人购买。",
        "被告人甲明知他人利用信息网络实施犯罪，仍将其微信、支付宝收款码提供给他人收取资金。",
    ),
]


@pytest.mark.parametrize(
    ("charge", "fact", "other"), REQUIREMENT_SIDES, ids=[s[0] for s in REQUIREMENT_SIDES]
)
def test_a_requirement_is_met_by_a_fact_of_the_charge_and_not_by_the_one_just_outside(charge, fact, other):
    assert states_requirements(fact, charge)
    assert not states_requirements(other, charge)


def test_harbouring_drug_use_told_as_ones_own_place_meets_the_requirement():
    assert states_requirements("被告人甲在其住处让乙、丙吸食甲基苯丙胺。", "容留他人吸毒")
    assert not states_requirements("被告人甲在其住处吸食甲基苯丙胺。", "容留他人吸毒")


# 交通肇事's conduct words (charge_elements.yaml `conduct`, 刑法第133条, 法释〔2000〕33号第二条): its profile rests on one
# dev case, so a road accident did not rank it among the five candidates a person is shown
TRUCK = (
    "被告人甲驾驶重型货车在某路口右转弯时未注意观察，将骑电动自行车的乙撞倒碾压，致乙当场死亡。"
    "经交警部门认定，甲负事故全部责任。"
)


def test_a_road_accident_ranks_traffic_among_the_candidates_shown():
    assert "交通肇事" in [c.charge for c in charge_candidates(TRUCK, 5)]


def test_a_fall_on_a_building_site_does_not():
    site = "被告人甲在某工地施工时违反安全操作规程，未系安全带，致使工人乙从脚手架坠落死亡。"
    assert "交通肇事" not in [c.charge for c in charge_candidates(site, 5)]
