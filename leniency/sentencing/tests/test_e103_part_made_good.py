"""Restitution and compensation in part, weighed by the part (task E103), on fact texts written for it in the manner of
2013-2018 judgments (not copied from the dev data).

2021量刑指导意见 三(10): 对于退赃、退赔的，综合考虑犯罪性质，退赃、退赔行为对损害结果所能弥补的程度，退赃、退赔的数额及主动
程度等情况，可以减少基准刑的30%以下; 三(11): 积极赔偿…并取得谅解的 40%以下, 积极赔偿但没有取得谅解的 30%以下, 尽管没有赔偿，但
取得谅解的 20%以下. A return of a part told with its figure weighs the default by the part of the crime's amount made good
(at least 30% of it), a part told without a figure half of it, a part paid with forgiveness the forgiveness's share
and the payment's above it by the part (circumstances.yaml `by_part`, calculator_adjust.weighed_share).

The first batch (13 texts, b1_) was scored before any change: 3 of 13 weighed as a lawyer would (the two whole returns
and the text with nothing returned); after the fixes 13 of 13. The second batch (14 texts, b2_), written after them, was
scored before its own fix: 13 of 14 once three miscomputed expectations were corrected (a quarter returned is below
the floor; robbery's strict leniency, method.yaml `strict_leniency`, scales the share); the miss: the sum a part is
taken from (退还了所骗20000元中的8000元) read as returned too. After it, 14 of 14 (2 of 14 on the engine before E103).
"""

from decimal import Decimal as D

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import MadeGood, weighed_share
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.payments_made import PartPaid, part_paid
from leniency.sentencing.standards import load_standard

KINDS = ("restitution", "compensation", "forgiveness", "reconciliation")


def amends_shares(text: str, charges: list[str]) -> dict[str, float]:
    """The share each 退赃/赔偿/谅解 step of the calculation weighs, by its rule."""
    steps = calculate(extract(text, charges=charges)).steps
    return {
        s.rule_id[len("circ.") :]: round(-s.ratio, 4)
        for s in steps
        if (s.rule_id or "").startswith("circ.") and any(k in s.rule_id for k in KINDS)
    }


BATCH_1 = [
    pytest.param(
        ["盗窃"],
        "经审理查明：2015年3月12日晚，被告人张某在某小区地下车库内，撬锁盗窃被害人李某的电动自行车一辆，经鉴定价值人民币8000元。案发后，被告人张某已全部退赔被害人经济损失。被告人张某到案后如实供述了自己的罪行。",
        {"restitution": 0.15},
        id="b1_full_words",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2016年4月，被告人王某以帮助办理贷款为由，骗取被害人赵某人民币15000元。案发后，被告人王某退赔被害人赵某经济损失2000元。",
        {"restitution": 0.045},
        id="b1_part_both_figures",
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2014年7月5日，被告人刘某在某商场内窃取被害人陈某的挎包一个，内有现金人民币8000元。到案后，被告人刘某退还被害人陈某人民币3000元。",
        {"restitution": 0.05625},
        id="b1_part_3000_of_8000",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2017年2月至5月，被告人周某以虚构投资项目为由，先后骗取被害人吴某人民币共计42000元，所得款项用于个人消费。案发后，被告人周某已退还部分赃款。",
        {"restitution": 0.075},
        id="b1_part_no_figure",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2015年9月，被告人郑某冒充某公司工作人员，骗取被害人孙某人民币30000元。案发后，被告人郑某赔偿了被害人孙某部分损失。",
        {"restitution": 0.075},
        id="b1_part_loss_paid",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：2016年8月3日晚，被告人冯某与被害人何某因琐事发生争执，冯某持木棍击打何某头部，致何某轻伤一级。案发后，被告人冯某赔偿了被害人何某部分经济损失，并取得了被害人的谅解。",
        {"compensation_and_forgiveness": 0.175},
        id="b1_comp_part_forgiven",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2018年1月，被告人钱某以介绍工作为由，骗取被害人褚某人民币20000元，所得款项已被其挥霍。被告人钱某至今未退赔被害人的经济损失。",
        {},
        id="b1_nothing_returned",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2015年6月，被告人卫某以合伙做生意为由，骗取被害人蒋某人民币20000元。案发后，被告人卫某退赔被害人蒋某人民币18000元。",
        {"restitution": 0.135},
        id="b1_most_returned",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2014年11月2日，被告人沈某在某网吧内窃取被害人韩某的手提电脑一台，经鉴定价值人民币5000元。案发后，被告人沈某退赔被害人韩某人民币5000元。",
        {"restitution": 0.15},
        id="b1_full_figure",
    ),
    pytest.param(
        ["职务侵占"],
        "经审理查明：2016年3月至2017年1月，被告人杨某利用担任某公司收银员的职务便利，将收取的货款共计人民币65000元占为己有。案发后，被告人杨某退还了部分侵占款项。",
        {"restitution": 0.075},
        id="b1_embezzle_part_words",
    ),
    pytest.param(
        ["诈骗"],
        "公诉机关指控：2017年10月，被告人朱某以帮助子女入学为由，骗取被害人秦某人民币3万元。审理期间，被告人朱某退赔被害人秦某经济损失人民币1万元。",
        {"restitution": 0.05},
        id="b1_wan_figure",
    ),
    pytest.param(
        ["交通肇事"],
        "经审理查明：2015年12月8日，被告人尤某驾驶小型轿车行驶至某路口时，未注意观察路面情况，撞倒行人许某，致许某经抢救无效死亡。经交警部门认定，被告人尤某负事故的全部责任。案发后，被告人尤某赔偿了被害人家属部分经济损失。",
        {"compensation": 0.075},
        id="b1_traffic_part_comp",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2016年5月，被告人吕某以投资理财为由，骗取被害人施某人民币30000元。案发后，被告人吕某退赔被害人施某10000元，尚有20000元未退赔。",
        {"restitution": 0.05},
        id="b1_left_unreturned",
    ),
]


