"""Neighbouring charges told apart by the element their statutes name (standards/charge_elements.yaml
`distinctions`; issue 16 class 8). One fact text on each side of every line, written for these tests."""

import pytest

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.charge_inference import ChargeModel, charge_elements

MODEL = ChargeModel(None)  # the statute profiles alone: the rules, not the data, decide here


def read(text: str, charge: str) -> list[str]:
    return MODEL._by_elements(text, [charge])


@pytest.mark.parametrize("rule", charge_elements()["distinctions"], ids=lambda r: f"{r['charge']}->{r['to']}")
def test_every_rule_names_charges_of_the_catalogue_and_its_article(rule):
    assert find_charge(rule["charge"]).name == rule["charge"]
    assert find_charge(rule["to"]).name == rule["to"]
    assert "刑法第" in rule["source"]


# 刑法第347条 / 第348条
SALE = "被告人甲在某宾馆门口以人民币300元的价格将甲基苯丙胺0.5克卖给吸毒人员乙，被民警当场抓获。"
HOLDING = "民警在被告人甲的住处查获甲基苯丙胺15.2克，甲对其非法持有毒品的事实供认不讳，毒品系其本人吸食所余。"


def test_holding_drugs_one_sells_is_selling():
    assert read(SALE, "非法持有毒品") == ["走私、贩卖、运输、制造毒品"]


def test_holding_drugs_without_a_sale_or_carriage_stays_holding():
    assert read(HOLDING, "非法持有毒品") == ["非法持有毒品"]


# 刑法第341条第1款 / 第2款
SPARROWS = (
    "被告人甲在禁猎期内使用粘网在村后山林中捕捉野生麻雀120只。经鉴定，麻雀系省一般保护的“三有”陆生野生动物。"
)
PANGOLIN = "被告人甲在山上使用铁夹猎捕穿山甲2只。经鉴定，穿山甲系国家一级重点保护野生动物。"


def test_hunting_wildlife_that_is_not_state_protected_is_illegal_hunting():
    assert read(SPARROWS, "危害珍贵、濒危野生动物") == ["非法狩猎"]


def test_hunting_a_state_protected_species_is_the_first_paragraph():
    assert read(PANGOLIN, "危害珍贵、濒危野生动物") == ["危害珍贵、濒危野生动物"]
    assert read(PANGOLIN, "非法狩猎") == ["危害珍贵、濒危野生动物"]
    assert read(SPARROWS, "非法狩猎") == ["非法狩猎"]


def test_a_species_said_not_to_be_state_protected_stays_illegal_hunting():
    text = "被告人甲在禁猎区内用弹弓打猎，捕杀野鸡3只，经鉴定野鸡不属于国家重点保护野生动物。"
    assert read(text, "非法狩猎") == ["非法狩猎"]


# 刑法第264条 / 第275条
SMASHING = "被告人甲因琐事与邻居乙发生矛盾，持铁棍将乙停放在路边的轿车玻璃砸坏，经鉴定损失价值人民币6000元。"
THEFT = "被告人甲趁无人之机撬开乙停放在路边的轿车车门，窃得车内现金人民币6000元，并将车窗玻璃砸坏。"


def test_damaging_property_without_taking_it_is_intentional_damage():
    assert read(SMASHING, "盗窃") == ["故意毁坏财物"]


def test_a_theft_that_also_breaks_a_window_stays_theft():
    assert read(THEFT, "盗窃") == ["盗窃"]


# 刑法第269条: a single theft converted by force on the spot is robbery alone ("依照本法第263条的规定定罪处罚", E52)
def test_violence_to_resist_arrest_after_a_theft_is_robbery():
    text = "被告人甲在菜市场扒窃被害人乙手机一部，逃离时被乙发现追赶，甲为抗拒抓捕持刀将乙刺伤后逃走。"
    assert read(text, "盗窃") == ["抢劫"]
    assert read(THEFT, "盗窃") == ["盗窃"]


