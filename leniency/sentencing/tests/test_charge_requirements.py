"""What a charge's statute cannot be without (standards/charge_elements.yaml `requires`; issue 16 class 8).

A charge whose article names an object or a conduct (脱逃: a person held in custody who escapes; 单位行贿: a unit that
gives) is not inferred from a fact that never mentions it. One fact text on each side of every rule, written for
these tests."""

import pytest

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.charge_inference import ChargeModel, charge_elements, states_requirements

THEFT = "被告人甲趁被害人乙不备，盗走乙放在桌上的手机一部，经鉴定价值人民币2630元。"
INJURY = "被告人甲因琐事与被害人乙发生争执，持刀将乙砍伤，经鉴定乙的损伤程度为轻伤一级。"

# (charge, a fact of the charge, a fact of another charge that lacks what the statute needs)
SIDES = [
    (
        "脱逃",
        "被告人甲因涉嫌盗窃被羁押于某县看守所，趁看守人员不备翻越围墙脱逃，次日被抓获。",
        "被告人甲在长江禁渔期内使用电捕鱼方法捕鱼，被执法人员发现后逃离现场。",
    ),
    (
        "劫夺被押解人员",
        "民警将犯罪嫌疑人乙押解回看守所途中，被告人甲驾车拦截，将乙从警车上劫走。",
        "被告人甲在乘车途中趁车上人员不备，盗走被害人乙包内的摄像机一台。",
    ),
    (
        "破坏监管秩序",
        "被告人甲在某监狱服刑期间，因琐事殴打同监区罪犯乙，致乙轻微伤。",
        INJURY,
    ),
    (
        "持有、使用假币",
        "被告人甲明知是假币而持有，在集市上使用面额100元的假人民币购物，被摊主发现。",
        "被告人甲为泄私愤，用石头将被害人乙的汽车车窗玻璃砸坏，经鉴定损失价值人民币3000元。",
    ),
    (
        "出售、购买、运输假币",
        "被告人甲以人民币2000元的价格从乙处购买假币面额共计人民币1万元。",
        "被告人甲以谈恋爱为名，骗取被害人乙人民币2万元。",
    ),
    (
        "虚报注册资本",
        "被告人甲在申请公司登记时，使用虚假的验资报告，虚报注册资本人民币500万元，取得公司登记。",
        "被告人甲虚构投资服装城生意的事实，骗取被害人乙人民币200万元。",
    ),
    (
        "拒不执行判决、裁定",
        "人民法院判决被告人甲偿还乙借款10万元，判决生效后甲有能力执行而拒不执行，并将房产转移至他人名下。",
        "被告人甲与乙登记结婚后，在婚姻关系存续期间又与丙以夫妻名义同居生活。",
    ),
    (
        "伪造、变造、买卖国家机关公文、证件、印章",
        "被告人甲以人民币20元的价格将一本伪造的《流动人口婚育证明》贩卖给乙。",
        "被告人甲在其经营的饭馆二楼设置麻将桌三台，供他人赌博，从中抽头渔利。",
    ),
    (
        "伪造公司、企业、事业单位、人民团体印章",
        "被告人甲私刻某皮革有限公司的公司章、财务专用章各一枚，用于对外签订合同。",
        "被告人甲伙同他人当众剥光被害人乙的上衣并录像，在微信群中传播，对乙进行侮辱。",
    ),
    (
        "单位行贿",
        "被告单位某建筑有限公司为承揽工程，经公司决定，由法定代表人甲送给某局局长乙现金人民币30万元。",
        "被告人甲酒后使用冲击钻将某电子有限公司的轿车挡风玻璃损坏，经鉴定维修费用为11240元。",
    ),
    (
        "非法采矿",
        "被告人甲在未取得采矿许可证的情况下，擅自在河道内开采河砂5000吨。",
        "被告人甲采取秘密手段多次盗窃他人财物，数额巨大。",
    ),
    (
        "危险物品肇事",
        "被告人甲违反爆炸物品管理规定，在爆破作业中违规装填炸药，发生爆炸事故，致一人死亡。",
        "被告人甲因家庭琐事持砖头、铁棍砸坏邻居家的玻璃及窗户框。",
    ),
    (
        "生产、销售不符合安全标准的食品",
        "被告人甲将病死猪肉加工成腊肉销售，经检验菌落总数超出食品安全标准。",
        "被告人甲在路边以人民币20元的价格贩卖伪造的证明一本。",
    ),
    (
        "生产、销售、提供假药",
        "被告人甲在无药品经营许可证的情况下，在集市上销售假药“壮骨胶囊”50瓶。",
        "被告人甲在其经营的饭馆二楼设置麻将桌三台，供他人赌博，从中抽头渔利。",
    ),
    (
        "非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物",
        "被告人甲从网上购买枪支配件，在家中组装成以火药为动力的枪支两支出售。",
        "被告人甲将获取的罂粟果种子种植在家门口空地上，经清点共有罂粟植株600株。",
    ),
    (
        "容留他人吸毒",
        "被告人甲在其租住的房间内，容留乙、丙吸食甲基苯丙胺。",
        "被告人甲在其经营的足浴店内容留他人卖淫，每次收取台费50元。",
    ),
    (
        "重大责任事故",
        "被告人甲在施工作业中违反安全管理规定，未设置防护设施，致工人乙坠落死亡。",
        "被告人甲将被害人乙从派出所带出后，对乙进行殴打逼取口供。",
    ),
    (
        "危害国家重点保护植物",
        "被告人甲在林场内非法采伐国家一级保护树种红豆杉一株，并运往外地出售。",
        "被告人甲在KTV内因陪唱钟点与乙发生矛盾，持酒瓶将乙打伤。",
    ),
    (
        "破坏电力设备",
        "被告人甲剪断正在使用的10千伏高压输电线路铝绞线200米，造成附近村庄停电。",
        "被告人甲驾驶轿车追赶被害人乙驾驶的轿车，并故意撞击乙车尾部。",
    ),
    (
        "徇私舞弊不移交刑事案件",
        "被告人甲系某县工商局执法人员，在查处乙销售伪劣产品案件中收受好处，对应当移交公安机关的案件不移交。",
        "被告人甲经营的快餐店在路边设摊，执法人员前来查处时，甲持木棍殴打执法人员。",
    ),
    (
        "窃取、收买、非法提供信用卡信息",
        "被告人甲在其经营的加油站安装侧录器，窃取顾客的银行卡磁条信息300余条。",
        "被告人甲申领一张信用卡后透支消费，经银行两次催收超过三个月仍不归还。",
    ),
    (
        "重婚",
        "被告人甲在与乙婚姻关系存续期间，又与丙以夫妻名义共同生活。",
        "被告人甲在歌厅包房内强行搂抱被害人乙，并抚摸乙的胸部。",
    ),
    (
        "职务侵占",
        "被告人甲利用担任班主任代收学费的职务便利，将代收的学费共计人民币12万元占为已有。",  # 已: the slip judgments make
        "被告人甲利用担任村委会主任的职务便利，将村集体资金14万元挪出，用于支付自己经营的眼镜厂支出。",
    ),
    (
        "挪用资金",
        "被告人甲利用担任村委会主任的职务便利，将村集体资金14万元挪出，用于支付自己经营的眼镜厂支出。",
        "被告人甲利用担任某支行行长的职务便利，逢年过节收受某公司总经理乙现金共5万元。",
    ),
    (
        "走私、贩卖、运输、制造毒品",
        "被告人甲在某宾馆门口以人民币300元的价格将甲基苯丙胺0.5克卖给吸毒人员乙。",
        "民警在被告人甲的住处查获甲基苯丙胺15.2克，毒品系甲从他人处购得后本人吸食所余。",
    ),
    (
        "非法持有毒品",
        "民警在被告人甲的住处查获甲基苯丙胺15.2克，毒品系甲从他人处购得后本人吸食所余。",
        "被告人甲在某宾馆门口以人民币300元的价格将一部手机卖给乙。",
    ),
    (
        "滥伐林木",
        "被告人甲在未办理林木采伐许可证的情况下，砍伐其承包山林内的杉树200棵。",
        "被告人甲驾驶拖拉机将林地上的杨树幼苗耙倒后，在林地上播种黄豆。",
    ),
    (
        "盗伐林木",
        "被告人甲明知山坡上的杉树属村集体所有，仍雇请工人砍伐杉树131棵。",
        "被告人甲驾驶拖拉机将林地上的杨树幼苗耙倒后，在林地上播种黄豆。",
    ),
    (
        "开设赌场",
        "被告人甲在其经营的饭馆二楼设置麻将桌三台，供他人赌博，从中抽头渔利。",
        "被告人甲趁被害人乙不备，抢夺走乙的挎包一个，内有手机两部及现金545元。",
    ),
    (
        "赌博",
        "被告人甲以营利为目的，多次纠集他人以“推牌九”方式赌博，抽头获利2万元。",
        "被告人甲趁被害人乙不备，抢夺走乙的挎包一个，内有手机两部及现金545元。",
    ),
    (
        "破坏交通工具",
        "被告人甲为报复，用钢锯将乙停放的大客车刹车油管割断，足以使客车发生倾覆危险。",
        "被告人甲在乘车途中趁车上人员不备，盗走被害人乙包内的摄像机一台。",
    ),
    (
        "破坏易燃易爆设备",
        "被告人甲在输油管道上打孔安装阀门，盗取原油，致管道泄漏。",
        "被告人甲在乘车途中趁车上人员不备，盗走被害人乙包内的摄像机一台。",
    ),
    (
        "强奸",
        "被告人甲将被害人乙拖至路边草丛中，采用捂嘴、殴打等手段，强行与乙发生性关系。",
        "被告人甲明知自己患有梅毒，仍在宾馆房间内与乙发生性关系，离开时窃走乙的笔记本电脑一台。",
    ),
    (
        "抢夺",
        "被告人甲在某路口趁被害人乙不备，抢夺走乙的挎包一个，内有手机两部及现金545元。",
        "被告人甲在乘车途中趁车上人员不备，盗走被害人乙包内的摄像机一台。",
    ),
    (
        "非法处置查封、扣押、冻结的财产",
        "人民法院依法查封被告人甲的轿车一辆后，甲将该车私自开走变卖，得款8万元。",
        "被告人甲明知自己患有梅毒，仍在宾馆房间内与乙发生性关系，离开时窃走乙的笔记本电脑一台。",
    ),
    (
        "破坏交通设施",
        "被告人甲在某国道上盗割道路护栏钢管30根，足以使行驶的汽车发生倾覆危险。",
        "被告人甲在乘车途中趁车上人员不备，盗走被害人乙包内的摄像机一台。",
    ),
    (
        "遗弃",
        "被告人甲对其年老患病、无独立生活能力的母亲负有赡养义务而拒绝赡养，将其弃置于野外。",
        "被告人甲将邻居家的女孩乙（女，9岁）骗至家中，脱下乙的裤子，用手抚摸乙的下体。",
    ),
    (
        "非法组织卖血",
        "被告人甲未经批准，在医院门口招募多人有偿献血，从中收取介绍费，共组织他人出卖血液20余次。",
        "被告人甲将病死猪肉加工成腊肉销售，经检验菌落总数超出食品安全标准。",
    ),
    (
        "聚众哄抢",
        "被告人甲纠集村民二十余人，将货车侧翻后散落在路边的橘子哄抢一空，价值3万元。",
        "民警在被告人甲的住处查获甲基苯丙胺15.2克，毒品系甲从他人处购得后本人吸食所余。",
    ),
    (
        "窝藏、转移、隐瞒毒品、毒赃",
        "被告人甲明知乙贩卖毒品，仍为乙在其家中窝藏甲基苯丙胺200克。",
        "被告人甲因琐事与邻居乙发生争执，持刀将乙砍伤，经鉴定乙的损伤程度为轻伤一级。",
    ),
    (
        "妨害公务",
        "某派出所民警接警后到现场处警，被告人甲不服从管理，对正在执行职务的民警乙拳打脚踢。",
        "被告人甲在汽车站对面的烟酒店以九十元的价格出售含西地那非成分的“藏药王”一盒，后被民警抓获。",
    ),
    (
        "抢劫",
        "被告人甲持匕首拦住被害人乙，抢走乙的挎包，包内有现金人民币2000元。",
        "被告人甲从网上购买三部打鱼机，摆放在其经营的电玩城内供他人赌博。",
    ),
    (
        "敲诈勒索",
        "被告人甲给某公司负责人乙发短信，称掌握了该公司的内部信息，要求乙向其账户汇款5万元，否则公开。",
        "被告人甲谎称以租车的名义将被害人乙的轿车骗走后，将车抵押给他人借款15000元。",
    ),
    (
        "组织卖淫",
        "被告人甲在其经营的宾馆内招募、管理卖淫女五名，安排其向嫖客提供性服务。",
        "被告人甲在其经营的饭馆二楼设置麻将桌三台，供他人赌博，从中抽头渔利。",
    ),
    (
        "引诱、容留、介绍卖淫",
        "被告人甲在其经营的足浴店内容留乙、丙卖淫，每次收取台费50元。",
        "被告人甲在其租住的房间内，容留乙、丙吸食甲基苯丙胺。",
    ),
]


