"""E90's written fact texts for amounts and circumstances independent examiners found misread: a malicious overdraft
told with the bank's interest (the principal is the amount, 法释〔2018〕19号第九条), false VAT invoices told with their
face sum (the tax is the amount, 法〔2018〕226号), a suspect who came in when the
police telephoned him (自动投案, 法释〔1998〕8号第一条), and goods redeemed from a pawn and given back (退赃, 2021量刑指导意见
三(10)). Each with what a careful lawyer reads in it, written down before the engine was run on it."""

from decimal import Decimal

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Circumstance

CARD_FRAUD = ["信用卡诈骗"]

OVERDRAFTS = [
    # the bank's claim first, the principal beside it (其中透支本金)
    (
        "经审理查明：2014年3月，被告人王某在中国建设银行某支行申领信用卡一张，后持卡透支消费及取现，经银行多次催收后仍不"
        "归还。截至2015年6月12日，被告人王某尚欠透支本息共计人民币68532.41元，其中透支本金人民币52300元。2015年8月3日，"
        "被告人王某被公安机关抓获。",
        Decimal("52300"),
    ),
    # the principal in brackets after the debt (欠款本息…（其中本金…）): the debt word sets neither aside
    (
        "公诉机关指控：2013年5月至2014年2月，被告人李某使用其在中国农业银行申领的信用卡恶意透支，经银行两次催收，超过三个月"
        "仍未归还，共计欠款本息人民币31280.55元（其中本金人民币24600元）。案发后，被告人李某家属代为归还全部欠款。",
        Decimal("24600"),
    ),
    # principal and charges told apart, then added up (合计): the sum is the bank's claim, not the amount
    (
        "经审理查明：2016年1月，被告人赵某以其本人名义在招商银行办理信用卡一张，透支后以各种理由拒不还款。经银行多次催收，"
        "截至案发，赵某透支本金人民币41000元，产生利息、滞纳金等人民币9760.3元，合计50760.3元。",
        Decimal("41000"),
    ),
    # the name before a colon (本金：)
    (
        "公诉机关指控：被告人梁某于2012年办理信用卡一张，2014年起透支后拒不还款。经银行两次以上催收，超过三个月仍未归还，"
        "截至2015年3月，梁某尚欠透支款本金：28650元，利息及滞纳金：6211元。2015年4月，梁某被抓获。",
        Decimal("28650"),
    ),
    # two cards, each with its debt and its principal: the principals added
    (
        "经审理查明：2013年至2014年，被告人罗某持其申领的中国工商银行、中国银行信用卡各一张透支消费，经银行多次催收仍不"
        "归还。截至案发，罗某工商银行信用卡欠款本息共计人民币42135.6元，其中本金人民币35000元；中国银行信用卡欠款本息"
        "共计人民币20876.3元，其中本金人民币17600元。",
        Decimal("52600"),
    ),
    # a principal paid back is none of the amount (已归还本金)
    (
        "经审理查明：2015年2月，被告人钱某持其在中国银行申领的信用卡透支取现，经银行多次催收拒不归还。截至立案时，钱某尚欠"
        "透支本金人民币36000元，此前其曾归还本金人民币2000元。",
        Decimal("36000"),
    ),
]


@pytest.mark.parametrize(("text", "principal"), OVERDRAFTS)
def test_malicious_overdraft_is_measured_by_the_principal_unpaid(text, principal):
    assert extract(text, charges=CARD_FRAUD).amount_yuan == principal


def test_an_overdraft_told_without_its_principal_keeps_the_sum_told():
    text = (
        "经审理查明：2016年5月，被告人孙某使用其信用卡恶意透支，经银行两次催收超过三个月仍不归还，透支款共计人民币"
        "23000元。"
    )
    assert extract(text, charges=CARD_FRAUD).amount_yuan == Decimal("23000")


def test_principal_outside_a_card_fraud_is_no_overdraft():
    text = (
        "经审理查明：2016年至2017年，被告人周某以高息为诱饵，骗取被害人吴某人民币20万元，其中本金人民币15万元系吴某向他人"
        "借款。"
    )
    assert extract(text, charges=["诈骗"]).amount_yuan == Decimal("200000")


def circumstances(text: str) -> set[Circumstance]:
    return {f.code for f in extract(text).circumstances}


PHONED = [
    "经审理查明：2015年7月3日晚，被告人褚某在某小区内盗窃电动自行车一辆，经鉴定价值人民币2100元。2015年7月10日，公安"
    "机关电话通知褚某到派出所接受调查，褚某接到电话后即自行到派出所，如实供述了上述犯罪事实。",
    "公诉机关指控：2014年6月2日，被告人蒋某在某菜市场扒窃被害人手机一部，经鉴定价值人民币2600元。同年6月9日，蒋某经民警"
    "电话通知后自行到案，到案后如实供述了犯罪事实。",
    "经审理查明：2017年3月，被告人韩某在某工地盗窃钢管若干，经鉴定价值人民币4300元。同月12日，民警电话通知韩某到派出所，"
    "韩某于当日主动到派出所，如实供述了自己的罪行。",
    "经审理查明：2016年6月，被告人宋某在某超市盗窃香烟十条，价值人民币2300元。同年6月8日，民警电话联系宋某，宋某于次日"
    "主动前往公安局，如实供述了自己的犯罪事实。",
]


@pytest.mark.parametrize("text", PHONED)
def test_coming_in_when_the_police_telephone_is_surrender(text):
    assert Circumstance.SURRENDER in circumstances(text)