# 刑法第267条 / 第274条 / 第263条
SNATCH = "被告人甲骑摩托车行至被害人乙身后，趁乙不备夺走其挎包，包内有现金人民币2000元。"
KNIFE = "被告人甲持匕首拦住被害人乙，抢走乙的挎包，包内有现金人民币2000元。"
BLACKMAIL = "被告人甲以将被害人乙的隐私照片发到网上相要挟，向乙索要人民币2万元，乙被迫转账。"


def test_snatching_stays_snatching():
    assert read(SNATCH, "抢夺") == ["抢夺"]


def test_snatching_with_a_weapon_or_force_is_robbery():
    assert read(KNIFE, "抢夺") == ["抢劫"]


def test_taking_by_threat_without_snatching_is_extortion():
    assert read(BLACKMAIL, "抢夺") == ["敲诈勒索"]


def test_a_threat_with_a_weapon_told_by_its_kind_is_robbery_not_extortion():
    # 刑法第263条 胁迫 on the spot; 劫取 is the statute's own word for the taking
    fruit_knife = "被告人甲在小巷内持水果刀威胁被害人乙，劫取其现金人民币800元及手机一部。"
    assert read(fruit_knife, "抢夺") == ["抢劫"]
    assert read("被告人甲在小巷内持铁棍威胁被害人乙，索要现金人民币800元。", "抢夺") == ["抢劫"]
    video = "被告人甲在小巷内拦住被害人乙，扬言如不给钱就将偷拍乙的视频发到网上，索要现金人民币800元。"
    assert read(video, "抢夺") == ["敲诈勒索"]


# 刑法第236条 / 第237条
CHILD = "被告人甲将邻居家的女孩乙（女，9岁）骗至家中，脱下乙的裤子，用手抚摸乙的下体。"
ADULT = "被告人甲在公交车上趁被害人乙（女，25岁）熟睡，强行搂抱、亲吻乙并抚摸其胸部。"
RAPE = "被告人甲将被害人乙（女，22岁）拖至路边草丛中，采用捂嘴、殴打等手段，强行与乙发生性关系。"


def test_indecent_acts_on_a_child_without_intercourse_are_child_molestation():
    assert read(CHILD, "强奸") == ["猥亵儿童"]


def test_forced_indecent_acts_on_an_adult_without_intercourse_are_indecent_assault():
    assert read(ADULT, "强奸") == ["强制猥亵、侮辱"]


def test_forced_intercourse_stays_rape():
    assert read(RAPE, "强奸") == ["强奸"]


# 刑法第385条 / 第163条
COMPANY = "被告人甲在担任某物业管理有限公司副总经理期间，利用职务上的便利，收受装修承包商乙所送的好处费人民币20万元，后被公安机关抓获。"
OFFICIAL = (
    "被告人甲在担任某县国土资源局局长期间，利用职务上的便利，为乙办理用地审批，收受乙所送的人民币20万元。"
)


def test_a_company_manager_who_takes_bribes_is_a_non_state_functionary():
    assert read(COMPANY, "受贿") == ["非国家工作人员受贿"]


def test_a_state_functionary_who_takes_bribes_stays_bribery():
    assert read(OFFICIAL, "受贿") == ["受贿"]


# 刑法第143条 / 第144条
BORAX = "被告人甲在生产米糕的过程中添加硼砂以增加韧性，并将米糕销售给附近居民。"
SPOILED = "被告人甲将病死猪肉加工成腊肉销售，经检验菌落总数超出食品安全标准，足以造成严重食物中毒事故。"


def test_food_with_a_toxic_non_food_substance_is_article_144():
    assert read(BORAX, "生产、销售不符合安全标准的食品") == ["生产、销售有毒、有害食品"]


def test_food_below_the_safety_standard_stays_article_143():
    assert read(SPOILED, "生产、销售不符合安全标准的食品") == ["生产、销售不符合安全标准的食品"]


