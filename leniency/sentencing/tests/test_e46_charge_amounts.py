"""Each charge's own amount in multi-charge cases, second round (task E46, issue 16 classes 3/4), on passages written
for it in the style of judgments' facts (not copied from the dev data).

BATCH_ONE was written first and scored before any change: 5 of 28 passages right (19 of 52 amounts). Its classes: a
charge's conduct told without its article's word (挪用 told as its use and return, 贪污 as 虚报冒领 / 骗取, 受贿 as 接受…所送
/ 谋取利益 / 回扣, a theft as 趁…拿走, a robbery as 强行拿走, a snatching as 拽走, 非法吸收 as 公开宣传…保本付息), a total
across charges (两起共计, 涉案金额合计, 综上…共计), a crime's name told of the proceeds (明知系盗窃所得), 集资 inside 募集资金, the
price a concealer paid, a loss another took through the duty abused (致使乙骗取…), and an act another person did alone
(另案处理). After the rules: 23 of 28 (45 of 52 amounts); one expected figure was corrected by the law after scoring, not
by the engine (b1_graft_fake_claims: a joint 贪污 is the sum he took part in, 13万, not the 9万 he got: 《全国法院审理经济犯罪
案件工作座谈会纪要》(2003) 二(五), recalled; the engine gave None before either way), and one text's 其中 became
此后…另行 (b1_deposit_raise_no_word: money counted in the 非法吸收 sum cannot be the 集资诈骗's too; the engine missed
both figures before).

BATCH_TWO was written after those rules, new phrasings, and scored once before its own fixes: 3 of 12 right (7 of 23
amounts; 2 of 12 at the commit before E46), the nearest figure to an unseen one. Its fixes (冒充 for fraud, 隐瞒真相
for 集资诈骗, 请托 / 收下 for 受贿, 扯断 for a snatching, a count's sentences not carried into the next count, a list of
prices, 导致…领取 as a loss): 8 of 12 (18 of 23).
The misses left are strict xfails naming why; most are amounts.py's exclusions (E43's reader), not the scoping here.
"""

from decimal import Decimal as D

import pytest

from leniency.sentencing.calculator_wording import conduct_words, measured_by_amount
from leniency.sentencing.extraction.charge_amounts import amounts_by_charge
from leniency.sentencing.standards import load_standard
from leniency.sentencing.tests.written_texts import written_case

THEFT, FRAUD, CONCEAL = "盗窃", "诈骗", "掩饰、隐瞒犯罪所得、犯罪所得收益"
POST, FUNDS = "职务侵占", "挪用资金"
GRAFT, BRIBE = "贪污", "受贿"
PUBLIC, ABUSE, NEGLECT = "挪用公款", "滥用职权", "玩忽职守"
EXTORT, ROB = "敲诈勒索", "抢劫"
CONTRACT, CARD = "合同诈骗", "信用卡诈骗"
DEPOSIT, RAISE = "非法吸收公众存款", "集资诈骗"
NONSTATE = "非国家工作人员受贿"
SNATCH = "抢夺"


def own_amounts(text: str, charges: list[str]) -> dict:
    """The amounts the calculator gives each charge (calculator_wording.facts_of_each_charge's call)."""
    standard = load_standard()
    conduct = {c: conduct_words(c, standard) for c in charges}
    return amounts_by_charge(text, conduct, [c for c in charges if measured_by_amount(c, standard)])


