"""Two of 刑法第263条's aggravated forms as judgments tell them, each beside a text just outside it. Fact texts
written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

ROBBERY = "经审理查明，2020年8月12日，被告人陈某{how}，劫得现金500元。"


def _bracket(how: str) -> str:
    (charge,) = calculate(extract(ROBBERY.format(how=how), ["抢劫"])).charges
    return charge.bracket_label


def test_following_the_victim_into_her_home_is_entering_a_home():
    """刑法第263条第(一)项 入户抢劫 (法发〔2016〕2号 二: 户 is a dwelling); her doorstep is not inside it."""
    assert _bracket("尾随被害人周某至其租住的房屋内，持刀威胁周某").startswith("10年以上")
    assert _bracket("尾随被害人周某至其家门口，持刀威胁周某").startswith("3年以上10年以下")


def test_a_real_gun_is_robbery_with_a_gun_an_imitation_is_not():
    """刑法第263条第(七)项 持枪抢劫: 枪支 as the 枪支管理法 defines it (法释〔2000〕35号第五条), not a 仿真枪 or a toy."""
    assert _bracket("持自制手枪威胁周某").startswith("10年以上")
    assert _bracket("持火药枪威胁周某").startswith("10年以上")
    assert _bracket("持仿真手枪威胁周某").startswith("3年以上10年以下")
    assert _bracket("持一把玩具手枪威胁周某").startswith("3年以上10年以下")
