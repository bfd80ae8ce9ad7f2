"""危险驾驶 (刑法第一百三十三条之一): the 拘役 scale rests on the blood alcohol, so it must be read as courts
write it ("乙醇定量检测为…mg／100ml", "㎎"), from the blood test rather than the breath test, and with
several drunk-driving acts from the highest reading. The fact texts are written for these tests."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

ACT = "2023年6月2日22时许，被告人孙某酒后驾驶小型轿车行驶至本市人民路时被执勤民警查获。"


def test_quantitative_ethanol_test_with_a_full_width_slash():
    text = ACT + "经鉴定，孙某送检血液中乙醇定量检测为212.4mg／100ml。"
    assert extract(text).blood_alcohol == Decimal("212.4")


def test_the_milligram_sign():
    text = ACT + "经检验，孙某血液酒精含量194.33㎎／100ml。"
    assert extract(text).blood_alcohol == Decimal("194.33")


def test_the_blood_test_wins_over_the_breath_test():
    """The breath test (95) comes first in the text; the blood test (150.2) is what the conviction rests on."""
    text = ACT + "经呼气酒精含量检测为95mg/100ml，后抽取血样，经鉴定，其血液中乙醇含量为150.2mg/100ml。"
    assert extract(text).blood_alcohol == Decimal("150.2")


def test_a_breath_test_alone_is_read():
    text = ACT + "孙某经呼气酒精含量检测为132mg/100ml，在抽取血样前逃离现场。"
    assert extract(text).blood_alcohol == Decimal("132")


def test_several_acts_take_the_highest_reading():
    text = (
        "一、2022年3月1日，被告人孙某醉酒驾驶小型轿车，经鉴定其血液中乙醇含量为121.75mg/100ml。"
        "二、2023年2月8日，被告人孙某再次醉酒驾驶，经鉴定其血液中乙醇含量为286.85mg/100ml。"
    )
    assert extract(text).blood_alcohol == Decimal("286.85")


def test_the_reading_moves_the_detention_term():
    """212.4 mg/100ml: one month plus one per 50 above 80 (dangerous_driving.yaml) = 3.6 months of 拘役; with
    no reading the minimum, one month, is all the engine can say."""
    read = calculate(
        extract(ACT + "经鉴定，孙某送检血液中乙醇定量检测为212.4mg／100ml。", charges=["危险驾驶"])
    )
    unread = calculate(extract(ACT, charges=["危险驾驶"]))
    assert (read.penalty, read.months) == ("detention", 4)
    assert (unread.penalty, unread.months) == ("detention", 1)
