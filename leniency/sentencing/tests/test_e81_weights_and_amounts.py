"""Drug weights and crime amounts the independent examiners found misread (task E81). Every text was written for this
task in the manner of the CAIL fact field (none copied from a judgment), with the reading a lawyer gives it written
before the engine ran on it.

FIRST batch (17 texts, with texts just outside each rule): 9/17 at c7157f9 (and gross_then_net_told_of_the_drug,
written after the 毒品 fix first broke it). Fixed by the law's words: a weight told of
what the text calls 毒品 takes the substance the report names (刑法第357条第2款: 查证属实; seized_items.py), a report in the
weight's own sentence first; each weight of a 分别 list counted, equal ones too (第347条第7款); 五点五千克 (numbers.py); the
value of loot handed back, told after a larger total value, is a part of it (法释〔2013〕8号第四条; amount_restatements);
集资诈骗's interest paid before discovery set off while principal is unreturned (法释〔2010〕18号第五条: 本金未归还可予折抵
本金; raised_funds.py); a receiver's 收购价格 gives way to the goods' value (法释〔2015〕11号; purchase_price.py). After: 17/17.

SECOND batch (14 texts, new phrasings, blood alcohol too), written after those fixes and scored before any change for
it: 14/14 (10/14 at c7157f9). THIRD batch (10 texts), likewise: 10/10 (7/10 at c7157f9); then E73's numbered exhibits
(1号检材…, weights listed 分别) were tied by their numbers. FOURTH batch (10 texts): 7/10 before its fixes (5/10 at
c7157f9; rebate_as_the_bait written after its fix); fixed: a payment told as the investors' return (以返利的名义…支付)
is a return (法释〔2010〕18号第五条), and a price told with 花费…予以收购 gives way to the value; left: a weight in a
sentence of its own (a strict xfail).
"""

from decimal import Decimal

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.drug_quantities import find_drugs
from leniency.sentencing.extraction.quantities import find_blood_alcohol
from leniency.sentencing.tests.written_texts import written_case

# a weight told in a sentence of its own after the one naming the item seized is read since E100 (the item told before;
# a drug named there, 查获冰毒5克。经称量，净重4.8克, still ties nothing, so a weight told again is not added)
MISSES: dict[str, str] = {}

# (id, text, {substance: grams})
FIRST_WEIGHTS = [
    (
        "generic_drug_weighed_in_numerals_then_tested",
        "2016年5月3日，被告人王某在某小区门口以人民币三千元的价格向李某某出售毒品一包，被民警当场抓获。经称量，该包毒品净重"
        "十二点五克；经鉴定，检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "12.5"},
    ),
    (
        "generic_drug_small_weight_in_numerals",
        "经审理查明，2015年8月12日晚，被告人张某某在其租住处被抓获，民警从其床头柜内查获毒品三小包。经称量，上述毒品净重共计"
        "零点三二克，经鉴定，均检出海洛因成分。",
        {"海洛因": "0.32"},
    ),
    (
        "two_blocks_weighed_each_then_tested",
        "公诉机关指控，2017年3月，被告人李某受他人雇佣运输毒品，民警在其驾驶的货车内查获毒品两块。经称量，两块毒品净重分别为"
        "348.6克、351.2克；经鉴定，均检出海洛因成分。",
        {"海洛因": "699.8"},
    ),
    (
        "two_bags_of_equal_weight_listed_apart",
        "民警在被告人赵某某的背包内查获毒品两袋，经称量，净重分别为五克、五克，经鉴定，均检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "10"},
    ),
    (
        "crystal_weight_in_numerals_hundreds",
        "2014年11月2日，公安民警在被告人刘某的住处查获白色晶体一包，经称量净重一百零五克，经鉴定，该晶体中检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "105"},
    ),
    (
        "kilograms_with_chinese_point",
        "经审理查明，被告人陈某某驾车运输毒品，被民警在高速公路收费站查获，从车内查获甲基苯丙胺五点五千克。",
        {"甲基苯丙胺": "5500"},
    ),
    (
        # just outside: a drug named in the weight's own sentence is that weight's, whatever a later report says
        "named_drug_weight_before_other_report",
        "民警从被告人孙某身上查获甲基苯丙胺一包，净重三点二克。经鉴定，被告人孙某尿液中检出吗啡成分。",
        {"甲基苯丙胺": "3.2"},
    ),
    (
        # just outside: 毒品 names no other thing between a gross weight and its net weight
        "gross_then_net_told_of_the_drug",
        "民警从被告人钱某的口袋内查获海洛因一包，毛重5.2克，经称量，毒品净重4.9克。",
        {"海洛因": "4.9"},
    ),
    (
        # just outside: a weight of a drug the text calls 毒品 with no report naming it is no known quantity
        "generic_drug_with_no_report_after",
        "被告人周某以人民币二百元的价格向吴某出售毒品一小包，净重0.2克。被告人周某到案后如实供述了上述事实。",
        {},
    ),
]

