"""集资诈骗 and 开设赌场 before Amendment 11 (in force 2021-03-01).

刑法第192条 then read 数额较大 五年以下有期徒刑或者拘役 / 数额巨大 五年以上十年以下 / 数额特别巨大 十年以上或者无期徒刑, on the
figures of 法释〔2010〕18号第五条 (个人 10万 / 30万 / 100万), with the 2017 guideline's starting points (≤2 years or 拘役, 5-6
years, 10-12); the amendment made it 三年以上七年以下 / 七年以上. 刑法第303条第2款 then read 三年以下有期徒刑、拘役或者管制 /
情节严重 三年以上十年以下; now 五年以下 / 五年以上十年以下. Facts that end before the change are placed by the earlier text,
as the courts that tried them before it did (刑法第12条, and amount_brackets.yaml `earlier_law` for arts. 163, 272 and 390).
For 开设赌场 the earlier text is the lighter, so a trial today applies it too; for 集资诈骗 of 30万 or more the present
text is the lighter, which a trial today would apply (刑法第12条: 处刑较轻的，适用本法) and the engine does not: it
cannot tell a judgment given before 2021 from one given after. Fact texts written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract


def fundraising(period: str, amount: str) -> str:
    return (
        f"公诉机关指控：{period}，被告人张某以投资养殖项目可获高额回报为诱饵，虚构事实，向社会公众非法集资人民币{amount}，"
        "所得款项用于个人挥霍，至案发无法归还。"
    )


def casino(period: str, gain: str, serious: bool) -> str:
    return (
        f"经审理查明：{period}，被告人赵某在其经营的茶楼内设置赌桌开设赌场，组织他人以“推牌九”方式赌博，抽头渔利共计"
        f"人民币{gain}" + ("，情节严重。" if serious else "。")
    )


@pytest.mark.parametrize(
    ("period", "amount", "bracket", "start"),
    [
        ("2016年1月至8月", "15万元", "5年以下有期徒刑、拘役", 8),
        ("2014年3月至2015年6月", "50万元", "5年以上10年以下有期徒刑", 60),  # 数额巨大 from 30万 then
        ("2013年2月至2014年9月", "150万元", "10年以上有期徒刑、无期徒刑", 120),
        ("2022年5月至2023年6月", "50万元", "3年以上7年以下有期徒刑", 36),  # after: 数额较大 below 100万
        ("2022年5月至2023年6月", "150万元", "7年以上有期徒刑、无期徒刑", 84),
    ],
    ids=["2016-150k", "2015-500k", "2014-1.5m", "2023-500k", "2023-1.5m"],
)
def test_fundraising_fraud_is_placed_by_the_text_in_force_when_the_facts_end(period, amount, bracket, start):
    calc = calculate(extract(fundraising(period, amount), charges=["集资诈骗"]))
    assert calc.charges[0].bracket_label == bracket
    starts = [s for s in calc.steps if s.kind == "starting_point"]
    assert [s.months_after for s in starts] == [start]


def test_the_earlier_text_is_named_in_the_trace():
    calc = calculate(extract(fundraising("2016年1月至8月", "15万元"), charges=["集资诈骗"]))
    (step,) = [s for s in calc.steps if s.rule_id == "method.earlier_law"]
    assert "修正案（十一）" in step.citation


@pytest.mark.parametrize(
    ("period", "serious", "bracket", "start"),
    [
        ("2016年3月至7月", True, "3年以上10年以下有期徒刑", 36),
        ("2016年3月", False, "3年以下有期徒刑、拘役、管制", 10),
        ("2023年3月至7月", True, "5年以上10年以下有期徒刑", 60),
    ],
    ids=["2016-serious", "2016-basic", "2023-serious"],
)
def test_a_gambling_den_is_placed_by_the_text_in_force_when_the_facts_end(period, serious, bracket, start):
    calc = calculate(extract(casino(period, "4万元" if serious else "3000元", serious), charges=["开设赌场"]))
    assert calc.charges[0].bracket_label == bracket
    starts = [s for s in calc.steps if s.kind == "starting_point"]
    assert [s.months_after for s in starts] == [start]
