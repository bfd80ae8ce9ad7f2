"""Each charge's own amount where a case has several (task E38, issue 16 class 3/4), on passages written for it.

The passages are written in the style of judgments' facts, not copied from the dev data: numbered counts (一、二、),
headings CAIL masks as "××：", and money told without the conduct word the charge is named by. Each carries the amount
a court finds for each charge measured by money; the single-charge ones test the extortion figures (a threatened
escalation, the payment on a demand) and a compensation told after the money taken. Texts just outside each rule
follow.
"""

from decimal import Decimal as D

import pytest

from leniency.sentencing.calculator_wording import conduct_words, measured_by_amount
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charge_amounts import amounts_by_charge
from leniency.sentencing.standards import load_standard

THEFT, FRAUD, CONCEAL = "盗窃", "诈骗", "掩饰、隐瞒犯罪所得、犯罪所得收益"
POST, FUNDS = "职务侵占", "挪用资金"
GRAFT, BRIBE = "贪污", "受贿"
PUBLIC, ABUSE, NEGLECT = "挪用公款", "滥用职权", "玩忽职守"
EXTORT, ROB = "敲诈勒索", "抢劫"
CONTRACT, CARD = "合同诈骗", "信用卡诈骗"
DEPOSIT, RAISE = "非法吸收公众存款", "集资诈骗"


def own_amounts(text: str, charges: list[str]) -> dict:
    """The amounts the calculator gives each charge (calculator_wording.facts_of_each_charge's call)."""
    standard = load_standard()
    conduct = {c: conduct_words(c, standard) for c in charges}
    return amounts_by_charge(text, conduct, [c for c in charges if measured_by_amount(c, standard)])