BATCH_2 = [
    pytest.param(
        ["诈骗"],
        "经审理查明：2016年7月至9月，被告人孔某以出售低价手机为名，先后骗取被害人曹某、严某人民币共计20000元。案发后，被告人孔某退赔被害人经济损失共计人民币5000元。",
        {"restitution": 0.045},
        id="b2_total_word",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2013年9月20日凌晨，被告人华某翻窗进入某五金店，窃取店内现金人民币二万元。案发后，被告人华某退还赃款人民币五千元。",
        {"restitution": 0.045},
        id="b2_chinese_numerals",
    ),
    pytest.param(
        ["诈骗"],
        "公诉机关指控：2018年3月，被告人金某以帮助被害人魏某之子办理参军手续为由，骗取魏某人民币12000元。审理期间，被告人金某的家属代为退赔被害人魏某经济损失人民币3000元。",
        {"restitution": 0.045},
        id="b2_family_paid",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2017年4月，被告人陶某以介绍工作为由，分别骗取被害人姜某人民币4000元、被害人戚某人民币6000元，共计10000元。案发后，被告人陶某分别退赔被害人姜某2000元、被害人戚某3000元。",
        {"restitution": 0.075},
        id="b2_two_victims_each",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2015年10月，被告人谢某谎称可以低价购得车辆，骗取被害人邹某人民币12000元。案发后，被告人谢某退赔被害人邹某经济损失8000元，取得了被害人邹某的谅解。",
        {"restitution": 0.1, "forgiveness": 0.1},
        id="b2_fraud_paid_forgiven",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：2014年5月2日，被告人喻某在某饭店内因琐事与被害人柏某发生争吵，后持啤酒瓶砸伤柏某头部，经鉴定，柏某的损伤程度为轻伤二级。案发后，被告人喻某赔偿被害人柏某医疗费等经济损失人民币2万元，并取得了被害人的谅解。",
        {"compensation_and_forgiveness": 0.25},
        id="b2_injury_figure_forgiven",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2016年2月14日，被告人水某在某菜市场内扒窃被害人窦某的钱包一个，内有现金人民币3500元。赃款已被被告人水某挥霍，至今尚未退赔。",
        {},
        id="b2_nothing_yet",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2017年8月，被告人章某以投资养殖为由，骗取被害人云某人民币50000元。案发后，被告人章某部分退赃。",
        {"restitution": 0.075},
        id="b2_part_before_verb",
    ),
    pytest.param(
        ["职务侵占"],
        "经审理查明：2015年1月至6月，被告人苏某利用担任某物流公司出纳的职务便利，将公司货款人民币5万元据为己有。案发后，被告人苏某退还公司人民币1万元。",
        {"restitution": 0.045},
        id="b2_embezzle_figure",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2016年11月，被告人潘某以帮助办理低保为由，骗取被害人葛某人民币3万元。案发后，被告人潘某退赔被害人葛某1.2万元。",
        {"restitution": 0.06},
        id="b2_decimal_wan",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2017年3月，被告人邵某以帮助办理房产过户为由，骗取被害人俞某人民币20000元。案发后，被告人邵某退还了所骗20000元中的8000元。",
        {"restitution": 0.06},
        id="b2_part_of_the_sum_named",
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2015年8月，被告人季某盗窃被害人任某的摩托车一辆，经鉴定价值人民币6000元。案发后，被告人季某退赔被害人任某人民币2400元。经审理查明：2015年8月，被告人季某盗窃被害人任某的摩托车一辆，经鉴定价值人民币6000元。案发后，被告人季某退赔被害人任某人民币2400元。",
        {"restitution": 0.06},
        id="b2_told_twice",
    ),
    pytest.param(
        ["抢劫"],
        "经审理查明：2016年12月5日晚，被告人成某在某小巷内持刀威胁被害人戴某，抢走戴某现金人民币800元及手机一部。案发后，被告人成某退还被害人戴某部分财物。",
        {"restitution": 0.0525},
        id="b2_robbery_part_goods",
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2016年6月，被告人伍某以合伙开店为由，骗取被害人宁某人民币40000元。案发后，被告人伍某退赔了被害人宁某的部分经济损失人民币30000元。",
        {"restitution": 0.1125},
        id="b2_part_and_figure",
    ),
]