def test_every_charge_of_the_table_is_tested_on_both_sides():
    tested = {charge for charge, _, _ in SIDES}
    rules = charge_elements()["requires"]
    sharing = {c for c in rules if rules[c] is rules["组织卖淫"]}  # one rule for arts. 358-359
    assert set(rules) - tested <= sharing - {"组织卖淫", "引诱、容留、介绍卖淫"}
    assert tested <= set(rules)


@pytest.mark.parametrize("charge", sorted(charge_elements()["requires"]))
def test_every_requirement_is_a_charge_of_the_catalogue_with_its_article(charge):
    assert find_charge(charge).name == charge
    assert "刑法第" in charge_elements()["requires"][charge]["source"]


@pytest.mark.parametrize(("charge", "fact", "other"), SIDES, ids=[s[0] for s in SIDES])
def test_a_fact_of_the_charge_states_what_its_statute_needs(charge, fact, other):
    assert states_requirements(fact, charge)


@pytest.mark.parametrize(("charge", "fact", "other"), SIDES, ids=[s[0] for s in SIDES])
def test_a_fact_that_never_names_it_does_not_meet_the_charge(charge, fact, other):
    assert not states_requirements(other, charge)


def test_the_wording_real_judgments_use_meets_the_requirement():
    """拒不执行: hiding assets so that a judgment cannot be enforced (法释〔2015〕16号 art. 2); 单位行贿: an
    'improper reward' paid to the official."""
    assert states_requirements(
        "被告人甲明知对某民事判决负有履行义务，在执行期间故意隐藏财产，致使判决无法执行。",
        "拒不执行判决、裁定",
    )
    assert states_requirements(
        "被告单位某商业有限公司及其法定代表人甲为分享石油业务的利益，向国家工作人员乙支付不正当报酬20万元。",
        "单位行贿",
    )