# (id, text, charges, the amount a court finds for each charge measured by money)
SEVERAL_CHARGES = [
    # 盗窃 + 诈骗
    (
        "theft_fraud_1",
        "2019年3月5日，被告人张某趁被害人李某不备，窃得其放在桌上的手机一部，经鉴定价值2600元。同年4月，被告人张某谎称能帮王某办理贷款，骗得王某手续费8000元。",
        [THEFT, FRAUD],
        {THEFT: D("2600"), FRAUD: D("8000")},
    ),
    (
        "theft_fraud_2_numbered",
        "一、盗窃事实\n2020年6月12日凌晨，被告人刘某翻窗进入某小区一住户家中，盗得现金3500元。\n二、诈骗事实\n2020年7月3日，被告人刘某冒充某公司员工，以收取押金为由骗取赵某人民币12000元。",
        [THEFT, FRAUD],
        {THEFT: D("3500"), FRAUD: D("12000")},
    ),
    (
        "theft_fraud_3_masked",
        "一、××：\n2021年1月8日，被告人陈某在某商场内趁人不备，扒窃被害人钱包一个，内有现金1800元。\n二、××：\n2021年2月20日，被告人陈某在网上发布虚假出售游戏账号信息，被害人周某向其转账5000元后，陈某将其拉黑。",
        [THEFT, FRAUD],
        {THEFT: D("1800"), FRAUD: D("5000")},
    ),
    (
        "theft_fraud_4_stolen_then_sold",
        "被告人吴某于2018年9月窃取被害人停放在路边的电动自行车一辆，经认定价值1500元。后吴某虚构借钱给母亲看病的事实，从同事孙某处骗取现金6000元。",
        [THEFT, FRAUD],
        {THEFT: D("1500"), FRAUD: D("6000")},
    ),
    (
        "theft_fraud_5_compensation_after",
        "被告人郑某窃得被害人黄某金项链一条，价值4200元。被告人郑某又以投资为名骗取被害人冯某5万元后赔偿冯某2万元。",
        [THEFT, FRAUD],
        {THEFT: D("4200"), FRAUD: D("50000")},
    ),
    # 盗窃 + 掩饰隐瞒 (different defendants' acts)
    (
        "theft_conceal_1",
        "2019年5月，被告人王某甲在某工地盗走钢筋一批，经鉴定价值9800元。被告人李某明知该钢筋系王某甲盗窃所得，仍以3000元的价格予以收购。",
        [THEFT, CONCEAL],
        {THEFT: D("9800"), CONCEAL: D("9800")},
    ),
    (
        "theft_conceal_2_numbered",
        "一、被告人赵某盗窃事实\n2020年8月，被告人赵某先后两次窃取某公司仓库内电缆线，共计价值15600元。\n二、被告人钱某掩饰、隐瞒犯罪所得事实\n被告人钱某明知上述电缆线系赵某犯罪所得，仍帮助赵某将价值15600元的电缆线运至废品站销售，得款4000元。",
        [THEFT, CONCEAL],
        {THEFT: D("15600"), CONCEAL: D("15600")},
    ),
    (
        "theft_conceal_3_masked",
        "一、××：\n2021年3月，被告人孙某在某小区窃得摩托车一辆，经认定价值6500元。\n二、××：\n2021年3月，被告人周某明知该摩托车系他人犯罪所得，仍以1200元收购后转卖。",
        [THEFT, CONCEAL],
        {THEFT: D("6500"), CONCEAL: D("6500")},
    ),
    (
        "theft_conceal_4_sold_for",
        "被告人冯某盗得被害人苹果手机两部，价值共计7000元。被告人韩某明知是犯罪所得而代为销售，销赃款2500元。",
        [THEFT, CONCEAL],
        {THEFT: D("7000"), CONCEAL: D("7000")},
    ),
    # 职务侵占 + 挪用资金
    (
        "post_funds_1",
        "被告人杨某系某物流公司出纳，利用职务便利，于2018年3月至2019年1月间，将公司货款共计23万元据为己有。另，被告人杨某利用职务便利，将公司资金15万元挪用给其朋友用于经营，三个月后归还。",
        [POST, FUNDS],
        {POST: D("230000"), FUNDS: D("150000")},
    ),
    (
        "post_funds_2_numbered",
        "一、职务侵占事实\n被告人朱某利用担任某超市店长的职务便利，以虚报损耗的方式，非法占有超市货款8.6万元。\n二、挪用资金事实\n被告人朱某利用职务便利，将超市营业款20万元转入其个人账户用于购买理财产品，至案发未归还。",
        [POST, FUNDS],
        {POST: D("86000"), FUNDS: D("200000")},
    ),
    (
        "post_funds_3_masked",
        "一、××：\n2019年，被告人许某利用其担任某公司销售经理的职务便利，截留客户支付的货款共计12.5万元，用于个人消费。\n二、××：\n2020年，被告人许某利用职务便利，擅自将公司资金30万元借给他人使用，超过三个月未还。",
        [POST, FUNDS],
        {POST: D("125000"), FUNDS: D("300000")},
    ),
    (
        "post_funds_4_embezzle_word",
        "被告人何某利用其担任某公司仓库保管员的职务便利，将公司库存的铜材侵吞后变卖，价值共计4.8万元。被告人何某还利用职务便利，挪用公司资金10万元用于赌博。",
        [POST, FUNDS],
        {POST: D("48000"), FUNDS: D("100000")},
    ),
    # 贪污 + 受贿
    (
        "graft_bribe_1",
        "被告人林某在担任某镇财政所所长期间，利用职务便利，采取虚列支出的手段，套取公款共计18万元占为己有。被告人林某还利用职务便利，为某建筑公司承揽工程提供帮助，收受该公司负责人所送现金10万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("180000"), BRIBE: D("100000")},
    ),
    (
        "graft_bribe_2_numbered",
        "一、贪污事实\n2015年至2017年，被告人罗某利用担任某村党支部书记协助政府从事征地补偿工作的职务便利，虚报青苗补偿款，骗取国家补偿款共计26万元。\n二、受贿事实\n2016年，被告人罗某利用职务便利，为他人在土地承包方面谋取利益，非法收受他人财物共计5万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("260000"), BRIBE: D("50000")},
    ),
    (
        "graft_bribe_3_masked",
        "一、××：\n被告人高某利用其担任某医院院长的职务便利，侵吞医院公款共计42万元。\n二、××：\n被告人高某利用职务便利，在药品采购中为医药代表谋取利益，先后收受贿赂共计35万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("420000"), BRIBE: D("350000")},
    ),
    (
        "graft_bribe_4_solicit",
        "被告人马某利用职务之便，将其经手的国有公司款项9.2万元截留后占为己有。被告人马某还向承包商索要好处费3万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("92000"), BRIBE: D("30000")},
    ),
    # 挪用公款 + 滥用职权 / 玩忽职守
    (
        "public_abuse_1_no_word",
        "被告人梁某系某国有粮库主任。2017年，被告人梁某将收取的货款30万元转入其个人银行卡，用于炒股，至案发尚未归还。被告人梁某违反粮食储备管理规定，擅自批准轮换出库，致使价值1200余万元的储备粮霉变损失。",
        [PUBLIC, ABUSE],
        {PUBLIC: D("300000")},
    ),
    (
        "public_abuse_2_numbered",
        "一、挪用公款事实\n被告人宋某利用担任某县水利局财务科长的职务便利，挪用公款50万元借给其弟弟经营公司，超过三个月未还。\n二、滥用职权事实\n被告人宋某违反规定，擅自为不符合条件的单位拨付项目资金，造成国家经济损失280万元。",
        [PUBLIC, ABUSE],
        {PUBLIC: D("500000")},
    ),
    (
        "public_neglect_3",
        "被告人唐某利用职务便利，挪用单位公款20万元用于归还个人债务。被告人唐某在审核补助资金过程中严重不负责任，未认真审查申报材料，致使国家补助资金160万元被他人骗取。",
        [PUBLIC, NEGLECT],
        {PUBLIC: D("200000")},
    ),
    (
        "public_abuse_4_masked",
        "一、××：\n2018年3月，被告人韦某利用担任某镇财政所出纳的职务便利，将所保管的公款12万元转给其朋友用于经营活动，2018年9月归还。\n二、××：\n被告人韦某违规发放危房改造补助，造成国家损失85万元。",
        [PUBLIC, ABUSE],
        {PUBLIC: D("120000")},
    ),
    # 诈骗 + 敲诈勒索
    (
        "fraud_extort_1",
        "被告人蒋某以恋爱为名，骗取被害人沈某现金3万元。后被告人蒋某以公开沈某隐私相威胁，向沈某索要人民币2万元，沈某被迫向其转账2万元。",
        [FRAUD, EXTORT],
        {FRAUD: D("30000"), EXTORT: D("20000")},
    ),
    (
        "fraud_extort_2_numbered",
        "一、诈骗事实\n2019年4月，被告人韩某虚构能帮人办理驾驶证的事实，骗取被害人曹某人民币9000元。\n二、敲诈勒索事实\n2019年6月，被告人韩某以举报被害人彭某违章经营相要挟，勒索彭某现金6000元。",
        [FRAUD, EXTORT],
        {FRAUD: D("9000"), EXTORT: D("6000")},
    ),
    (
        "fraud_extort_3_masked_conditional",
        "一、××：\n被告人邓某冒充警察，骗取被害人谢某1.5万元。\n二、××：\n被告人邓某以曝光被害人陆某的不雅视频相威胁，要求其在3月6日前付给5万元，并称若拖到3月7日则要10万元，拖到3月8日则要15万元。陆某报警，邓某被抓获。",
        [FRAUD, EXTORT],
        {FRAUD: D("15000"), EXTORT: D("50000")},
    ),
    # 抢劫 + 盗窃
    (
        "rob_theft_1",
        "2020年9月3日晚，被告人许某持刀将被害人拦住，劫取其现金800元及手机一部，手机经鉴定价值1200元。同年9月10日，被告人许某在某网吧窃取他人笔记本电脑一台，价值5000元。",
        [ROB, THEFT],
        {ROB: D("2000"), THEFT: D("5000")},
    ),
    (
        "rob_theft_2_numbered",
        "一、抢劫事实\n2018年7月5日，被告人段某采用殴打的方式，抢走被害人雷某现金2300元。\n二、盗窃事实\n2018年7月20日，被告人段某在某小区撬锁盗走一辆摩托车，价值4100元。",
        [ROB, THEFT],
        {ROB: D("2300"), THEFT: D("4100")},
    ),
    (
        "rob_theft_3_masked",
        "一、××：\n2019年12月1日，被告人钟某采用持刀威胁的手段，强行劫走被害人汪某现金1500元。\n二、××：\n2019年12月8日，被告人钟某趁被害人熟睡之机，偷走其放在床头的钱包，内有现金900元。",
        [ROB, THEFT],
        {ROB: D("1500"), THEFT: D("900")},
    ),
    # 合同诈骗 + 诈骗
    (
        "contract_fraud_1",
        "被告人田某以某贸易公司名义与被害单位签订钢材购销合同，收取预付款80万元后逃匿。被告人田某还虚构能为他人子女安排工作的事实，骗取被害人胡某10万元。",
        [CONTRACT, FRAUD],
        {CONTRACT: D("800000"), FRAUD: D("100000")},
    ),
    (
        "contract_fraud_2_numbered",
        "一、合同诈骗事实\n2019年，被告人夏某在签订、履行房屋租赁合同过程中，隐瞒房屋已被抵押的真相，骗取承租人租金共计25万元。\n二、诈骗事实\n2020年，被告人夏某以帮忙办理落户为由，骗取被害人石某6万元。",
        [CONTRACT, FRAUD],
        {CONTRACT: D("250000"), FRAUD: D("60000")},
    ),
    (
        "contract_fraud_3_masked",
        "一、××：\n被告人谭某与某公司签订货物买卖合同，以虚假的产权证明作担保，取得对方货物价值46万元后变卖挥霍。\n二、××：\n被告人谭某谎称自己是银行工作人员，可以帮助贷款，骗取廖某手续费2.8万元。",
        [CONTRACT, FRAUD],
        {CONTRACT: D("460000"), FRAUD: D("28000")},
    ),
    # 信用卡诈骗 + 盗窃
    (
        "card_theft_1",
        "被告人贺某窃得被害人钱包一个，内有现金600元。另，被告人贺某拾得他人遗失的信用卡一张后，冒用该卡在ATM机上取款1.2万元。",
        [CARD, THEFT],
        {CARD: D("12000"), THEFT: D("600")},
    ),
    (
        "card_theft_2_numbered",
        "一、盗窃事实\n2021年5月，被告人邹某盗窃被害人电动车一辆，价值2800元。\n二、信用卡诈骗事实\n被告人邹某以非法占有为目的，使用其信用卡恶意透支，经发卡银行两次催收后超过三个月仍不归还，透支本金共计5.6万元。",
        [THEFT, CARD],
        {THEFT: D("2800"), CARD: D("56000")},
    ),
    (
        "card_theft_3_masked",
        "一、××：\n被告人熊某在某酒店房间内偷走被害人手提包，包内有现金2000元。\n二、××：\n被告人熊某在某银行捡到他人遗忘在柜员机内的信用卡一张，冒用该卡在商场消费共计8500元。",
        [THEFT, CARD],
        {THEFT: D("2000"), CARD: D("8500")},
    ),
    # 非法吸收公众存款 + 集资诈骗
    (
        "deposit_raise_1",
        "2015年至2017年，被告人姜某以某投资公司名义，以高额回报为诱饵，向社会公众吸收资金共计1200万元。2018年，被告人姜某另以虚构项目的方式非法集资380万元，用于个人挥霍。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("12000000"), RAISE: D("3800000")},
    ),
    (
        "deposit_raise_2_numbered",
        "一、非法吸收公众存款事实\n被告人秦某未经批准，以某合作社名义向村民公开吸收存款共计560万元。\n二、集资诈骗事实\n被告人秦某以非法占有为目的，使用诈骗方法，虚构养殖项目向社会公众非法集资230万元，用于偿还个人债务。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("5600000"), RAISE: D("2300000")},
    ),
    (
        "deposit_raise_3_masked",
        "一、××：\n被告人金某通过召开推介会的方式，承诺按月返还高额利息，向社会不特定对象吸收资金共计890万元。\n二、××：\n被告人金某以虚假的海外项目为幌子，骗取集资参与人资金共计310万元后携款逃匿。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("8900000"), RAISE: D("3100000")},
    ),
    # 职务侵占 + 挪用资金, 贪污 + 挪用公款 share words
    (
        "post_funds_5_occupy",
        "被告人邱某利用担任某公司会计的职务便利，将公司收入3.6万元不入账，占为己有。被告人邱某又将公司账上资金8万元挪作他用。",
        [POST, FUNDS],
        {POST: D("36000"), FUNDS: D("80000")},
    ),
    (
        "graft_public_6",
        "被告人覃某利用担任某国有企业财务负责人的职务便利，侵吞公款6.5万元。被告人覃某还挪用公款40万元用于购买房产，超过三个月未还。",
        [GRAFT, PUBLIC],
        {GRAFT: D("65000"), PUBLIC: D("400000")},
    ),
    # 盗窃 + 诈骗, the theft words 盗得 / 窃走
    (
        "theft_fraud_6_qiezou",
        "被告人雷某窃走被害人放在车内的现金1.1万元。被告人雷某又冒充被害人的亲属，骗得被害人家属汇款7000元。",
        [THEFT, FRAUD],
        {THEFT: D("11000"), FRAUD: D("7000")},
    ),
    # 抢劫 + 盗窃, loot told after a theft word about its contents
    (
        "rob_theft_4",
        "被告人史某伙同他人以暴力方法抢得被害人现金3000元。次日，被告人史某在某宾馆内盗取他人现金1500元。",
        [ROB, THEFT],
        {ROB: D("3000"), THEFT: D("1500")},
    ),
    # 职务侵占 + 诈骗
    (
        "post_fraud_7",
        "被告人顾某利用担任某公司收银员的职务便利，采取退货不入账的方式侵占公司货款2.4万元。被告人顾某还以帮人购买低价房为由，骗取同事5万元。",
        [POST, FRAUD],
        {POST: D("24000"), FRAUD: D("50000")},
    ),
    # 敲诈勒索 + 盗窃
    (
        "extort_theft_8",
        "被告人侯某窃取被害人手机一部，价值3200元。后侯某以手机中的私密照片相要挟，向被害人勒索现金8000元。",
        [THEFT, EXTORT],
        {THEFT: D("3200"), EXTORT: D("8000")},
    ),
]
# a price paid for the stolen thing ("以1200元收购") was read as the concealment's value until E46
# (charge_amounts.PRICE_OF_DEAL): the value told of the theft (6500) is what a court finds
PRICE_READ_AS_VALUE: set[str] = set()