@pytest.mark.parametrize("charges,text,shares", BATCH_1 + BATCH_2)
def test_a_return_or_a_payment_is_weighed_by_the_part_it_made_good(charges, text, shares):
    assert amends_shares(text, charges) == pytest.approx(shares, abs=1e-4)


def test_the_part_paid_is_read_from_the_clause_of_the_return():
    text = "案发后，被告人王某退赔被害人赵某经济损失2000元，尚有13000元未退赔。"
    start = text.index("退赔")
    assert part_paid(text, start, start + 2) == PartPaid(paid=D("2000"), left=D("13000"))


def test_a_sum_named_before_the_verb_is_the_part_given_back():
    text = "案发后，被告人金某将其中2000元退还给被害人谢某。"
    start = text.index("退还")
    assert part_paid(text, start, start + 2) == PartPaid(paid=D("2000"))


def test_part_of_the_persons_paid_is_no_part_of_the_loss():
    text = "被告人胡某向部分商标权利人支付了赔偿款人民币10万元，取得了这部分权利人的谅解。"
    start = text.index("赔偿")
    assert part_paid(text, start, start + 2) == PartPaid(paid=D("100000"))


def test_most_returned_is_weighed_as_the_whole():
    text = "被告人梁某在被公安机关抓获后，退还大部分赃款。"
    start = text.index("退还")
    assert part_paid(text, start, start + 2) == PartPaid(whole=True)


def test_the_civil_part_settled_tells_no_part_paid():
    text = "附带民事部分已调解结案，被告人已按调解协议赔偿完毕。"
    start = text.index("赔偿")
    assert part_paid(text, start, start + 2) is None


def test_a_part_is_weighed_between_the_floor_and_the_default():
    rules = load_standard().circumstances
    restitution = rules["restitution"]
    assert weighed_share(restitution, MadeGood(0.01, ""), rules) == pytest.approx(0.045)  # floor: 30% of 15%
    assert weighed_share(restitution, MadeGood(0.6, ""), rules) == pytest.approx(0.09)
    assert weighed_share(restitution, MadeGood(1.0, ""), rules) == pytest.approx(0.15)
    assert weighed_share(restitution, MadeGood(None, ""), rules) == pytest.approx(0.075)  # 部分, no figure
    assert weighed_share(restitution, None, rules) == pytest.approx(0.15)


def test_a_part_paid_with_forgiveness_weighs_at_least_the_forgiveness_alone():
    rules = load_standard().circumstances
    both = rules["compensation_and_forgiveness"]
    assert weighed_share(both, MadeGood(0.0, ""), rules) == pytest.approx(0.10 + 0.3 * 0.15)
    assert weighed_share(both, MadeGood(None, ""), rules) == pytest.approx(0.175)


def test_a_sum_returned_is_not_weighed_against_an_amount_that_is_no_loss():
    # 生产、销售伪劣产品: the amount is the sales sum, not a victim's loss the gain given back makes good
    text = (
        "经审理查明：2016年3月至2017年2月，被告人邓某在其经营的门店内销售以次充好的电线，销售金额共计人民币32万元。"
        "案发后，被告人邓某退赔被害人经济损失人民币2万元。"
    )
    assert amends_shares(text, ["生产、销售伪劣产品"]) == {"restitution": 0.15}


def test_the_trace_says_the_part_weighed():
    text = BATCH_1[1].values[1]
    notes = calculate(extract(text, charges=["诈骗"])).notes
    assert any("2000元 / 15000元" in n and "4.5%" in n for n in notes)


def test_the_plea_bucket_absorbs_the_share_weighed_by_the_part():
    told = (
        "经审理查明：2017年6月，被告人曹某以帮助办理驾驶证为由，骗取被害人金某人民币20000元。案发后，被告人曹某退赔被害人"
        "金某经济损失{returned}。被告人曹某在审查起诉阶段自愿认罪认罚，签署了认罪认罚具结书。"
    )

    def bucket(returned: str) -> float:
        steps = calculate(extract(told.format(returned=returned), charges=["诈骗"])).steps
        return next(s.ratio for s in steps if s.rule_id and "bucket" in s.rule_id)

    # a quarter returned weighs the floor, 15% × 30% = 4.5%, in the bucket: 10.5 points less than the whole
    assert bucket("5000元") - bucket("20000元") == pytest.approx(0.15 - 0.045)
