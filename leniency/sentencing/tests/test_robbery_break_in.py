"""入户抢劫 (刑法第263条第(一)项) told as breaking open the home's door or window (撬开被害人周某家房门…): the dwelling
entered for the robbery (法发〔2016〕2号 二). A shop's shutter, a car's door, the doorstep and a failed attempt are not.
Fact texts written here."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

ROBBERY = "经审理查明，2020年8月12日凌晨，被告人陈某{how}，持刀威胁周某交出财物，劫得现金3000元。"


def _bracket(how: str) -> str:
    (robbery,) = calculate(extract(ROBBERY.format(how=how), ["抢劫"])).charges
    return robbery.bracket_label


@pytest.mark.parametrize(
    "how", ["撬开被害人周某家房门进入室内", "用石块砸开被害人周某家的窗户爬进屋内", "踹开被害人周某家防盗门"]
)
def test_breaking_into_the_home_is_entering_it(how):
    assert _bracket(how).startswith("10年以上")


@pytest.mark.parametrize(
    "how",
    [
        "撬开被害人周某经营的超市卷帘门进入店内",
        "撬开被害人周某停放在其家门口的汽车车门",
        "未能撬开被害人周某家房门，便在其家门口等候",
    ],
)
def test_a_shop_a_car_or_a_failed_attempt_is_not(how):
    assert _bracket(how).startswith("3年以上10年以下")