ONE_CHARGE = [
    (
        "extort_conditional_1",
        "被告人孔某以在网上公布被害人的不雅照片相威胁，要求其在3月6日前付给5万元，并称若拖到3月7日则要10万元，拖到3月8日则要15万元。被害人报警。",
        [EXTORT],
        D("50000"),
    ),
    (
        "extort_conditional_2",
        "被告人白某以举报被害人偷税相要挟，要求被害人三日内支付2万元，否则要3万元。被害人当日向其转账2万元。",
        [EXTORT],
        D("20000"),
    ),
    (
        "extort_conditional_3_paid_less",
        "被告人崔某以揭发被害人婚外情相威胁，向被害人索要10万元，如不按时给付则另加5万元，被害人先后向其转账3万元。",
        [EXTORT],
        D("100000"),
    ),
    (
        "extort_two_demands_summed",
        "被告人龚某以曝光隐私相要挟，先后两次向被害人勒索，第一次索得1万元，第二次索得2万元。",
        [EXTORT],
        D("30000"),
    ),
    (
        "fraud_then_compensation",
        "被告人施某以介绍工作为名骗取被害人5万元后赔偿被害人2万元。",
        [FRAUD],
        D("50000"),
    ),
]


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [
        pytest.param(
            text,
            charges,
            expected,
            id=pid,
            marks=[pytest.mark.xfail(strict=True, reason="a price read as the value")]
            if pid in PRICE_READ_AS_VALUE
            else [],
        )
        for pid, text, charges, expected in SEVERAL_CHARGES
    ],
)
def test_each_charge_takes_the_amount_a_court_finds_for_it(text, charges, expected):
    got = own_amounts(text, charges)
    assert {c: got.get(c) for c in expected} == expected


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [pytest.param(text, charges, expected, id=pid) for pid, text, charges, expected in ONE_CHARGE],
)
def test_the_amount_of_one_charge(text, charges, expected):
    assert extract(text, charges=charges).amount_yuan == expected