NOT_CAME = [
    # refused, then caught
    "经审理查明：2014年9月，被告人沈某窃取被害人韩某放置在店内的手机一部，经鉴定价值人民币3200元。同月15日，民警电话通知"
    "沈某到案，沈某拒不到案，后于同月20日被民警抓获。",
    # came to the scene, not to the authority
    "经审理查明：2016年3月，被告人杜某多次利用伪基站设备发送广告短信。被告人杜某经其妻电话通知，主动到现场配合公安机关调查，"
    "归案后如实供述了犯罪事实。",
]


@pytest.mark.parametrize("text", NOT_CAME)
def test_a_call_refused_or_a_scene_visited_is_no_surrender(text):
    assert Circumstance.SURRENDER not in circumstances(text)


def test_goods_redeemed_from_a_pawn_and_given_back_are_restitution():
    text = (
        "公诉机关指控：2013年11月，被告人秦某骗取被害人许某笔记本电脑一台，经鉴定价值人民币4500元，秦某将该电脑典当。"
        "案发后，秦某已赎回该电脑并发还被害人。"
    )
    assert Circumstance.RESTITUTION in circumstances(text)


def test_goods_the_family_redeemed_and_handed_to_the_police_are_restitution():
    text = (
        "经审理查明：2014年8月，被告人潘某盗窃被害人电动车一辆，经鉴定价值人民币2800元，后潘某将该车抵押给他人得款1000元。"
        "案发后，潘某的父亲将该车赎回后交由公安机关发还被害人。"
    )
    assert Circumstance.RESTITUTION in circumstances(text)


def test_goods_the_police_redeemed_are_no_restitution():
    text = (
        "经审理查明：2015年6月，被告人曹某盗窃被害人金手镯一只，经鉴定价值人民币6200元，曹某将其典当得款3000元。案发后，"
        "公安机关从典当行将该手镯赎回并发还被害人。"
    )
    assert Circumstance.RESTITUTION not in circumstances(text)


FALSE_INVOICES = ["虚开增值税专用发票、用于骗取出口退税、抵扣税款发票"]

INVOICES = [
    # price and tax together first (价税合计), the tax after it
    (
        "经审理查明：2015年4月至12月，被告人孙某在没有真实货物交易的情况下，让他人为其经营的某贸易有限公司虚开增值税专用"
        "发票38份，价税合计人民币4388000元，税额人民币637572.65元，上述发票均已认证抵扣。",
        Decimal("637572.65"),
    ),
    # the price, the tax and the sum of both, each with its 共计
    (
        "公诉机关指控：2014年间，被告人周某为牟利，以某建材公司名义为他人虚开增值税专用发票20份，发票金额共计人民币"
        "1709401.71元，税款共计人民币290598.29元，价税合计人民币2000000元。",
        Decimal("290598.29"),
    ),
    # the invoices' face sum and their tax (票面金额, 票面税额), neither added to the other
    (
        "经审理查明：2016年3月，被告人吴某在无真实交易的情况下，以支付开票费的方式，让某钢材公司为其公司虚开增值税专用"
        "发票10份，票面金额人民币854700.85元，票面税额人民币145299.15元。吴某已将上述发票向税务机关申报抵扣。",
        Decimal("145299.15"),
    ),
]


@pytest.mark.parametrize(("text", "tax"), INVOICES)
def test_false_vat_invoices_are_measured_by_their_tax(text, tax):
    assert extract(text, charges=FALSE_INVOICES).amount_yuan == tax


def test_false_invoices_that_name_no_tax_keep_the_sum_told():
    text = (
        "经审理查明：2015年6月，被告人郑某为他人虚开增值税专用发票5份，价税合计人民币351000元，收取开票费人民币"
        "21000元。"
    )
    assert extract(text, charges=FALSE_INVOICES).amount_yuan == Decimal("351000")


SHAM_SALES = [
    # an attempt: the price asked is what the fraud aimed at (法释〔2011〕7号第五条)
    (
        "经审理查明：2015年11月，被告人鲁某将事先准备好的假玉石谎称为祖传和田玉，欲以人民币5万元的价格卖给被害人韦某。韦某"
        "将钱款带至交易地点时，鲁某被接到报警的民警当场抓获，诈骗未得逞。",
        Decimal("50000"),
    ),
    # done: the price paid is the money taken
    (
        "经审理查明：2015年3月，被告人俞某将假冒的名人字画谎称为真品，以人民币4万元的价格卖给被害人任某，得款4万元。",
        Decimal("40000"),
    ),
]


@pytest.mark.parametrize(("text", "price"), SHAM_SALES)
def test_a_fraud_selling_a_sham_is_measured_by_its_price(text, price):
    assert extract(text, charges=["诈骗"]).amount_yuan == price


def test_an_attempted_sham_sale_is_an_attempt_at_its_price():
    facts = extract(SHAM_SALES[0][0], charges=["诈骗"])
    assert Circumstance.ATTEMPT in {f.code for f in facts.circumstances}


def test_a_thiefs_resale_price_stays_no_amount():
    text = (
        "经审理查明：2016年7月，被告人包某盗窃被害人电动车一辆，后以人民币500元的价格卖给他人。经鉴定，该车价值人民币"
        "2400元。"
    )
    assert extract(text, charges=["盗窃"]).amount_yuan == Decimal("2400")


def test_a_card_debt_paid_back_in_full_by_the_family_is_restitution():
    text = OVERDRAFTS[1][0]  # "案发后，被告人李某家属代为归还全部欠款"
    assert Circumstance.RESTITUTION in {f.code for f in extract(text, charges=CARD_FRAUD).circumstances}