# 刑法第177条之一
CARDS = "被告人甲指使他人冒用他人身份证办理银行卡，共骗领信用卡16张后交由甲出售。"
CARD_DATA = "被告人甲在其经营的加油站安装侧录器，窃取顾客的信用卡信息资料共300余条出售给他人。"


def test_obtaining_cards_with_others_identity_papers_is_obstructing_card_management():
    assert read(CARDS, "窃取、收买、非法提供信用卡信息") == ["妨害信用卡管理"]


def test_stealing_card_data_stays_card_data_theft():
    assert read(CARD_DATA, "窃取、收买、非法提供信用卡信息") == ["窃取、收买、非法提供信用卡信息"]


# 刑法第248条
GUARD = (
    "被告人甲系某看守所管教民警，因在押人员乙不服管理，甲在谈话室内用手抽打乙的头部、脚踢其腹部，致乙轻微伤。"
)
GUARD_DEATH = "被告人甲系某看守所管教民警，因在押人员乙不服管理，甲在谈话室内持警棍殴打乙，致乙重伤。"
STREET = "被告人甲因琐事与乙发生争执，持木棒击打乙的头部，致乙轻伤二级。"


def test_a_custodial_officer_beating_a_detainee_is_abuse_of_detainees():
    assert read(GUARD, "故意伤害") == ["虐待被监管人"]


def test_a_custodial_officers_beating_that_maims_stays_intentional_injury():
    """刑法第248条: 致人伤残、死亡的，依照第234条、第232条的规定定罪从重处罚."""
    assert read(GUARD_DEATH, "故意伤害") == ["故意伤害"]
    assert read(STREET, "故意伤害") == ["故意伤害"]


def test_a_user_who_buys_drugs_from_a_dealer_holds_them():
    """The sale 第347条 needs is the defendant's own, not the dealer's he bought from."""
    text = "被告人甲从贩毒人员乙处以800元的价格购买甲基苯丙胺12克，带回住处后被民警查获，乙涉嫌贩卖毒品一案已另案处理。"
    assert read(text, "非法持有毒品") == ["非法持有毒品"]


# 刑法第233条 / 第235条 / 第234条
SLIP = "被告人甲与乙在宿舍内打闹，甲挥舞水果刀时不慎捅伤前来劝阻的丙的腹部，经鉴定丙的损伤为重伤二级。"
SLIP_DEATH = "被告人甲在工地搬运钢管时不慎将钢管砸中工友乙的头部，乙经抢救无效死亡。"
BLOW = "被告人甲因琐事与乙发生争执，持木棒朝乙的头部猛击数下，致乙颅骨骨折，经鉴定为重伤二级。"


def test_an_injury_caused_by_negligence_is_not_intentional_injury():
    assert read(SLIP, "故意伤害") == ["过失致人重伤"]
    assert read(SLIP_DEATH, "故意伤害") == ["过失致人死亡"]


def test_a_deliberate_blow_stays_intentional_injury():
    assert read(BLOW, "故意伤害") == ["故意伤害"]


# 刑法第387条
def test_a_unit_that_takes_the_money_commits_unit_bribery_beside_the_person():
    text = (
        "被告单位某县发展改革局在项目申报中，以单位名义收受申报企业所送的“咨询费”15万元，存入单位账外账户。"
    )
    assert read(text, "受贿") == ["受贿", "单位受贿"]
    assert read(OFFICIAL, "受贿") == ["受贿"]


# 刑法第136条 / 第245条
def test_entering_a_home_without_dangerous_goods_is_unlawful_intrusion():
    text = "被告人甲酒后翻墙进入邻居乙的家中，闯入乙的卧室，乙要求其离开，甲拒不离开。"
    assert read(text, "危险物品肇事") == ["非法侵入住宅"]


