"""With several charges, robbery's aggravated forms are read in the sentences that tell of robbery, told as judgments
tell it (劫得, 劫取, 抢得 …), not only where the word 抢劫 stands (刑法第263条; issue 16 class 3). Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

THEFT = "一、2020年5月3日，被告人陈某{where}，窃取{what}，价值3000元。"
ROBBERY = "二、2020年8月12日凌晨，被告人陈某{where}，持刀威胁{whom}，劫得现金3000元。"


def _robbery(theft_where: str, robbery_where: str, whom: str) -> str:
    text = (
        "经审理查明："
        + THEFT.format(where=theft_where, what="财物")
        + ROBBERY.format(where=robbery_where, whom=whom)
    )
    calc = calculate(extract(text, ["盗窃", "抢劫"]))
    return next(c for c in calc.charges if c.charge == "抢劫").bracket_label


def test_a_home_robbery_beside_a_theft_is_entering_a_home():
    assert _robbery("在某商场", "翻墙进入被害人周某家中", "周某").startswith("10年以上")


def test_the_thefts_home_does_not_make_the_street_robbery_one():
    assert _robbery("翻墙进入被害人周某家中", "在某路拦截被害人赵某", "赵某").startswith("3年以上10年以下")
