"""The crime amount on passages written for task E54 (issue 16 class 4: amounts summed twice or missed), not taken
from the dev judgments.

Classes: the same sum told in two numbered counts (two acts, not one restated), the part still unreturned beside the
sum taken in (非法吸收公众存款), the workers' pay a 拒不支付劳动报酬 withholds, and a duty crime's money named by the
kind of payment it was (押金, 租金, 变卖款, 补偿款) and then kept or used through the post.

FIRST_BATCH was written first and scored before any change: 2 of 17 right. After the rules (further_counts.in_other_counts,
unreturned_sums, amount_context.WAGES_WITHHELD, duty_money): 17 of 17. SECOND_BATCH was written after those rules, new
phrasings, and scored once before its own fixes: 11 of 14 (also 11 of 14 at the commit before E54); its fixes (a
count's keeping told after its figure, 挪作他用, 应支付…工资款): 14 of 14.
"""

from decimal import Decimal

import pytest

from leniency.sentencing.extract import extract

THEFT, FRAUD, EXTORT, AFFRAY = "盗窃", "诈骗", "敲诈勒索", "寻衅滋事"
DEPOSIT, WAGES = "非法吸收公众存款", "拒不支付劳动报酬"
POST, FUNDS, GRAFT, PUBLIC = "职务侵占", "挪用资金", "贪污", "挪用公款"

# (id, charge, text, the amount a court finds)
FIRST_BATCH = [
    # --- the same figure in two numbered counts: two acts ---
    (
        "counts_diyiqi_same_cash",
        THEFT,
        "经审理查明：第一起：2020年5月3日凌晨，被告人甲在某镇农贸市场摊位内窃取现金800元。第二起：2020年5月9日凌晨，"
        "被告人甲在同一市场另一摊位内窃取现金800元。",
        "1600",
    ),
    (
        "counts_numbered_semicolons_same_sum",
        FRAUD,
        "经审理查明，被告人甲以帮忙办理驾驶证为由，先后骗取他人钱财：1、2021年3月，骗取同事王某现金5000元；"
        "2、2021年4月，骗取邻居张某现金5000元；3、2021年6月，骗取朋友李某现金3000元。",
        "13000",
    ),
    (
        "counts_bracket_headings_same_demand",
        EXTORT,
        "公诉机关指控：（一）2019年7月，被告人甲以曝光不雅视频相威胁，向某甲索要人民币2万元，某甲被迫转账。"
        "（二）2019年9月，被告人甲以同样手段向某乙索要人民币2万元，某乙被迫转账。",
        "40000",
    ),
    (
        "counts_first_second_time_same_cash",
        AFFRAY,
        "经审理查明，被告人甲于2020年间多次到某烧烤店强拿硬要：第一次拿走店内现金1000元，第二次拿走店内现金1000元，"
        "第三次拿走香烟一条，价值300元。",
        "2300",
    ),
    (
        "counts_dated_lines_same_value",
        THEFT,
        "经审理查明：\n1.2021年1月5日，被告人甲在某小区地下车库盗窃电动自行车一辆，经鉴定价值1500元。\n"
        "2.2021年1月12日，被告人甲在某小区地下车库盗窃电动自行车一辆，经鉴定价值1500元。",
        "3000",
    ),
    # --- the sum still unreturned beside the sum taken in ---
    (
        "deposits_shangyou_weiguihuan",
        DEPOSIT,
        "经审理查明，2017年至2019年，被告人甲以其公司开发养老项目需要资金为由，承诺年息12%，向社会公众吸收资金"
        "共计人民币520万元，截至案发尚有人民币230万元未归还。",
        "5200000",
    ),
    (
        "deposits_reng_you_weituihuan",
        DEPOSIT,
        "经审理查明，被告人甲通过发放传单、召开推介会等方式，向120余名群众非法吸收存款1800万元，已支付利息300万元，"
        "至今仍有1100万元本金未退还。",
        "18000000",
    ),
    (
        "deposits_weidui_fu",
        DEPOSIT,
        "经审理查明，被告人甲以投资农业合作社为名，向不特定社会公众吸收资金共计96万元，案发时尚有58万元未兑付。",
        "960000",
    ),
    # --- 拒不支付劳动报酬: the workers' unpaid pay ---
    (
        "wages_refused_migrant_workers",
        WAGES,
        "经审理查明，被告人甲承包某小区绿化工程后，拖欠28名农民工工资共计人民币31.2万元，经人力资源和社会保障局下达"
        "限期整改指令书后，仍以转移财产的方法拒不支付。",
        "312000",
    ),
    (
        "wages_escaped_labour_pay",
        WAGES,
        "公诉机关指控，被告人甲经营的服装厂停产后，甲以逃匿的方法逃避支付45名员工的劳动报酬共计人民币67.8万元，"
        "经政府有关部门责令支付仍不支付。",
        "678000",
    ),
    (
        "wages_owed_to_named_worker",
        WAGES,
        "经审理查明，被告人甲在某工地承包木工活，雇佣乙等17人施工，工程结束后，甲结算工程款后逃匿，欠付乙等17人工资"
        "共计人民币19.6万元。",
        "196000",
    ),
    # --- duty crimes: the unit's money named by its kind, then taken ---
    (
        "duty_deposit_kept_by_cashier",
        POST,
        "经审理查明，被告人甲在某酒店担任前台收银员期间，利用收取客人押金的职务便利，将收取的押金共计人民币3.8万元"
        "不入账，据为己有。",
        "38000",
    ),
    (
        "duty_rent_collected_not_booked",
        GRAFT,
        "经审理查明，被告人甲系某街道办事处工作人员，负责管理街道所属门面房，2018年至2020年，甲将收取的门面房租金"
        "共计人民币9.6万元截留，据为己有。",
        "96000",
    ),
    (
        "duty_scrap_sale_money_pocketed",
        POST,
        "经审理查明，被告人甲担任某物流公司仓库主管期间，利用职务便利，将公司废旧纸箱变卖，所得变卖款2.3万元"
        "未上交公司，占为己有。",
        "23000",
    ),
    (
        "duty_compensation_fund_diverted",
        PUBLIC,
        "经审理查明，被告人甲利用担任村委会报账员协助政府管理征地补偿款的职务便利，将其经手的征地补偿款30万元"
        "转入其个人账户，用于购买商铺，三个月后归还。",
        "300000",
    ),
    (
        "duty_fund_used_for_gambling",
        FUNDS,
        "经审理查明，被告人甲系某公司出纳，利用保管公司资金的职务便利，将其保管的公司备用金12万元用于网络赌博，"
        "至案发时未归还。",
        "120000",
    ),
    (
        "duty_welfare_money_spent",
        GRAFT,
        "经审理查明，被告人甲利用负责发放高龄补贴的职务便利，虚报已故老人8人继续领取补贴，将领取的高龄补贴金"
        "2.4万元用于个人消费。",
        "24000",
    ),
]