# Texts just outside each rule: (id, text, charges, expected per charge)
OUTSIDE = [
    # a shared conduct word (占为己有 is 职务侵占's and 贪污's) does not decide; with no word of either the money is nobody's
    (
        "shared_word_alone_decides_nothing",
        "被告人甲将公司货款2万元占为己有。被告人甲还将公款3万元占为己有。",
        [POST, GRAFT],
        {},
    ),
    # a loss told in a case without a charge measured by loss is the measured charge's money (a theft's loss)
    (
        "a_loss_without_a_loss_charge",
        "被告人甲窃取被害人手机一部，造成被害人损失5000元。被告人甲又骗取乙现金3000元。",
        [THEFT, FRAUD],
        {THEFT: D("5000"), FRAUD: D("3000")},
    ),
    # money told before any conduct stays nobody's where two charges are measured by money
    (
        "money_before_any_conduct_with_two_measured",
        "被告人甲欠下赌债8万元。被告人甲窃取他人摩托车一辆，价值4000元。被告人甲又骗取乙现金3000元。",
        [THEFT, FRAUD],
        {THEFT: D("4000"), FRAUD: D("3000")},
    ),
    # a value after a theft and a fraud (no concealment) in a sentence naming neither is no charge's of the two
    (
        "a_value_after_two_takings_is_not_shared",
        "被告人甲窃取乙的手机，又骗取丙的手表。经鉴定，上述物品价值共计6000元。",
        [THEFT, FRAUD],
        {THEFT: None, FRAUD: None},
    ),
    # a heading naming no charge leaves the count to its sentences' conduct words
    (
        "a_masked_heading_leaves_the_sentences_to_decide",
        "一、××：\n2020年5月，被告人甲窃得乙的现金2000元，后骗取丙5000元。\n二、××：\n2020年6月，被告人甲骗取丁8000元。",
        [THEFT, FRAUD],
        {THEFT: D("2000"), FRAUD: D("13000")},
    ),
]


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [pytest.param(text, charges, expected, id=pid) for pid, text, charges, expected in OUTSIDE],
)
def test_just_outside_each_scoping_rule(text, charges, expected):
    got = own_amounts(text, charges)
    assert {c: got.get(c) for c in expected} == expected if expected else got == {}