# (id, text, charges, the amount a court finds for each charge measured by money)
BATCH_ONE = [
    # conduct told without its article's word: 挪用公款 as use and return (刑法第384条)
    (
        "b1_public_lent_to_brother",
        "被告人甲系某镇财政所出纳。2016年5月，甲利用保管财政资金的职务便利，将财政专户资金20万元转至其弟弟乙的账户，供乙经营建材生意，同年11月归还。2017年3月，甲以虚开发票的方式报销差旅费3.2万元，据为己有。",
        [GRAFT, PUBLIC],
        {GRAFT: D("32000"), PUBLIC: D("200000")},
    ),
    (
        "b1_public_gambling",
        "被告人甲在担任某区社保中心会计期间，将其经手的社保基金45万元用于网络赌博，至案发尚未归还。甲另将单位收取的房租收入6万元不入账，予以侵吞。",
        [PUBLIC, GRAFT],
        {PUBLIC: D("450000"), GRAFT: D("60000")},
    ),
    (
        "b1_public_profit",
        "一、××：\n2018年至2019年，被告人甲利用担任某国有公司财务部经理的职务便利，多次将公司资金共计300万元转出用于购买理财产品，获利后归还本金。\n二、××：\n被告人甲利用为某供应商结算货款的职务便利，收受该供应商所送现金8万元。",
        [PUBLIC, BRIBE],
        {PUBLIC: D("3000000"), BRIBE: D("80000")},
    ),
    # 挪用资金 without 挪用 (刑法第272条)
    (
        "b1_funds_repaid_debt",
        "被告人甲系某贸易公司出纳，利用管理公司账户的便利，于2021年3月将公司资金18万元转入其妻子账户用于归还个人借款，四个月后归还。同年6月，甲将公司客户支付的货款2.5万元私自收取后占为己有。",
        [FUNDS, POST],
        {FUNDS: D("180000"), POST: D("25000")},
    ),
    (
        "b1_funds_lent_profit",
        "被告人甲利用担任某合作社会计的职务便利，将合作社资金10万元出借给他人收取利息，超过三个月未还。另，甲采用虚报工资的手段，非法占有合作社资金4.6万元。",
        [FUNDS, POST],
        {FUNDS: D("100000"), POST: D("46000")},
    ),
    # 贪污 without its words (刑法第382条: 侵吞、窃取、骗取或者以其他手段非法占有公共财物)
    (
        "b1_graft_fake_claims",
        "被告人甲在担任某村村委会主任、协助人民政府从事土地征收补偿工作期间，伙同他人虚报冒领青苗补偿款13万元，由其个人分得9万元。另，甲收受承包人乙送的现金2万元，为乙承包村集体鱼塘提供帮助。",
        [GRAFT, BRIBE],
        {GRAFT: D("130000"), BRIBE: D("20000")},
    ),
    (
        "b1_graft_write_off",
        "被告人甲系某国有医院收费员，利用收取住院押金的职务便利，通过作废收费票据的方式，将患者交纳的押金7.4万元不上缴而归自己使用，后无力归还。甲还接受医疗器械销售商的宴请和礼金1.2万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("74000"), BRIBE: D("12000")},
    ),
    # 受贿 without 收受 / 受贿 (刑法第385条: 索取他人财物，或者非法收受他人财物，为他人谋取利益)
    (
        "b1_bribe_accepted_card",
        "被告人甲在担任某县国土局局长期间，为某房地产公司办理土地出让手续提供帮助，先后接受该公司老板乙所送的购物卡3万元、现金5万元。同期，甲将县国土局的办公经费9万元以虚列会议费的方式套出后据为己有。",
        [BRIBE, GRAFT],
        {BRIBE: D("80000"), GRAFT: D("90000")},
    ),
    (
        "b1_bribe_for_benefit",
        "被告人甲利用担任某国有企业采购部部长的职务便利，为供应商乙在供货方面谋取利益，乙为表示感谢，先后三次送给甲人民币共计6万元，甲均予以收下。另，甲将单位废旧物资变卖款1.8万元私自截留。",
        [BRIBE, GRAFT],
        {BRIBE: D("60000"), GRAFT: D("18000")},
    ),
    # 受贿 by giver, with a 滥用职权 loss
    (
        "b1_bribe_givers_abuse_loss",
        "被告人甲在担任某县住建局副局长期间，利用职务便利，为多家企业在工程验收中谋取利益，先后收受乙现金5万元、丙现金3万元、丁购物卡2万元，共计10万元。被告人甲在工程验收中违规签字，致使不合格工程通过验收，造成国家经济损失260万元。",
        [BRIBE, ABUSE],
        {BRIBE: D("100000")},
    ),
    (
        "b1_bribe_abuse_loss_no_cause_word",
        "一、受贿事实\n被告人甲利用担任某区环保局局长的职务便利，收受某化工企业负责人乙所送现金15万元。\n二、滥用职权事实\n被告人甲违规为该企业减免排污费，经审计，国家排污费损失共计87万元。",
        [BRIBE, ABUSE],
        {BRIBE: D("150000")},
    ),
    (
        "b1_bribe_abuse_defrauded",
        "被告人甲系某县农业局干部，在审核农机购置补贴申请时，收受某农机销售商乙所送好处费4万元。被告人甲未认真审核，违规签字同意，致使乙骗取国家农机购置补贴资金共计120万元。",
        [BRIBE, ABUSE],
        {BRIBE: D("40000")},
    ),
    # 滥用职权 gain beside loss: defendant's gain vs victim's loss
    (
        "b1_abuse_then_bribe_same_sentence",
        "被告人甲违反规定擅自为乙公司办理出口退税手续，造成国家税款损失320万元，甲事后收受乙公司所送现金20万元。",
        [ABUSE, BRIBE],
        {BRIBE: D("200000")},
    ),
    # 贪污 and 挪用公款 in one text, each with their word
    (
        "b1_graft_public_numbered",
        "一、贪污\n2017年，被告人甲利用担任某街道财政所所长的职务便利，侵吞拆迁补偿款15万元。\n二、挪用公款\n2018年，被告人甲利用职务便利，挪用公款80万元给其朋友乙开办公司，至案发未归还。",
        [GRAFT, PUBLIC],
        {GRAFT: D("150000"), PUBLIC: D("800000")},
    ),
    # 两起共计 across charges
    (
        "b1_two_counts_total_theft_fraud",
        "被告人甲于2020年3月窃取乙的金项链一条，价值6000元；同年5月，甲冒充快递员骗取丙4000元。两起犯罪数额共计1万元。",
        [THEFT, FRAUD],
        {THEFT: D("6000"), FRAUD: D("4000")},
    ),
    (
        "b1_total_of_all_crimes",
        "一、盗窃\n被告人甲在某商场窃取手机两部，价值共计7200元。\n二、诈骗\n被告人甲以代购名义骗取乙货款3000元。\n综上，被告人甲涉案金额共计10200元。",
        [THEFT, FRAUD],
        {THEFT: D("7200"), FRAUD: D("3000")},
    ),
    (
        "b1_graft_bribe_total_sum",
        "被告人甲利用职务便利，侵吞公款20万元，收受他人贿赂30万元，涉案金额合计50万元。",
        [GRAFT, BRIBE],
        {GRAFT: D("200000"), BRIBE: D("300000")},
    ),
    (
        "b1_public_graft_above_sum",
        "被告人甲挪用公款50万元用于购买彩票，至案发未还。被告人甲另利用职务便利骗取公款8万元。以上共计58万元。",
        [PUBLIC, GRAFT],
        {PUBLIC: D("500000"), GRAFT: D("80000")},
    ),
    # co-defendant's separate conduct
    (
        "b1_codefendant_other_theft",
        "2021年4月，被告人甲伙同乙窃取某工地电缆线，价值4800元。乙另单独窃取某小区电动车一辆，价值2600元（另案处理）。2021年5月，被告人甲以帮人办理驾照为由骗取丙现金5000元。",
        [THEFT, FRAUD],
        {THEFT: D("4800"), FRAUD: D("5000")},
    ),
    (
        "b1_codefendant_receiver_paid",
        "被告人甲窃得某公司铝材一批，经鉴定价值2.3万元。被告人乙明知系盗窃所得仍以6000元收购，后以9000元转卖。",
        [THEFT, CONCEAL],
        {THEFT: D("23000"), CONCEAL: D("23000")},
    ),
    (
        "b1_codefendant_extort_share",
        "被告人甲、乙以散布丙的隐私相威胁，向丙勒索现金4万元，甲分得1.5万元。此前，被告人甲还冒充丙的领导，骗得丙的同事丁转账8000元。",
        [EXTORT, FRAUD],
        {EXTORT: D("40000"), FRAUD: D("8000")},
    ),
    # theft/fraud/robbery told without their words
    (
        "b1_theft_took_away",
        "一、××\n被告人甲趁被害人乙熟睡之机，将乙放在床头的现金3000元拿走。\n二、××\n被告人甲谎称能帮丙办理低保，收取丙办理费2000元。",
        [THEFT, FRAUD],
        {THEFT: D("3000"), FRAUD: D("2000")},
    ),
    (
        "b1_theft_secretly",
        "被告人甲在某超市趁店员不注意，将货架上的名酒两瓶藏于衣服内带出，价值2400元。后甲向乙借款1万元，谎称用于做生意，实际用于赌博并更换联系方式躲避。",
        [THEFT, FRAUD],
        {THEFT: D("2400"), FRAUD: D("10000")},
    ),
    (
        "b1_robbery_forced",
        "被告人甲持刀将被害人乙逼至墙角，强行拿走乙的手机一部，价值3600元。数日后，甲在某网吧顺手拿走他人放在桌上的钱包，内有现金700元。",
        [ROB, THEFT],
        {ROB: D("3600"), THEFT: D("700")},
    ),
    (
        "b1_snatch_theft",
        "被告人甲驾驶摩托车从被害人乙身后经过时，一把拽走乙挎在肩上的手提包，包内有现金2200元。次日，甲在某菜市场扒窃丙的钱包，内有现金900元。",
        [SNATCH, THEFT],
        {SNATCH: D("2200"), THEFT: D("900")},
    ),
    # 非国家工作人员受贿 + 职务侵占
    (
        "b1_nonstate_bribe_post",
        "被告人甲系某民营公司采购经理，在采购中为供应商乙提供帮助，收取乙给予的回扣款12万元。甲还利用职务便利，将公司销售废料所得款项3.5万元据为己有。",
        [NONSTATE, POST],
        {NONSTATE: D("120000"), POST: D("35000")},
    ),
    # 合同诈骗 without 合同 words; 集资诈骗 without 集资
    (
        "b1_contract_order_goods",
        "被告人甲以某公司名义向乙公司订购钢材，以支付少量货款取得信任后，陆续提走价值62万元的钢材后逃匿。另，甲谎称可以办理入学，骗取丙5万元。",
        [CONTRACT, FRAUD],
        {CONTRACT: D("620000"), FRAUD: D("50000")},
    ),
    (
        "b1_deposit_raise_no_word",
        "被告人甲以其公司开发的理财产品为名，向社会公开宣传，承诺保本付息，从300余名投资人处募集资金共计1500万元。此后，甲明知公司已无经营能力，仍以虚构的项目另行募集资金260万元，全部用于个人挥霍。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("15000000"), RAISE: D("2600000")},
    ),
]