# (id, charge, text, amount in yuan)
FIRST_AMOUNTS = [
    (
        "jewellery_part_returned_valued_again",
        "盗窃",
        "经审理查明，2016年9月3日凌晨，被告人王某撬开某金店后门入内，窃得黄金饰品一批。经价格认定，被盗黄金饰品共计价值人民币"
        "三十万元。2016年9月10日被告人王某被抓获，后被告人王某主动退还部分黄金饰品，经认定价值人民币十万元。",
        "300000",
    ),
    (
        "phones_part_recovered_valued_again",
        "盗窃",
        "公诉机关指控，2017年4月至6月间，被告人李某某先后在某市多处手机店盗窃手机共计十五部，经鉴定，价值共计人民币4.5万元。"
        "案发后，公安机关追回其中六部手机并发还被害人，经鉴定价值人民币1.8万元。",
        "45000",
    ),
    (
        # just outside: the returned thing's value is the only value told, so it is the amount
        "returned_phone_valued_only_once",
        "盗窃",
        "经审理查明，2015年7月8日，被告人张某在某网吧内趁被害人赵某熟睡之机，窃得其苹果手机一部。案发后，公安机关追回该手机并发还"
        "被害人，经鉴定该手机价值人民币3200元。",
        "3200",
    ),
    (
        "fundraising_interest_paid_principal_unreturned",
        "集资诈骗",
        "公诉机关指控，2013年至2015年间，被告人刘某以投资养殖项目为名，承诺高额回报，向社会公众非法集资共计人民币300万元，"
        "案发前以支付利息的方式向集资参与人返还人民币60万元，其余款项被其挥霍，本金均未归还。",
        "2400000",
    ),
    (
        "fundraising_interest_before_discovery_sentence",
        "集资诈骗",
        "经审理查明，被告人孙某某以高息为诱饵向社会公众非法集资共计人民币500万元。案发前，被告人孙某某已支付集资参与人利息共计"
        "人民币80万元，造成集资参与人实际损失人民币420万元。",
        "4200000",
    ),
    (
        # just outside: 非法吸收公众存款 is the whole sum taken in (法释〔2010〕18号第六条 weighs returns in sentencing only)
        "deposits_interest_not_set_off",
        "非法吸收公众存款",
        "经审理查明，2014年至2016年间，被告人钱某以公司经营需要资金为由，承诺年息百分之二十，向社会不特定公众吸收资金共计人民币"
        "300万元，案发前已支付利息人民币60万元。",
        "3000000",
    ),
    (
        "stolen_phones_bought_value_and_price",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "公诉机关指控，2016年3月至5月间，被告人郑某明知是他人盗窃所得的手机，仍先后八次予以收购，共计收购手机八部。经价格认定，"
        "上述手机价值共计人民币二万四千元，被告人郑某收购价格共计人民币六千元。",
        "24000",
    ),
    (
        "stolen_motorbikes_bought_price_paid_before_value",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "经审理查明，被告人冯某明知是盗窃所得的摩托车，仍以人民币3000元的价格收购三辆，后加价转卖获利1500元。经鉴定，上述摩托车"
        "价值共计人民币1.2万元。",
        "12000",
    ),
    (
        # just outside: only the price paid is told, so it is the only figure
        "stolen_goods_price_only",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "经审理查明，被告人韩某明知是他人盗窃所得的电缆线，仍以每公斤10元的价格收购，共计支付人民币4500元。",
        "4500",
    ),
]