def test_a_charge_without_a_rule_is_not_held_back():
    assert states_requirements(THEFT, "盗窃")


def _model(profiles: dict[str, dict[str, float]]) -> ChargeModel:
    idf = {gram: 3.0 for profile in profiles.values() for gram in profile}
    return ChargeModel({"n_cases": 2, "default_idf": 1.0, "idf": idf, "profiles": profiles})


def test_a_candidate_lacking_what_its_statute_needs_is_passed_over_for_the_next():
    """A theft told on a bus, whose words a case profile of escapes happens to share (乘车, 不备, 盗走 …), is theft:
    nothing in it is held in custody."""
    text = "被告人甲在乘车途中趁车上人员不备，盗走被害人乙包内的摄像机一台，价值人民币7800元。"
    model = _model(
        {"脱逃": {"乘车": 0.6, "途中": 0.6, "不备": 0.5}, "盗窃": {"盗走": 0.6, "摄像": 0.5, "像机": 0.4}}
    )
    assert model.candidates(text, limit=2)[0].charge == "脱逃"  # the profiles alone would say escape
    assert model.charges(text) == ["盗窃"]


def test_a_candidate_a_distinction_reads_as_its_neighbour_is_kept_for_it():
    """强奸 needs force or a victim who cannot resist (art. 236); indecent acts on a child without them are not
    dropped with 强奸 but read as 猥亵儿童 (art. 237 para. 3), the distinction the fact states."""
    text = "被告人甲将邻居家的女孩乙（女，9岁）骗至家中，脱下乙的裤子，用手抚摸乙的下体。"
    model = _model({"强奸": {"女孩": 0.7, "裤子": 0.7, "下体": 0.7}, "盗窃": {"家中": 0.2}})
    assert model.candidates(text, limit=1)[0].charge == "强奸"
    assert not states_requirements(text, "强奸")
    assert model.charges(text) == ["猥亵儿童"]