def test_an_accident_with_dangerous_goods_stays_article_136():
    text = "被告人甲违反易燃物品管理规定，在家中违规存放汽油20升，引发火灾，烧毁邻居乙家房屋。"
    assert read(text, "危险物品肇事") == ["危险物品肇事"]


# 刑法第271条 / 第264条
CASHIER = "被告人甲在担任某超市收银员期间，利用职务上的便利，多次将收取的货款共计人民币3万元占为己有。"
WORKPLACE = "被告人甲系某工厂保洁员，利用工作上的便利，趁夜间无人之机进入财务室，窃取抽屉内现金人民币5000元。"


def test_taking_by_the_power_of_ones_post_is_embezzlement():
    assert read(CASHIER, "盗窃") == ["职务侵占"]


def test_taking_by_a_mere_chance_of_the_workplace_is_theft():
    assert read(WORKPLACE, "职务侵占") == ["盗窃"]
    assert read(WORKPLACE, "盗窃") == ["盗窃"]
    assert read(CASHIER, "职务侵占") == ["职务侵占"]


# 刑法第312条
def test_buying_what_another_stole_knowingly_is_concealing_proceeds():
    text = "被告人甲明知是他人盗窃所得的电动车，仍以每辆300元的价格收购，共收购5辆。"
    # (E89) the receiver is not the thief: the theft told is another's
    assert read(text, "盗窃") == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]
    # a theft of his own told beside it keeps the charge, and the receiving is added
    both = "被告人甲窃取乙的电动车一辆；又明知是他人盗窃所得的电动车，仍以每辆300元的价格收购，共收购5辆。"
    assert read(both, "盗窃") == ["盗窃", "掩饰、隐瞒犯罪所得、犯罪所得收益"]
    assert read(THEFT, "盗窃") == ["盗窃"]


# 刑法第293条 / 第234条; 法释〔2013〕18号第1条
SPREE = "被告人甲酒后在烧烤店无事生非，随意殴打邻桌顾客乙，致乙轻伤二级。"
NEIGHBOURS = "被告人甲因宅基地边界与邻居乙产生邻里纠纷，持铁锹击打乙的头部，致乙轻伤一级。"


def test_a_beating_for_no_cause_is_picking_quarrels():
    assert read(SPREE, "故意伤害") == ["寻衅滋事"]


def test_a_beating_out_of_a_neighbours_quarrel_is_intentional_injury():
    assert read(NEIGHBOURS, "寻衅滋事") == ["故意伤害"]
    assert read(NEIGHBOURS, "故意伤害") == ["故意伤害"]
    assert read(SPREE, "寻衅滋事") == ["寻衅滋事"]


# 刑法第193条 / 第175条之一
FALSE_PAPERS = "被告人甲向银行提供虚假的工资收入证明和房产证明，取得贷款20万元用于经营其饭店，贷款到期后未能归还，给银行造成损失。"
FLED = "被告人甲向银行提供虚假的工资收入证明和房产证明，取得贷款20万元后将款项用于赌博挥霍，随后关机潜逃。"


def test_a_loan_obtained_by_deceit_without_a_purpose_of_owning_it_is_article_175_1():
    assert read(FALSE_PAPERS, "贷款诈骗") == ["骗取贷款、票据承兑、金融票证"]


def test_a_loan_squandered_and_fled_with_is_loan_fraud():
    assert read(FLED, "贷款诈骗") == ["贷款诈骗"]


def test_a_private_fraud_that_speaks_of_a_loan_is_not_made_article_175_1():
    text = "被告人甲谎称能帮被害人乙办理贷款，骗取乙手续费人民币2万元。"
    assert "骗取贷款、票据承兑、金融票证" not in read(text, "贷款诈骗")