BATCH_TWO = [
    (
        "b2_three_duty_crimes",
        "经审理查明：（一）2014年至2016年，被告人甲利用担任某乡镇经管站站长的职务便利，将村集体土地补偿款21万元转入其控制的账户，用于偿还其个人房贷，至2017年才全部还清。（二）2016年，被告人甲以编造的工程款结算单冲账，将乡镇经管站代管资金5.5万元非法据为己有。（三）2015年春节、2016年中秋节，被告人甲先后收下村干部乙为感谢其帮忙而给的现金共计2万元。",
        [PUBLIC, GRAFT, BRIBE],
        {PUBLIC: D("210000"), GRAFT: D("55000"), BRIBE: D("20000")},
    ),
    (
        "b2_card_fraud_phone",
        "被告人甲在某小区门口捡到一个钱包，内有乙的银行信用卡一张及写有密码的纸条，甲即持该卡到某银行ATM机取现9000元。2020年8月，甲通过QQ冒充乙的儿子，称在外地出车祸急需手术费，乙信以为真，向甲指定账户汇款3万元。",
        [CARD, FRAUD],
        {CARD: D("9000"), FRAUD: D("30000")},
    ),
    (
        "b2_rob_snatch_bike",
        "2021年10月2日晚，被告人甲骑电动车尾随下班回家的乙，在僻静路段将乙撞倒，用拳头猛击其头部，将乙的挎包抢下，包内有现金1600元。10月9日上午，甲在某公交站台乘丙不备，抓住丙的金项链用力扯断后骑车逃离，该项链经鉴定价值5200元。",
        [ROB, SNATCH],
        {ROB: D("1600"), SNATCH: D("5200")},
    ),
    (
        "b2_abuse_bribe_by_giver_list",
        "被告人甲在任某市国土资源局副局长期间，利用职务上的便利，在土地审批、矿产开采等方面为他人提供帮助，收受财物折合人民币共计47万元。其中：1、收受某矿业公司法定代表人乙所送现金20万元；2、收受某房地产公司经理丙所送现金15万元；3、收受个体矿主丁所送现金12万元。另，被告人甲违规为丁的矿山办理采矿许可证延续手续，致使国家矿产资源损失价值人民币390万元。",
        [BRIBE, ABUSE],
        {BRIBE: D("470000")},
    ),
    (
        "b2_theft_conceal_two_receivers",
        "2019年11月至12月，被告人甲先后三次潜入某钢厂仓库，偷出废铜共计1.2吨，经价格认定价值4.2万元。被告人乙、丙明知上述废铜来源不明且系甲违法所得，仍分别以1.1万元、0.9万元的价格收购。",
        [THEFT, CONCEAL],
        {THEFT: D("42000"), CONCEAL: D("42000")},
    ),
    (
        "b2_post_nonstate_kickback",
        "一、××\n被告人甲在担任某民营药企销售总监期间，虚构客户退货事实，将已收回的货款共计31万元截留，转入其妻子名下银行账户后挥霍。\n二、××\n被告人甲在为公司选定物流承运商时，接受某物流公司负责人乙的请托，收取乙以“咨询费”名义给予的钱款9万元。",
        [POST, NONSTATE],
        {POST: D("310000"), NONSTATE: D("90000")},
    ),
    (
        "b2_deposit_raise_sum_both",
        "被告人甲设立某投资咨询公司，通过发放传单、举办讲座等方式，承诺月息2%，向不特定社会公众吸收资金800万元。2019年后，甲在公司资金链断裂的情况下，隐瞒真相，继续以投资新能源项目为名募集资金90万元，所得款项被其用于购买豪车。上述两项合计890万元。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("8000000"), RAISE: D("900000")},
    ),
    (
        "b2_extort_fraud_fake_police",
        "2020年3月，被告人甲冒充派出所民警，打电话给乙称其涉嫌洗钱，要求其将存款转入“安全账户”，乙先后转账6.6万元。2020年5月，甲在网上结识丙后，以将丙的裸照发给其家人为要挟，迫使丙转账1.2万元。",
        [FRAUD, EXTORT],
        {FRAUD: D("66000"), EXTORT: D("12000")},
    ),
    (
        "b2_funds_post_cashier",
        "被告人甲系某酒店收银主管。2020年6月，甲利用保管酒店营业款的便利，将营业款7万元交给其朋友乙用于赌博，乙至今未还。2020年9月，甲私自将当日营业款1.3万元装入自己口袋带走，并删除收银系统内的相应记录。",
        [FUNDS, POST],
        {FUNDS: D("70000"), POST: D("13000")},
    ),
    (
        "b2_theft_fraud_codefendant_alone",
        "被告人甲与乙（另案处理）合谋后，于2022年1月在某工地偷走钢管一批，价值6800元。乙另外独自在该工地偷走电焊机一台，价值3200元（另案处理）。2022年2月，被告人甲虚构能帮丙的孩子进重点中学的事实，收取丙“择校费”2万元。",
        [THEFT, FRAUD],
        {THEFT: D("6800"), FRAUD: D("20000")},
    ),
    (
        "b2_contract_fraud_rent_car",
        "被告人甲以租车为名，与某汽车租赁公司签订租车协议，将租得的价值18万元的小轿车抵押给他人，得款6万元后挥霍。被告人甲又在某婚恋网站上谎称自己是富商，以资金周转为由先后向乙借款4万元。",
        [CONTRACT, FRAUD],
        {CONTRACT: D("180000"), FRAUD: D("40000")},
    ),
    (
        "b2_graft_neglect_loss",
        "被告人甲系某区民政局低保科科长。2018年，甲利用审核发放低保金的职务便利，以其亲属的名义虚增低保户12户，将领取的低保金8.6万元用于个人开支。甲在负责低保审核工作中不认真履行职责，对他人提交的虚假材料未予审查，导致不符合条件的人员领取低保金共计56万元。",
        [GRAFT, NEGLECT],
        {GRAFT: D("86000")},
    ),
]


