"""Related charges told apart by the element their statutes name: the second audit round of issue 16 class 8
(standards/charge_elements.yaml `distinctions` and `requires`). Fact texts written for these tests, one on each side
of every line; the last tests run the shipped charge model end to end (`extract`'s charges)."""

import pytest

from leniency.sentencing.extraction.charge_inference import ChargeModel, default_model

MODEL = ChargeModel(None)  # the statute profiles alone: the rules, not the data, decide here


def read(text: str, charge: str) -> list[str]:
    return MODEL._by_elements(text, [charge])


# 刑法第382条 / 第271条
EMBEZZLEMENT = "被告人甲系某镇政府财政所所长，属国家工作人员，利用管理财政资金的职务便利，采取虚列支出的手段侵吞公款人民币28万元。"
LAND_OFFICE = "被告人甲在担任某县国土资源局工作人员期间，利用负责发放征地补偿款的职务便利，虚报农户名单骗取补偿款15万元据为己有。"
CASHIER = "被告人甲系某县某贸易有限公司出纳，利用保管公司货款的职务便利，将货款人民币46000元截留后据为己有。"
PRIVATE_SHOP = (
    "被告人甲系某民营超市收银员，利用收取货款的职务便利，多次将收取的货款人民币46000元截留后据为己有。"
)


def test_a_state_functionarys_taking_through_his_post_is_embezzlement():
    assert read(EMBEZZLEMENT, "职务侵占") == ["贪污"]
    assert read(LAND_OFFICE, "职务侵占") == ["贪污"]


def test_a_company_employees_taking_stays_art_271_though_the_company_is_named_by_its_county():
    assert read(CASHIER, "职务侵占") == ["职务侵占"]
    assert read(PRIVATE_SHOP, "职务侵占") == ["职务侵占"]


def test_a_text_that_denies_the_state_post_stays_art_271():
    text = "被告人甲系某县自来水公司聘用的抄表员，不属于国家工作人员，利用职务便利将收取的水费3万元据为己有。"
    assert read(text, "职务侵占") == ["职务侵占"]


# 刑法第384条 / 第272条
PUBLIC_FUNDS = (
    "被告人甲系某县财政局会计，属国家工作人员，利用经管财政资金的职务便利，挪用公款人民币30万元用于个人购房。"
)
COMPANY_FUNDS = "被告人甲系某私营贸易公司出纳，利用管理公司账户的职务便利，将公司资金人民币20万元转入个人账户用于购买股票。"


def test_a_companys_money_used_by_its_staff_is_misappropriating_funds():
    assert read(COMPANY_FUNDS, "挪用公款") == ["挪用资金"]
    assert read(PUBLIC_FUNDS, "挪用公款") == ["挪用公款"]


def test_public_money_used_by_a_state_functionary_is_misappropriating_public_funds():
    assert read(PUBLIC_FUNDS, "挪用资金") == ["挪用公款"]
    assert read(COMPANY_FUNDS, "挪用资金") == ["挪用资金"]


# 刑法第133条 / 第133条之一 / 第233条
DEATH_ON_THE_ROAD = "被告人甲醉酒后驾驶小型轿车在某路段行驶，与横过道路的行人乙相撞，致乙当场死亡。经交警部门认定，甲负事故全部责任。"
DRUNK_ALONE = "被告人甲在道路上醉酒驾驶机动车，与停放路边的车辆发生刮擦，无人员受伤。经检验，其血液酒精含量为210.3mg/100ml。"


def test_driving_that_kills_is_traffic_accident_not_dangerous_driving():
    assert read(DEATH_ON_THE_ROAD, "危险驾驶") == ["交通肇事"]
    assert read(DRUNK_ALONE, "危险驾驶") == ["危险驾驶"]
    denied = "被告人甲醉酒后驾驶轿车撞上路边护栏，未造成人员重伤、死亡。经检验，其血液酒精含量为180mg/100ml。"
    assert read(denied, "危险驾驶") == ["危险驾驶"]