# 刑法第277条 / 第234条
ON_DUTY = "某派出所民警接警后到现场处警，被告人甲不服从管理，对正在执行职务的民警乙拳打脚踢，致乙轻微伤。"
ON_DUTY_MAIMED = "某派出所民警接警后到现场处警，被告人甲持刀捅刺正在执行职务的民警乙，致乙重伤二级。"
CAUGHT_AFTER = (
    "被告人甲因琐事与邻居乙发生争执，持木棍将乙打伤，经鉴定乙的损伤程度为轻伤二级。民警接警后到现场将甲抓获。"
)


def test_violence_against_officers_on_duty_is_obstructing_them():
    assert read(ON_DUTY, "故意伤害") == ["妨害公务"]


def test_violence_that_maims_an_officer_stays_intentional_injury():
    assert read(ON_DUTY_MAIMED, "故意伤害") == ["故意伤害"]


def test_a_beating_the_police_came_to_stop_stays_intentional_injury():
    assert read(CAUGHT_AFTER, "故意伤害") == ["故意伤害"]


# 刑法第358条第4款 / 第359条
HELPER = "被告人甲明知乙组织多名妇女在其经营的会所内卖淫，仍受乙雇佣，为乙招募卖淫女并负责接送。"
ROOMS = "被告人甲在其经营的足浴店内容留乙、丙卖淫，每次收取台费50元。"


def test_helping_an_organiser_of_prostitution_is_art_358_para_4():
    assert read(HELPER, "引诱、容留、介绍卖淫") == ["协助组织卖淫"]
    helped = (
        "被告人甲帮助乙组织“小红”、“小芳”、“小丽”、“小雨”、“兰兰”、“贝贝”六名妇女，"
        "通过在宾馆放置的按摩宣传牌联系嫖客，向外多次卖淫。"
    )
    assert read(helped, "引诱、容留、介绍卖淫") == ["协助组织卖淫"]  # the women listed between


def test_letting_rooms_for_prostitution_stays_art_359():
    assert read(ROOMS, "引诱、容留、介绍卖淫") == ["引诱、容留、介绍卖淫"]


# 刑法第232条 / 第234条
TO_KILL = "被告人甲因怀疑妻子乙有外遇，意图杀死乙，趁乙熟睡之机用枕头捂住乙的口鼻，致乙窒息死亡。"
BEATEN_TO_DEATH = "被告人甲因琐事与乙发生争执，用拳头击打乙的头部，乙倒地后头部撞击台阶，经抢救无效死亡。"
NO_INTENT = "被告人甲与乙争吵时扬言要杀了乙，后持木棒殴打乙的腿部，致乙失血过多死亡。经查，甲并无杀人的故意。"


def test_an_intent_to_kill_stated_in_the_fact_is_homicide():
    assert read(TO_KILL, "故意伤害") == ["故意杀人"]


def test_a_death_from_a_beating_without_intent_to_kill_stays_injury():
    assert read(BEATEN_TO_DEATH, "故意伤害") == ["故意伤害"]
    assert read(NO_INTENT, "故意伤害") == ["故意伤害"]


# 刑法第345条第1款 / 第2款 / 第344条
OTHERS_TREES = (
    "被告人甲明知村后山坡上的杉树属村集体所有，仍雇请工人砍伐杉树131棵，经鉴定林木蓄积量为5.2立方米。"
)
OWN_TREES = (
    "被告人甲在未办理林木采伐许可证的情况下，砍伐其承包山林内的杉树200棵，经鉴定林木蓄积量为25立方米。"
)
YEW = "被告人甲在林场承包采伐作业中，非法采伐红豆杉一株，经鉴定系国家一级保护树种。"


def test_felling_trees_of_a_collective_or_another_is_theft_of_trees():
    assert read(OTHERS_TREES, "滥伐林木") == ["盗伐林木"]
    assert read(OTHERS_TREES, "盗伐林木") == ["盗伐林木"]


def test_felling_ones_own_trees_without_a_permit_is_excessive_felling():
    assert read(OWN_TREES, "盗伐林木") == ["滥伐林木"]
    assert read(OWN_TREES, "滥伐林木") == ["滥伐林木"]