# What the engine still gets wrong: most are amounts.py's exclusions of a figure by the payment or use named beside it,
# which for a duty crime is the unit's money taken (E43's reader, not the scoping here)
MISSES = {
    "b1_graft_write_off": "不上缴而归自己使用 names no 贪污 word of the standards' conduct_words; 接受…礼金 no word of 刑法第385条",
    "b2_three_duty_crimes": "挪用 told as 转入其控制的账户，用于偿还其个人房贷 names no 挪用公款 word of the standards' conduct_words",
    "b2_rob_snatch_bike": "a robbery told as 撞倒…猛击…抢下 names no word of 刑法第263条 (抢下 is a snatching's too)",
    "b2_funds_post_cashier": "职务侵占 told as 装入自己口袋带走…删除记录 names no word of 刑法第271条; the 挪用 count carries over",
}


def _params(cases):
    return [
        written_case(pid, text, charges, expected, misses=MISSES) for pid, text, charges, expected in cases
    ]


@pytest.mark.parametrize(("text", "charges", "expected"), _params(BATCH_ONE))
def test_first_batch_each_charge_takes_its_own_amount(text, charges, expected):
    got = own_amounts(text, charges)
    assert {c: got.get(c) for c in expected} == expected


@pytest.mark.parametrize(("text", "charges", "expected"), _params(BATCH_TWO))
def test_second_batch_each_charge_takes_its_own_amount(text, charges, expected):
    got = own_amounts(text, charges)
    assert {c: got.get(c) for c in expected} == expected