# written after the first batch's rules, scored before its own fixes
SECOND_BATCH = [
    (
        "b2_paren_arabic_same_extortion",
        EXTORT,
        "经审理查明，被告人甲在某网络平台结识被害人后，以散布聊天记录相要挟，分别实施了以下行为：（1）2022年4月，"
        "迫使被害人乙通过微信向其转账6000元；（2）2022年6月，迫使被害人丙通过微信向其转账6000元。",
        "12000",
    ),
    (
        "b2_duty_first_second_sum",
        POST,
        "经审理查明，被告人甲在担任某建材公司销售经理期间，利用收取货款的职务便利，侵占公司货款两笔：第一笔，"
        "2020年3月将客户支付的货款2万元转入其个人银行账户；第二笔，2020年7月将客户支付的货款2万元转入其个人银行账户。",
        "40000",
    ),
    (
        "b2_two_counts_then_their_total",
        FRAUD,
        "公诉机关指控：（一）2021年1月，被告人甲谎称能办理低保，骗取乙现金1万元。（二）2021年2月，被告人甲以同样理由"
        "骗取丙现金1万元。上述两起诈骗共计人民币2万元。",
        "20000",
    ),
    (
        "b2_ordinals_mid_sentence",
        THEFT,
        "经审理查明，被告人甲于2021年10月两次潜入某小区车库，第1次窃得车内现金600元，第2次窃得车内现金600元。",
        "1200",
    ),
    (
        "b2_deposits_owed_principal",
        DEPOSIT,
        "经审理查明，被告人甲以其经营的茶叶公司扩大生产为名，承诺月息1.5%，向社会公众吸收资金共计1200万元，其中已返还"
        "本息480万元，尚欠集资参与人本金720万元。",
        "12000000",
    ),
    (
        "b2_deposits_audit_unreturned_principal",
        DEPOSIT,
        "经审理查明，被告人甲向46名群众吸收存款共计210万元。经审计，截至案发，未归还的本金数额为85万元。",
        "2100000",
    ),
    (
        "b2_wages_verb_after_kind",
        WAGES,
        "经审理查明，经核算，被告人甲应支付工人工资款共计23.4万元，甲以资金困难为由拒不支付，后更换手机号码逃匿。",
        "234000",
    ),
    (
        "b2_wages_labour_fee_owed",
        WAGES,
        "经审理查明，被告人甲结欠王某等9名工人劳务费8.3万元，经劳动监察部门责令支付后仍未支付。",
        "83000",
    ),
    (
        "b2_duty_insurance_claims_to_wife",
        POST,
        "经审理查明，被告人甲系某保险公司理赔员，利用职务便利，将应支付给客户的理赔款6.5万元转入其妻子账户。",
        "65000",
    ),
    (
        "b2_duty_property_fee_misused",
        FUNDS,
        "经审理查明，被告人甲挪用本单位收取的物业费9万元用于购买私家车，半年后归还。",
        "90000",
    ),
    (
        "b2_duty_pension_of_the_dead",
        GRAFT,
        "经审理查明，被告人甲利用负责养老金发放的职务便利，在3名退休人员去世后隐瞒不报，继续领取其养老金共计4.8万元后"
        "占为己有。",
        "48000",
    ),
    (
        "b2_duty_salesman_collected_not_handed_in",
        POST,
        "经审理查明，被告人甲系某公司业务员，负责收取客户货款，2021年收取客户货款7.2万元后未交回公司，用于归还个人欠款。",
        "72000",
    ),
    (
        "b2_duty_rent_collected_diverted",
        FUNDS,
        "经审理查明，被告人甲系某物业公司出纳，将其代收的商铺租金共计15万元挪作他用，用于炒股，三个月后归还。",
        "150000",
    ),
    (
        "b2_duty_reimbursement_fake_records",
        GRAFT,
        "经审理查明，被告人甲利用负责新农合报销审核的职务便利，以虚构住院病历的方式冒领医疗费报销款共计13.2万元。",
        "132000",
    ),
]