def test_a_death_by_driving_on_a_road_is_traffic_accident_not_negligent_homicide():
    assert read(DEATH_ON_THE_ROAD, "过失致人死亡") == ["交通肇事"]
    yard = "被告人甲在自家院内倒车时未注意观察，将在车后玩耍的侄子乙碾压致死。"
    assert read(yard, "过失致人死亡") == ["过失致人死亡"]


# 刑法第239条 / 第238条第3款 / 第274条 / 第263条
RANSOM = "被告人甲因缺钱，将放学途中的被害人乙（8岁）强行拽上面包车，关押于郊外废弃厂房，随后打电话向乙的父亲勒索赎金人民币100万元。"
DEBT = "被害人乙欠被告人甲货款人民币8万元未还。甲遂伙同他人将乙强行带至一出租屋内看管两天，要求乙的家人偿还欠款。"
BLACKMAIL = "被告人甲掌握被害人乙的婚外情照片后，多次发短信威胁乙，称如不给钱就将照片发给乙的妻子，乙被迫于三日后向甲转账人民币5万元。"
ON_THE_SPOT = (
    "被告人甲将被害人乙堵在楼道内，持匕首抵住乙的腰部，当场逼迫乙交出手机并用手机向其转账人民币6000元。"
)


def test_holding_a_child_for_ransom_is_kidnapping_not_blackmail():
    assert read(RANSOM, "敲诈勒索") == ["绑架"]
    assert read(BLACKMAIL, "敲诈勒索") == ["敲诈勒索"]


def test_holding_a_debtor_to_collect_a_debt_is_unlawful_detention():
    assert read(DEBT, "敲诈勒索") == ["非法拘禁"]
    assert read(DEBT, "绑架") == ["非法拘禁"]
    assert read(RANSOM, "绑架") == ["绑架"]


def test_money_taken_on_the_spot_at_knifepoint_is_robbery_not_blackmail():
    assert read(ON_THE_SPOT, "敲诈勒索") == ["抢劫"]


def test_a_threat_with_a_knife_is_not_read_as_blackmail_from_a_snatching():
    text = "被告人甲持水果刀拦住下班途中的被害人乙，以刀相威胁，劫取乙的现金人民币800元及手机一部。"
    assert read(text, "抢夺") == ["抢劫"]
    assert read("被告人甲以公开乙隐私相要挟，向乙索要人民币1万元。", "抢夺") == ["敲诈勒索"]


# 刑法第310条 / 第312条
HIDING = "被告人甲明知其弟乙因故意伤害他人被公安机关网上追逃，仍为乙提供住处藏匿两个月，并资助乙现金人民币5000元帮助其逃往外地。"
CASH_OUT = "被告人甲明知乙提供的银行卡内资金系电信诈骗所得，仍帮助乙在多台ATM机上取现人民币8万元，从中获取好处费2000元。"


def test_hiding_a_man_sought_for_an_injury_is_harbouring_not_the_injury():
    assert read(HIDING, "故意伤害") == ["窝藏、包庇"]
    own = "被告人甲持木棍击打乙头部致其轻伤一级，明知公安机关在追捕，仍在亲戚家藏匿两个月。"
    assert read(own, "故意伤害") == ["故意伤害"]


def test_cashing_out_anothers_fraud_proceeds_is_concealing_them():
    assert read(CASH_OUT, "诈骗") == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]
    assert read("被告人甲冒充客服，以办理退款为由骗取被害人乙人民币12000元。", "诈骗") == ["诈骗"]


# 刑法第192条 / 第176条；法释〔2022〕5号第七条
def test_deposits_squandered_or_taken_away_are_fundraising_fraud():
    squandered = "被告人甲以高额回报为诱饵向社会公众吸收资金320万元，所募资金大部分用于购买豪车及个人挥霍，案发后无法返还。"
    fled = "被告人甲以投资项目为名向社会公众集资150万元，将集资款转移至其亲属账户后携款潜逃。"
    assert read(squandered, "非法吸收公众存款") == ["集资诈骗"]
    assert read(fled, "非法吸收公众存款") == ["集资诈骗"]


