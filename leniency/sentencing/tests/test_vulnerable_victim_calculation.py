"""2021量刑指导意见 三(17) and 三(18) in the calculation: each may add up to 20% of the baseline (可以); the engine
takes 10%, the middle of the range, as for the other "X%以下" circumstances (circumstances.yaml). Fact texts written
here; the extraction is tested in test_vulnerable_victims.py and test_disaster_period.py."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

THEFT = "经审理查明，2021年3月5日上午，被告人李某在某菜市场内，趁{who}挑选蔬菜之机，扒窃其上衣口袋内的现金人民币6600元。"
FRAUD = "经审理查明，2020年2月，{when}被告人陈某在微信朋友圈发布出售口罩的虚假信息，骗取被害人褚某货款人民币12000元。"


def _circ(text: str, charge: str):
    calc = calculate(extract(text, [charge]))
    return calc, [s for s in calc.steps if s.rule_id in ("circ.vulnerable_victim", "circ.disaster")]


def test_a_theft_from_a_man_in_his_seventies_adds_ten_percent_of_the_baseline():
    calc, steps = _circ(THEFT.format(who="七旬老人王某"), "盗窃")
    plain, none = _circ(THEFT.format(who="王某"), "盗窃")
    assert [s.rule_id for s in steps] == ["circ.vulnerable_victim"] and none == []
    assert steps[0].ratio == 0.10 and "三(17)" in steps[0].citation
    assert calc.months > plain.months


def test_a_fraud_in_the_epidemic_period_adds_ten_percent_and_a_date_alone_does_not():
    calc, steps = _circ(FRAUD.format(when="新冠肺炎疫情防控期间，"), "诈骗")
    plain, none = _circ(FRAUD.format(when=""), "诈骗")
    assert [s.rule_id for s in steps] == ["circ.disaster"] and none == []
    assert steps[0].ratio == 0.10 and "三(18)" in steps[0].citation
    assert calc.months > plain.months


def test_the_rape_of_a_girl_under_fourteen_is_not_aggravated_again_for_her_age():
    text = "经审理查明，被告人钱某明知被害人周某（女，12岁）系不满十四周岁的幼女，仍于2020年7月在其家中与周某发生性关系。"
    _, steps = _circ(text, "强奸")
    assert steps == []


def test_a_vulnerable_victim_of_one_count_does_not_aggravate_the_other_count():
    text = (
        "经审理查明：一、2021年3月5日，被告人李某在某菜市场内，趁七旬老人王某挑选蔬菜之机，扒窃其现金人民币6600元。"
        "二、2021年4月2日，被告人李某因琐事与被害人赵某（男，35岁）发生争执，持木棍将赵某打致轻伤二级。"
    )
    calc = calculate(extract(text, ["盗窃", "故意伤害"]))
    aggravated = {s.charge for s in calc.steps if s.rule_id == "circ.vulnerable_victim"}
    assert aggravated == {"盗窃"}