# Texts just outside each rule: (id, charge, text, expected amount or None)
OUTSIDE = [
    # a figure of one count told again in an unnumbered sentence is that count's sum restated, not a third act
    (
        "o_count_figure_restated_unnumbered",
        THEFT,
        "经审理查明：第一起：2020年5月3日，被告人甲在某市场窃取现金800元。经查，该800元系摊主当日营业款。第二起：2020年5月9日，"
        "被告人甲在该市场窃取现金500元。",
        "1300",
    ),
    # the same figure in two items of the list of evidence is proof of one count, not two acts
    (
        "o_count_figure_in_two_proof_items",
        FRAUD,
        "经审理查明，被告人甲骗取乙人民币5000元，骗取丙人民币3000元。上述事实，有下列证据证实：1、被害人乙的陈述，证实其被骗"
        "5000元；2、被告人甲的供述，证实其骗取乙5000元。",
        "8000",
    ),
    # two counts with the same figure that tells no taking or value (each 标会's pot) stay one figure, as before
    (
        "o_counts_same_pot_no_taking",
        DEPOSIT,
        "经审理查明，被告人甲组织民间标会两场：1、2013年3月，甲组织一场标会，会款总额50000元；2、2013年5月，甲组织一场标会，"
        "会款总额50000元。标会解散后，造成会员损失共计人民币80000元。",
        "80000",
    ),
    # a sum not repaid with no part named (尚有, 其中 …) is a sum of its own
    (
        "o_unreturned_no_part_named",
        FRAUD,
        "经审理查明，被告人甲虚构投资项目，骗取乙人民币20万元。此后，甲又以资金周转为由骗取丙人民币5万元未归还。",
        "250000",
    ),
    # the unreturned part told alone is the only figure: it stays the amount
    (
        "o_unreturned_told_alone",
        DEPOSIT,
        "经审理查明，被告人甲以高息为诱饵向社会公众吸收资金，截至案发尚有人民币120万元未归还。",
        "1200000",
    ),
    # the pay owed to the defendant himself stays his pay, no amount
    (
        "o_wages_owed_to_the_defendant",
        THEFT,
        "经审理查明，因老板拖欠其工资5000元，被告人甲遂窃取老板的手机一部，经鉴定价值2000元。",
        "2000",
    ),
    # 拖欠 naming no workers is no withheld pay
    (
        "o_wages_owed_no_workers_named",
        THEFT,
        "经审理查明，被告人甲因公司拖欠工资3000元心生不满，于当晚窃取公司仓库内电缆一批，经鉴定价值4100元。",
        "4100",
    ),
    # a deposit the defendant paid, with no post: a payment beside the crime
    (
        "o_deposit_paid_by_the_defendant",
        THEFT,
        "经审理查明，被告人甲入住某宾馆时交纳押金500元，当晚趁服务员不备，窃取前台抽屉内现金3000元后逃离。",
        "3000",
    ),
    # a return named before the figure is a return, whatever the post
    (
        "o_duty_return_named_before",
        POST,
        "经审理查明，被告人甲利用担任出纳的职务便利，将公司货款8万元据为己有。案发后，甲退还公司3万元并取得谅解。",
        "80000",
    ),
    # the proceeds of a theft used by the holder of a post are the proceeds, not money held
    (
        "o_duty_theft_proceeds_used",
        THEFT,
        "经审理查明，被告人甲利用担任仓库保管员的便利，将仓库内电缆盗走变卖，经鉴定价值4.6万元，将所得赃款1.5万元用于赌博。",
        "46000",
    ),
    # the keeping told after another figure is that figure's: the rent the company paid is no money kept
    (
        "o_duty_kept_after_another_figure",
        GRAFT,
        "经审理查明，被告人甲利用担任公司行政主管的职务便利，在公司支付员工宿舍房租共计9.6万元的过程中，从中虚报冒领3万元"
        "据为己有。",
        "30000",
    ),
    # a loan with no deceit told after it stays a loan
    (
        "o_loan_no_deceit_after",
        THEFT,
        "经审理查明，被告人甲向乙借款1万元，约定三个月后归还。同年5月，甲窃取乙家中现金3000元。",
        "3000",
    ),
]