def _drug_grams(text: str) -> dict[str, Decimal]:
    grams: dict[str, Decimal] = {}
    for d in find_drugs(text):
        grams[d.kind] = grams.get(d.kind, Decimal(0)) + d.grams
    return grams


SECOND_WEIGHTS = [
    (
        "exhibit_weighed_in_numerals_then_tested",
        "公诉机关指控，2018年1月6日，民警在被告人杨某的住处查获可疑物品一包，经称量，检材净重二十六点八克，经鉴定，检材中检出"
        "海洛因成分。",
        {"海洛因": "26.8"},
    ),
    (
        "three_bags_listed_with_he",
        "经审理查明，民警从被告人何某某随身携带的手包内查获毒品三包。经称量，三包毒品净重分别为1.5克、2.3克和0.9克；经鉴定，"
        "均检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "4.7"},
    ),
    (
        "equal_weights_listed_in_numerals",
        "民警在被告人罗某驾驶的汽车扶手箱内查获毒品两小包，经称量净重分别为零点五克、零点五克，经鉴定，均检出海洛因成分。",
        {"海洛因": "1"},
    ),
    (
        "suspected_ice_weighed_in_numerals",
        "2015年6月20日，被告人马某在某宾馆房间内被民警抓获，民警当场查获疑似冰毒一包，净重二十一点三克。经鉴定，检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "21.3"},
    ),
    (
        # just outside: the same weight told again (该毒品), not a second bag
        "weight_told_again_not_listed",
        "民警从被告人林某处查获毒品一包，净重5克。经鉴定，该毒品5克中检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "5"},
    ),
]

SECOND_AMOUNTS = [
    (
        "bikes_recovered_valued_after_total",
        "盗窃",
        "经审理查明，2014年3月至5月间，被告人许某某先后五次在某小区盗窃电动车，被盗财物共计价值人民币2.6万元。案发后，公安机关"
        "起获被盗电动车两辆并发还被害人，经鉴定价值人民币5200元。",
        "26000",
    ),
    (
        # just outside: a further theft told after the total, its loot recovered, is another act's sum (法释〔2013〕8号: 累计)
        "further_theft_recovered_added",
        "盗窃",
        "经审理查明，2016年4月，被告人邓某先后三次盗窃他人财物，共计价值人民币8000元。2016年5月2日，被告人邓某又在某村窃得"
        "摩托车一辆，后被公安机关追回发还被害人，经鉴定价值人民币3000元。",
        "11000",
    ),
    (
        "fundraising_principal_and_interest_paid",
        "集资诈骗",
        "公诉机关指控，2015年至2017年间，被告人谢某以开发旅游项目为名，向社会公众非法集资共计人民币800万元。案发前，被告人谢某"
        "已向集资参与人支付本金及利息共计人民币150万元，其余资金被其用于个人消费。",
        "6500000",
    ),
    (
        # just outside: what went back after discovery is restitution, not out of the amount
        "fundraising_returned_after_arrest",
        "集资诈骗",
        "经审理查明，被告人潘某以高额返利为诱饵，向社会公众非法集资共计人民币260万元。被告人潘某归案后，其家属代为退还集资参与人"
        "人民币40万元。",
        "2600000",
    ),
    (
        "bought_with_yi_then_valued",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "经审理查明，2017年2月，被告人唐某明知是他人盗窃所得的笔记本电脑，仍以人民币5000元收购六台。经价格认定，上述笔记本电脑"
        "价值人民币1.8万元。",
        "18000",
    ),
    (
        "bought_and_resold_then_valued",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "公诉机关指控，被告人曹某明知是赃物，仍以人民币2000元的价格收购电动车三辆，后以人民币3500元的价格转卖他人。经鉴定，上述"
        "电动车价值人民币6000元。",
        "6000",
    ),
]