# Texts just outside each rule: (id, text, charges, expected per charge)
OUTSIDE = [
    # a total of one charge's figures stays that charge's (the sum of two thefts, then a fraud)
    (
        "a_total_of_one_charge_stays_its_own",
        "被告人甲窃取乙的手机一部，价值2000元，又窃取丙的电脑一台，价值3000元，共计价值5000元。被告人甲又骗取丁现金4000元。",
        [THEFT, FRAUD],
        {THEFT: D("5000"), FRAUD: D("4000")},
    ),
    # a total whose own clause names a charge's conduct is that charge's, even when it equals the figures of two
    (
        "a_total_told_with_its_conduct_word",
        "被告人甲窃取乙现金3000元。被告人甲又骗取丙4000元，先后共计骗取7000元。",
        [THEFT, FRAUD],
        {THEFT: D("3000"), FRAUD: D("7000")},
    ),
    # a total that is not the sum of the figures before it is not read as theirs: the nearest charge's total, as before
    (
        "a_total_that_sums_no_figures_told",
        "被告人甲窃取乙现金3000元，骗取丙4000元，涉案金额合计9000元。",
        [THEFT, FRAUD],
        {THEFT: D("3000"), FRAUD: D("9000")},
    ),
    # a theft word followed by 得手, not by 所得, still tells the theft
    (
        "a_theft_word_not_naming_proceeds",
        "被告人甲盗窃得手电动车一辆，价值3000元。被告人乙明知系赃物仍予以收购。",
        [THEFT, CONCEAL],
        {THEFT: D("3000"), CONCEAL: D("3000")},
    ),
    # the value of the things a concealer bought is his amount, not a price
    (
        "a_value_before_the_things_bought",
        "被告人甲窃取手机两部。被告人乙明知是甲盗窃来的手机，仍收购价值5000元的上述手机。",
        [THEFT, CONCEAL],
        {CONCEAL: D("5000")},
    ),
    # another tried elsewhere who took part in the defendant's act: the defendant's act
    (
        "another_tried_elsewhere_taking_part",
        "被告人甲伙同乙（另案处理）窃取某工地电缆线，价值4800元。被告人甲又骗取丙5000元。",
        [THEFT, FRAUD],
        {THEFT: D("4800"), FRAUD: D("5000")},
    ),
    # the defendant named without 被告人 acting alone, beside another tried elsewhere, is the defendant's own act
    (
        "the_defendant_alone_beside_another_tried_elsewhere",
        "被告人甲以帮人办理驾照为由骗取丙现金5000元。2021年6月，甲单独窃取某小区电动车一辆，价值2600元，乙未参与（另案处理）。",
        [THEFT, FRAUD],
        {THEFT: D("2600"), FRAUD: D("5000")},
    ),
    # the same in a prosecutor's words: the person tried is 犯罪嫌疑人 (parties.DEFENDANT_WORDS)
    (
        "the_suspect_alone_beside_another_tried_elsewhere",
        "犯罪嫌疑人甲以帮人办理驾照为由骗取丙现金5000元。2021年6月，甲单独窃取某小区电动车一辆，价值2600元，乙未参与（另案处理）。",
        [THEFT, FRAUD],
        {THEFT: D("2600"), FRAUD: D("5000")},
    ),
    # inside one count a sentence naming no conduct still continues the one before
    (
        "a_sentence_within_its_count_carries_on",
        "一、××：\n被告人甲窃取乙的手机一部。经鉴定，该手机价值2600元。\n二、××：\n被告人甲骗取丙3000元。",
        [THEFT, FRAUD],
        {THEFT: D("2600"), FRAUD: D("3000")},
    ),
    # 冒领 told as the defendant's own act, not after 致使 / 导致, stays his 贪污
    (
        "a_drawing_not_caused_by_the_neglect",
        "被告人甲利用职务便利冒领低保金3万元。被告人甲不认真审核，致使他人冒领低保金20万元。",
        [GRAFT, NEGLECT],
        {GRAFT: D("30000")},
    ),
    # a fraud's loan told with 骗 before it stays the fraud's beside a 挪用资金 count, though 归还 follows it
    (
        "a_fraud_not_returned_beside_a_misappropriation",
        "被告人甲将公司资金10万元挪作他用。被告人甲以投资为名骗取乙8万元，至今拒不归还。",
        [FUNDS, FRAUD],
        {FUNDS: D("100000"), FRAUD: D("80000")},
    ),
    # 募集资金 names no 集资诈骗 where no word of the fraud is told: with one other charge, the 非法吸收's
    (
        "raising_funds_is_no_fundraising_fraud_word",
        "被告人甲向社会公开宣传，承诺保本付息，募集资金300万元。",
        [DEPOSIT, RAISE],
        {DEPOSIT: D("3000000"), RAISE: None},
    ),
]


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [pytest.param(text, charges, expected, id=pid) for pid, text, charges, expected in OUTSIDE],
)
def test_just_outside_each_rule(text, charges, expected):
    got = own_amounts(text, charges)
    assert {c: got.get(c) for c in expected} == expected