# Read wrong when E54 wrote it, read since E67 (raised_funds.py, with the case's charge passed by extract):
# 集资诈骗 deducts what was returned before the case came to light (法释〔2022〕5号: 集资诈骗的数额以行为人实际骗取
# 的数额计算，案发前已归还的数额应予扣除; article number recalled, unconfirmed), unlike 非法吸收公众存款 (第六条, the whole sum)
READ_SINCE_E67 = [
    (
        "raise_fraud_returned_before_discovery",
        "集资诈骗",
        "经审理查明，被告人甲隐瞒资金用途，以高额回报为诱饵向社会公众募集资金共计300万元，用于个人挥霍，案发前已归还集资"
        "参与人本金120万元。",
        "1800000",
    ),
]


def amount(text: str, charge: str) -> Decimal | None:
    return extract(text, charges=[charge]).amount_yuan


def _params(cases):
    return [pytest.param(charge, text, expected, id=pid) for pid, charge, text, expected in cases]


@pytest.mark.parametrize(("charge", "text", "expected"), _params(FIRST_BATCH))
def test_first_batch(charge, text, expected):
    assert amount(text, charge) == Decimal(expected)


@pytest.mark.parametrize(("charge", "text", "expected"), _params(SECOND_BATCH))
def test_second_batch(charge, text, expected):
    assert amount(text, charge) == Decimal(expected)


@pytest.mark.parametrize(("charge", "text", "expected"), _params(OUTSIDE))
def test_just_outside_each_rule(charge, text, expected):
    got = amount(text, charge)
    assert got == (Decimal(expected) if expected is not None else None)


@pytest.mark.parametrize(("charge", "text", "expected"), _params(READ_SINCE_E67))
def test_read_since_e67(charge, text, expected):
    assert amount(text, charge) == Decimal(expected)


def test_case_ids_are_unique():
    ids = [case[0] for case in FIRST_BATCH + SECOND_BATCH + OUTSIDE + READ_SINCE_E67]
    assert len(ids) == len(set(ids))