SECOND_BLOOD = [
    (
        "blood_in_numerals_per_hundred",
        "经鉴定，被告人王某某血液中乙醇含量为一百二十三点五毫克/100毫升。",
        "123.5",
    ),
    (
        "blood_sample_detected_then_content",
        "经检验，被告人张某的血样中检出乙醇，含量为98.6mg/100ml，属醉酒驾驶。",
        "98.6",
    ),
    (
        "blood_over_breath_reading",
        "经呼气酒精检测，被告人李某呼气酒精含量为85mg/100ml；经抽血鉴定，其血液中酒精含量为215.3mg/100mL。",
        "215.3",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [written_case(i, t, e, misses=MISSES) for i, t, e in SECOND_BLOOD]
)
def test_second_batch_blood_alcohol(text, expected):
    assert find_blood_alcohol(text)[0] == Decimal(expected)


THIRD_WEIGHTS = [
    (
        "approx_weight_in_numerals",
        "民警在被告人黄某家中查获毒品一包，经称量净重约十五克，经鉴定，检出氯胺酮成分。",
        {"氯胺酮": "15"},
    ),
    (
        "crystal_shaped_drug_two_bags",
        "公安民警从被告人郭某某的衣柜内查获白色晶体状毒品两包，经称量，净重分别为十点二克、八点六克。经鉴定，上述毒品中均检出"
        "甲基苯丙胺成分。",
        {"甲基苯丙胺": "18.8"},
    ),
    (
        "report_first_then_weight_in_numerals",
        "经鉴定，从被告人宋某处查获的毒品中检出甲基苯丙胺成分，经称量净重八点六克。",
        {"甲基苯丙胺": "8.6"},
    ),
    (
        # each seizure's own report, in its own sentence: the later report is not the first bag's
        "two_seizures_two_reports",
        "民警从被告人韦某身上查获毒品一包，净重1.1克，经鉴定检出海洛因成分。另从其住处查获白色晶体两包，净重共计6.4克，经鉴定"
        "检出甲基苯丙胺成分。",
        {"海洛因": "1.1", "甲基苯丙胺": "6.4"},
    ),
    (
        "three_bags_weighed_together_in_numerals",
        "民警从被告人蒋某驾驶的车内查获毒品三包，经称量，净重共计三百四十八点六克。经鉴定，上述毒品中检出海洛因成分，含量为45.6%。",
        {"海洛因": "348.6"},
    ),
]

THIRD_WEIGHTS += [
    (
        # written after the numbered exhibits were tied (E73's strict xfail): another wording of the numbers
        "exhibits_numbered_after_the_word",
        "民警从被告人冯某租住的房间内查获疑似毒品两包，经称量，净重分别为3.2克、4.5克。经鉴定，检材1中检出海洛因成分，检材2中"
        "检出甲基苯丙胺成分。",
        {"海洛因": "3.2", "甲基苯丙胺": "4.5"},
    ),
    (
        # just outside: an exhibit the report finds no drug in is no quantity
        "exhibit_with_no_drug_found",
        "民警查获毒品两包，经称量，净重分别为3.2克、4.5克。经鉴定，1号检材中检出海洛因成分，2号检材中未检出毒品成分。",
        {"海洛因": "3.2"},
    ),
]

THIRD_AMOUNTS = [
    (
        "interest_told_as_total_paid",
        "集资诈骗",
        "经审理查明，2014年至2016年间，被告人邱某以投资理财为名，向社会公众非法集资共计人民币1200万元。案发前，被告人邱某共计"
        "支付集资参与人利息人民币235.6万元。",
        "9644000",
    ),
    (
        "interest_and_principal_with_qizhong",
        "集资诈骗",
        "公诉机关指控，被告人范某以高额回报为诱饵向社会公众非法集资共计人民币680万元，其中已支付利息及返还本金共计人民币120万元，"
        "造成集资参与人损失人民币560万元。",
        "5600000",
    ),
    (
        "necklace_returned_bracket_value",
        "盗窃",
        "经审理查明，2013年10月，被告人陆某某入户盗窃，窃得金项链、手表等物品，经价格认证中心认定，被盗物品价值共计人民币1.5万元。"
        "案发后，被告人陆某某已将被盗的金项链退还被害人（价值人民币6000元）。",
        "15000",
    ),
    (
        "phones_bought_each_price_value_total",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "经审理查明，被告人石某明知是他人犯罪所得的手机，仍以每部300元的价格收购手机10部，经鉴定，上述手机价值共计人民币2.1万元。",
        "21000",
    ),
    (
        "restitution_after_total_in_wan",
        "盗窃",
        "公诉机关指控，被告人黎某先后四次盗窃，窃得财物共计价值人民币3.26万元。案发后，被告人黎某已退赔被害人经济损失人民币3.26万元，"
        "取得谅解。",
        "32600",
    ),
]


FOURTH_WEIGHTS = [
    (
        "bags_total_net_in_numerals",
        "民警从被告人罗某某处查获毒品五包，共计净重四十二点七克，经鉴定，均检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "42.7"},
    ),
    (
        "net_weight_in_a_sentence_of_its_own",
        "民警在被告人戴某的住处查获毒品一包。经称量，净重：十点零八克。经鉴定，该毒品中检出海洛因成分。",
        {"海洛因": "10.08"},
    ),
    (
        "tablets_weighed_in_numerals",
        "民警当场从被告人韩某身上查获红色药片五十粒，经称量，净重五点一克，经鉴定，检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "5.1"},
    ),
    (
        "three_listed_two_equal",
        "民警查获毒品三包，经称量净重分别为1.2克、1.2克、0.6克，经鉴定均检出海洛因成分。",
        {"海洛因": "3.0"},
    ),
]

FOURTH_AMOUNTS = [
    (
        "returned_value_before_the_total",
        "盗窃",
        "经审理查明，被告人王某某先后三次入户盗窃。案发后，公安机关追回被盗的笔记本电脑一台发还被害人，经鉴定价值人民币4500元。"
        "经价格认定，被告人王某某盗窃的财物共计价值人民币1.26万元。",
        "12600",
    ),
    (
        "paid_as_rebate_before_discovery",
        "集资诈骗",
        "经审理查明，被告人沈某以投资石材项目为名，向社会公众非法集资人民币920万元。案发前，被告人沈某以返利的名义向集资参与人"
        "支付人民币180万元。",
        "7400000",
    ),
    (
        # just outside: the rebate is the bait, and the money taken stays the amount
        "rebate_as_the_bait",
        "集资诈骗",
        "经审理查明，被告人沈某以高额返利的方式骗取群众资金共计人民币500万元。",
        "5000000",
    ),
    (
        "spent_on_buying_stolen_copper",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "经审理查明，被告人周某明知是他人盗窃的铜线，仍花费人民币3000元予以收购。经价格认定，上述铜线价值人民币9800元。",
        "9800",
    ),
    (
        "purchase_price_told_with_wei",
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        "公诉机关指控，被告人彭某明知是盗窃所得的电动车，仍予以收购，收购价为人民币800元。经鉴定，该电动车价值人民币2600元。",
        "2600",
    ),
    (
        "part_recovered_in_the_total_sentence",
        "盗窃",
        "经审理查明，被告人孔某窃得手机三部，经鉴定价值共计人民币6000元，其中一部手机已由公安机关追回发还被害人，价值人民币2000元。",
        "6000",
    ),
    (
        # just outside: the second count's cash, recovered, is that count's sum
        "second_count_recovered_added",
        "盗窃",
        "经审理查明：1、2017年3月5日，被告人唐某在某商场窃得被害人手机一部，经鉴定价值人民币3000元。2、2017年3月9日，被告人唐某在"
        "某超市窃得被害人钱包一个，内有现金1500元，后被公安机关追回发还被害人。",
        "4500",
    ),
]


WEIGHTS = FIRST_WEIGHTS + SECOND_WEIGHTS + THIRD_WEIGHTS + FOURTH_WEIGHTS
AMOUNTS = FIRST_AMOUNTS + SECOND_AMOUNTS + THIRD_AMOUNTS + FOURTH_AMOUNTS


@pytest.mark.parametrize(("text", "expected"), [written_case(i, t, e, misses=MISSES) for i, t, e in WEIGHTS])
def test_drug_weights(text, expected):
    assert _drug_grams(text) == {k: Decimal(v) for k, v in expected.items()}


@pytest.mark.parametrize(
    ("charge", "text", "amount"), [written_case(i, c, t, a, misses=MISSES) for i, c, t, a in AMOUNTS]
)
def test_amounts(charge, text, amount):
    assert extract(text, charges=[charge]).amount_yuan == Decimal(amount)