def test_a_candidate_stating_what_its_statute_needs_is_kept():
    text = "被告人甲因涉嫌盗窃被羁押于某县看守所，趁看守人员不备翻越围墙脱逃，次日被抓获。"
    model = _model({"脱逃": {"看守": 0.6, "不备": 0.6, "翻越": 0.6}, "盗窃": {"盗窃": 0.3}})
    assert model.candidates(text, limit=1)[0].charge == "脱逃"
    assert model.charges(text)[0] == "脱逃"


# 刑法第393条 / 第389条
UNIT_BRIBE = "被告单位某建筑有限公司为承揽工程，经公司决定，由法定代表人甲送给某局局长乙现金人民币30万元。"
OWN_BRIBE = "被告人甲为让其儿子顺利入学，送给某中学校长乙现金人民币5万元。"
UNIT_BRIBE_FOR_HIMSELF = (
    "被告单位某贸易有限公司的法定代表人甲以公司名义送给某局局长乙人民币20万元，所得工程款归其个人所有。"
)


def test_a_bribe_a_unit_gives_is_unit_bribery():
    assert ChargeModel(None)._by_elements(UNIT_BRIBE, ["行贿"]) == ["单位行贿"]


def test_a_bribe_a_person_gives_for_himself_stays_bribery():
    assert ChargeModel(None)._by_elements(OWN_BRIBE, ["行贿"]) == ["行贿"]
    assert not states_requirements(OWN_BRIBE, "单位行贿")


def test_a_unit_bribe_whose_gains_went_to_the_person_is_his_bribery():
    """刑法第393条: 因行贿取得的违法所得归个人所有的，依照本法第三百八十九条、第三百九十条的规定定罪处罚."""
    assert ChargeModel(None)._by_elements(UNIT_BRIBE_FOR_HIMSELF, ["行贿"]) == ["行贿"]
