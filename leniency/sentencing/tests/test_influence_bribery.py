"""利用影响力受贿 (刑法第388条之一, Amendment VII) is punished by its own article's three brackets: 数额较大或者有其他较重
情节 3 years or less or 拘役; 数额巨大或者有其他严重情节 3-7 years; 数额特别巨大或者有其他特别严重情节 7 years or more
(and a fine or confiscation). No life, no death: those are art. 383's (贪污), which charge_names.txt had lent it.
Its amounts are 受贿's (2016 贪污贿赂 interpretation art. 10: 参照受贿罪的规定; arts. 1-3: 30,000 / 200,000 /
3,000,000 yuan). Fact texts written for these tests, not taken from any data set."""

import pytest

from leniency.sentencing.calibrate_engine import run_engine
from leniency.sentencing.catalogue import find_charge

CHARGE = "利用影响力受贿"
FACT = (
    "被告人甲系某县国土资源局局长乙的弟弟。{when}，甲利用乙职权形成的便利条件，通过其他国家工作人员职务上的行为，"
    "为请托人丙在土地出让和工程招投标中谋取不正当利益，先后收受丙给予的现金共计人民币{amount}元。{harm}"
)


def _sentence(amount: str, harm: str = ""):
    fact = FACT.format(when="2017年至2019年间", amount=amount, harm=harm)
    result = run_engine(fact, [CHARGE])
    assert not result.errors and result.calculation is not None
    return result.calculation


def test_its_brackets_are_its_own_articles_three():
    info = find_charge(CHARGE)
    assert [(b.floor_months, b.ceiling_months) for b in info.brackets] == [(1, 36), (36, 84), (84, 180)]
    assert not any(b.life or b.death for b in info.brackets)
    assert {b.source for b in info.brackets} == {"第三百八十八条之一"}


@pytest.mark.parametrize(
    "harm",
    ["", "给国家和人民利益造成特别重大损失，情节特别严重。"],
    ids=["amount", "and-especially-grave-harm"],
)
def test_a_very_large_amount_stays_in_seven_to_fifteen_years(harm):
    """五千万元 is 数额特别巨大; even with the words of art. 383's death bracket the top is 15 years' 有期徒刑."""
    calc = _sentence("五千万", harm)
    assert not calc.death_penalty and not calc.life_imprisonment and calc.penalty == "imprisonment"
    assert 84 <= calc.low <= calc.months <= calc.high <= 180


def test_an_amount_of_the_middle_bracket_is_three_to_seven_years():
    calc = _sentence("五十万")  # 200,000 <= 500,000 < 3,000,000: 数额巨大
    assert 36 <= calc.low <= calc.months <= calc.high <= 84


def test_a_small_amount_stays_within_three_years():
    calc = _sentence("五万")  # 30,000 <= 50,000 < 200,000: 数额较大
    assert not calc.life_imprisonment and not calc.death_penalty
    assert calc.months <= 36 and calc.high <= 36