def test_deposits_spent_on_the_business_stay_illegal_deposit_taking():
    farm = "被告人甲未经批准，以养殖场扩大规模为由向社会不特定人员吸收资金210万元，全部用于经营，后因亏损无法兑付。"
    denied = "被告人甲向社会公众吸收资金80万元后逃匿，但资金均用于公司经营，不具有非法占有目的。"
    assert read(farm, "非法吸收公众存款") == ["非法吸收公众存款"]
    assert read(denied, "非法吸收公众存款") == ["非法吸收公众存款"]


# 刑法第303条第1款 / 第2款
def test_gambling_machines_or_a_gambling_group_are_a_gambling_house():
    machines = "被告人甲在其经营的棋牌室内摆放赌博机五台供他人赌博，从中获利3万元。"
    group = "被告人甲建立微信群，组织群成员以抢红包方式赌博，设定赔率并按每局5%抽水。"
    mahjong = "被告人甲以营利为目的，多次聚集他人在其家中打麻将赌博，每次抽取台费，累计抽头6000元。"
    assert read(machines, "赌博") == ["开设赌场"]
    assert read(group, "赌博") == ["开设赌场"]
    assert read(mahjong, "赌博") == ["赌博"]


# the shipped model end to end: the charge `recommend` without --charge and `extract` give
@pytest.mark.parametrize(
    ("text", "charge"),
    [
        (EMBEZZLEMENT, "贪污"),
        (COMPANY_FUNDS, "挪用资金"),
        (DEATH_ON_THE_ROAD, "交通肇事"),
        (RANSOM, "绑架"),
        (DEBT, "非法拘禁"),
        (ON_THE_SPOT, "抢劫"),
        (
            "被告人甲持水果刀拦住下班回家的被害人乙，以刀相威胁，劫取乙身上现金人民币800元及手机一部。",
            "抢劫",
        ),
        (
            "被告人甲隐瞒其公司无实际经营的真相，以投资区块链项目为名向社会公众集资人民币150万元，"
            "将集资款转移至其亲属账户后携款潜逃。",
            "集资诈骗",
        ),
        (
            "被告人甲在担任某私营物流公司仓库保管员期间，利用保管货物的职务便利，"
            "将仓库内价值人民币9万元的电缆私自运出变卖，所得款项归个人所有。",
            "职务侵占",
        ),
    ],
    ids=[
        "embezzlement",
        "company-funds",
        "traffic-death",
        "ransom",
        "debt",
        "on-the-spot",
        "knife",
        "fled",
        "keeper",
    ],
)
def test_the_model_names_the_charge_whose_element_the_text_states(text, charge):
    assert default_model().charges(text)[0] == charge


def test_a_neighbour_reading_needs_the_neighbours_own_requirement():
    """A candidate a distinction reads as its neighbour is kept for it only where the fact states what the
    neighbour's statute needs: a warehouse keeper who sells the goods took them (art. 271); 挪用公款, read as
    挪用资金 for a company's keeper, is passed over, since nothing was used and returned (art. 272 needs 挪用)."""
    keeper = "被告人甲在担任某私营物流公司仓库保管员期间，利用保管货物的职务便利，将仓库内电缆私自运出变卖。"
    idf = {"仓库": 3.0, "保管": 3.0, "物流": 3.0, "变卖": 3.0}
    model = ChargeModel(
        {
            "n_cases": 2,
            "default_idf": 1.0,
            "idf": idf,
            "profiles": {"挪用公款": {"仓库": 0.7, "保管": 0.7, "物流": 0.7}, "职务侵占": {"变卖": 0.5}},
        }
    )
    assert model.candidates(keeper, limit=1)[0].charge == "挪用公款"
    assert model.charges(keeper) == ["职务侵占"]
