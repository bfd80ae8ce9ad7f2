"""Charge inference when the user gives none: named charges first, then conduct words; always noted."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charges import infer_charges


def test_a_named_charge_is_taken_longest_name_first():
    facts = extract("公诉机关认为，被告人的行为已构成生产、销售伪劣产品罪，提请依法判处。")
    assert facts.charges == ["生产、销售伪劣产品"]
    assert any("推定" in note for note in facts.notes)


def test_conduct_words_name_a_common_crime():
    facts = extract("被告人甲醉酒驾驶机动车，经检测血液酒精含量为150mg/100ml。")
    assert facts.charges == ["危险驾驶"]
    assert calculate(facts).charges[0].charge == "危险驾驶"


def test_given_charges_are_never_replaced():
    assert extract("被告人窃取手机一部，价值3000元。", charges=["诈骗"]).charges == ["诈骗"]


def test_no_charge_is_invented_from_unrelated_text():
    facts = extract("被告人甲与乙系邻居，二人于某日在村口聊天。")
    assert facts.charges == []
    assert calculate(facts).confidence == "low"


# issue 16 classes 3 and 8: numbered counts that tell different conduct are a case of several charges
TWO_CONDUCTS = (
    "经审理查明：\n一、2017年3月5日，被告人李某在某超市内偷拿白酒2瓶，价值人民币1100元。\n"
    "二、2017年4月8日，被告人李某在某饭店因琐事与被害人王某发生争执，持酒瓶将王某头部打伤，经鉴定为轻伤二级。"
)
THREE_THEFTS = (
    "经审理查明：\n1、2016年3月5日晚，被告人赵某在某小区窃取电动车一辆，价值人民币1800元。\n"
    "2、2016年3月12日晚，被告人赵某在某超市门口窃取电动车一辆，价值人民币2100元。\n"
    "3、2016年4月2日凌晨，被告人赵某翻窗进入某商店，窃得现金人民币900元。"
)


def test_counts_telling_different_conduct_each_give_their_charge():
    assert sorted(infer_charges(TWO_CONDUCTS)) == sorted(["故意伤害", "盗窃"])
    drunk_then_officers = (
        "经审理查明：\n1、2019年2月3日22时许，被告人马某醉酒后驾驶小型轿车在某路段行驶，被执勤民警查获，经鉴定其血液中"
        "乙醇含量为176mg/100ml。\n2、2019年2月3日22时许，在民警对其进行检查时，被告人马某拒不配合，对执勤民警拳打脚踢，"
        "以暴力方法阻碍民警依法执行职务，致一名民警轻微伤。"
    )
    assert sorted(infer_charges(drunk_then_officers)) == sorted(["妨害公务", "危险驾驶"])


def test_counts_of_the_same_conduct_give_one_charge():
    assert infer_charges(THREE_THEFTS) == ["盗窃"]
    one_act = "经审理查明，2017年3月5日，被告人李某在某超市内偷拿白酒2瓶，价值人民币1100元。"
    assert infer_charges(one_act) == ["盗窃"]