def test_felling_a_state_protected_tree_is_article_344():
    assert read(YEW, "滥伐林木") == ["危害国家重点保护植物"]
    assert read(YEW, "盗伐林木") == ["危害国家重点保护植物"]
    assert read(OWN_TREES, "滥伐林木") == ["滥伐林木"]


# 刑法第233条（本法另有规定的，依照规定）/ 第134条
AT_WORK = "被告人甲在未取得叉车操作证的情况下，在其经营的厂区内驾驶叉车运送木板，木板滑落将工人乙砸倒，乙经抢救无效死亡。"
AT_HOME = "被告人甲与乙在家中争吵时推了乙一把，乙后退时不慎摔倒，头部撞到桌角，经抢救无效死亡。"


def test_a_death_from_breaking_safety_rules_at_work_is_article_134():
    assert read(AT_WORK, "过失致人死亡") == ["重大责任事故"]


def test_a_death_by_driving_outside_public_traffic_is_not_made_article_133():
    """法释〔2000〕33号第8条: driving outside public traffic management (a factory's yard) that kills is arts. 134 or
    233, not 133; the words of a fact do not tell where public traffic ends, so no rule reads a traffic death."""
    in_the_yard = "被告人甲在其工作的加工厂厂区内驾驶货车倒车时，因疏忽大意撞到行人乙，致乙经抢救无效死亡。"
    assert read(in_the_yard, "过失致人死亡") == ["过失致人死亡"]


def test_a_death_by_negligence_elsewhere_stays_article_233():
    assert read(AT_HOME, "过失致人死亡") == ["过失致人死亡"]


# 刑法第163条 / 第385条 (the mirror of the rule above)
HOSPITAL = (
    "被告人甲在担任某区中心医院财务科科长期间，利用职务上的便利，收受某投资公司股东乙给予的贿赂人民币20万元。"
)


def test_a_state_units_officer_who_takes_bribes_is_bribery_not_art_163():
    assert read(HOSPITAL, "非国家工作人员受贿") == ["受贿"]
    assert read(COMPANY, "非国家工作人员受贿") == ["非国家工作人员受贿"]


# 刑法第264条 / 第267条
SNATCHED = "被告人甲在某路口趁被害人乙不备，抢夺走乙的挎包一个，内有手机两部及现金545元。"
PICKED = "被告人甲在公交车上趁被害人乙不备，将乙挎包内的手机一部窃走。"


def test_snatching_openly_is_not_theft():
    assert read(SNATCHED, "盗窃") == ["抢夺"]


def test_taking_secretly_stays_theft():
    assert read(PICKED, "盗窃") == ["盗窃"]
    # with force it would be robbery (art. 263), which this rule does not decide: it leaves the charge alone
    assert read("被告人甲持刀抢走被害人乙的挎包。", "盗窃") == ["盗窃"]


# 刑法第213条 / 第214条 / 第215条
SELLS_FAKES = "被告人甲明知是假冒“立白”注册商标的洗衣粉，仍两次低价批发销售给乙，销售金额73700元。"
MAKES_FAKES = "被告人甲未经注册商标所有人许可，在其租用的厂房内生产洗衣粉，并贴上“立白”注册商标后对外销售。"
PRINTS_LABELS = "被告人甲应他人要求，在其印刷厂伪造“五粮液”白酒注册商标标识等包装制品共计3万套。"


def test_selling_goods_under_a_fake_mark_another_made_is_article_214():
    assert read(SELLS_FAKES, "假冒注册商标") == ["销售假冒注册商标的商品"]


def test_printing_trademark_labels_alone_is_article_215():
    assert read(PRINTS_LABELS, "假冒注册商标") == ["非法制造、销售非法制造的注册商标标识"]


def test_putting_the_mark_on_ones_goods_stays_article_213():
    assert read(MAKES_FAKES, "假冒注册商标") == ["假冒注册商标"]