def test_a_concealment_told_of_no_act_takes_no_value_from_the_theft():
    text = "被告人甲窃取乙的电动车一辆，经鉴定价值3000元。"
    assert own_amounts(text, [THEFT, CONCEAL]) == {THEFT: D("3000"), CONCEAL: None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threat of what follows if the demand is not met, with no earlier demanded sum: the sum paid stays
        ("被告人甲威胁被害人，若不给钱就曝光其隐私，被害人被迫付给甲5万元。", D("50000")),
        # a payment with no demand before it in its sentence stays (a fraud's transfer)
        ("被告人甲虚构事实，被害人向其转账2万元。", D("20000")),
        # a compensation told as the clause's own act stays no part of the amount
        ("被告人甲骗取被害人5万元，赔偿被害人2万元。", D("50000")),
        # a return made, not promised, is restitution
        ("被告人甲吸收公众存款300万元，已返还集资参与人本金100万元。", D("3000000")),
        # a 好处费 the defendant paid to another is a payment beside the crime
        ("被告人甲骗取被害人8万元，向中间人支付好处费3万元。", D("80000")),
        # 截留应上缴的利润: the money taken, not money turned over
        ("被告人甲利用职务便利，截留应上缴的利润5万元。", D("50000")),
        ("被告人甲受贿共计20万元。案发后，被告人甲主动上缴涉案款25万元。", D("200000")),
    ],
)
def test_just_outside_each_amount_phrasing(text, expected):
    assert extract(text).amount_yuan == expected


# A second round, written after the rules above and run once against them (7 of 12 right): the texts the engine had
# not seen. What the five left showed; E46 fixed four (r2_4 未归还, r2_6 趁…拿走, r2_9 为名, r2_12 揭发 as conduct words):
UNSEEN_MISSES = {
    "r2_8": "贪污 told as 以虚假支出的方式予以核销后占有 (no 侵吞/占为己有) beside a 受贿 count",
}
ROUND_TWO = [
    (
        "r2_1",
        "（一）盗窃\n2019年10月3日，被告人甲在某菜市场扒窃被害人乙的手机一部，价值1999元。\n（二）诈骗\n2019年11月，被告人甲在微信上冒充被害人丙的同学，以急需用钱为由，让丙向其转账4500元。",
        [THEFT, FRAUD],
        {THEFT: D("1999"), FRAUD: D("4500")},
    ),
    (
        "r2_2",
        "被告人甲利用其在某国有银行担任柜员的职务便利，多次从客户账户中转出资金共计18万元归其个人使用，用于网络赌博，至案发未归还。另查明，被告人甲收受他人贿赂2万元，为他人办理贷款提供便利。",
        [PUBLIC, BRIBE],
        {PUBLIC: D("180000"), BRIBE: D("20000")},
    ),
    (
        "r2_3",
        "被告人甲伙同他人，于2018年5月某日深夜持械拦截路人乙，抢得现金600元、手机一部（价值2100元）。同年6月，被告人甲又趁丙家无人，撬门入室，盗走金手镯一只，经鉴定价值8500元。",
        [ROB, THEFT],
        {ROB: D("2700"), THEFT: D("8500")},
    ),
    (
        "r2_4",
        "××：被告人甲系某公司财务人员，于2020年1月至5月间，利用负责公司资金收付的便利，先后将公司账户内资金共计42万元转入其个人账户，用于偿还个人信用卡欠款，至案发未归还。××：被告人甲又利用职务便利，采用伪造报销单据的方式，从公司骗取报销款6.8万元据为己有。",
        [FUNDS, POST],
        {FUNDS: D("420000"), POST: D("68000")},
    ),
    (
        "r2_5",
        "被告人甲与被害单位某建材公司签订购销合同，约定由其供应水泥，在收取对方货款35万元后，未供货即更换手机号码逃匿。后被告人甲又向其朋友乙谎称投资项目需要周转，借款8万元后拒不归还。",
        [CONTRACT, FRAUD],
        {CONTRACT: D("350000"), FRAUD: D("80000")},
    ),
    (
        "r2_6",
        "一、××\n被告人甲拾得被害人乙遗失的信用卡一张，后在多家商场刷卡消费共计1.3万元。\n二、××\n被告人甲在某宿舍楼内趁人不备，拿走被害人丙放在桌上的笔记本电脑一台，经鉴定价值3400元。",
        [CARD, THEFT],
        {CARD: D("13000"), THEFT: D("3400")},
    ),
    (
        "r2_7",
        "被告人甲以其经营的养殖场扩大规模为由，向周边村民借款，承诺年息20%，共向128名村民吸收资金760万元。后甲隐瞒养殖场已停产的事实，谎称有新项目，又向社会公众集资210万元，并将上述210万元全部用于购买个人房产及挥霍。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("7600000"), RAISE: D("2100000")},
    ),
    (
        "r2_8",
        "被告人甲在担任某街道办事处出纳期间，将其经手的拆迁补偿款27万元以虚假支出的方式予以核销后占有。被告人甲另收受某拆迁户所送的感谢费1.5万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("270000"), BRIBE: D("15000")},
    ),
    (
        "r2_9",
        "被告人甲得知被害人乙有婚外情后，以向乙的妻子告发相威胁，向乙索要“封口费”3万元，乙先后分两次向甲支付共计3万元。此前，被告人甲还以帮乙办理低保为名，收取乙“办理费”5000元，实际并未办理。",
        [EXTORT, FRAUD],
        {EXTORT: D("30000"), FRAUD: D("5000")},
    ),
    (
        "r2_10",
        "2020年7月，被告人甲在某工地盗得电缆线200米，价值5600元。被告人乙明知该电缆线系甲盗窃所得，仍以800元的价格收购。",
        [THEFT, CONCEAL],
        {THEFT: D("5600"), CONCEAL: D("5600")},
    ),
    (
        "r2_11",
        "被告人甲系某县粮食局局长。被告人甲违反规定，擅自决定将粮食收购资金出借给某私营企业，造成国家损失460万元。其间，被告人甲将公款15万元借给其亲戚经营饭店，五个月后归还。",
        [ABUSE, PUBLIC],
        {PUBLIC: D("150000")},
    ),
    (
        "r2_12",
        "被告人甲以揭发他人隐私为由，要求被害人乙在一周内给付其2万元，称逾期则要5万元。乙拒绝并报警。",
        [EXTORT, FRAUD],
        {EXTORT: D("20000")},
    ),
]


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [
        pytest.param(
            text,
            charges,
            expected,
            id=pid,
            marks=[pytest.mark.xfail(strict=True, reason=UNSEEN_MISSES[pid])] if pid in UNSEEN_MISSES else [],
        )
        for pid, text, charges, expected in ROUND_TWO
    ],
)
def test_second_round_passages(text, charges, expected):
    got = own_amounts(text, charges)
    assert {c: got.get(c) for c in expected} == expected
