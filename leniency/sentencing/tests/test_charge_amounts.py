"""Several charges, each on its own amount: the money told of each charge's conduct, not the case's total."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charge_amounts import amounts_by_charge

RULE = "method.several_charges.own_amount"
BRIBE_AND_FRAUD = (
    "被告人甲利用职务便利，收受他人财物28900元，为他人谋取利益。被告人甲又虚构事实，骗取乙30万元，据为己有。"
)


def test_each_amount_goes_to_the_charge_whose_conduct_comes_before_it():
    own = amounts_by_charge(BRIBE_AND_FRAUD, {"受贿": ["收受"], "诈骗": ["骗"]}, ["受贿", "诈骗"])
    assert own == {"受贿": Decimal("28900"), "诈骗": Decimal("300000")}
    assert extract(BRIBE_AND_FRAUD).amount_yuan == Decimal("328900")  # the case's total is unchanged


def test_a_sentence_naming_no_conduct_continues_the_one_before():
    text = "一、盗窃事实。2016年5月，被告人甲窃取被害人财物。经鉴定，上述财物价值人民币8000元。二、诈骗事实。被告人甲骗取乙现金20000元。"
    own = amounts_by_charge(text, {"盗窃": ["盗窃", "窃取"], "诈骗": ["骗"]}, ["盗窃", "诈骗"])
    assert own == {"盗窃": Decimal("8000"), "诈骗": Decimal("20000")}


def test_money_told_of_a_charge_not_measured_by_amount_is_nobodys():
    text = "被告人甲窃取他人手机一部，价值3000元。被告人甲又花费5000元购买伪造的驾驶证。"
    conduct = {"盗窃": ["窃取"], "伪造、变造、买卖国家机关公文、证件、印章": ["伪造", "证件"]}
    assert amounts_by_charge(text, conduct, ["盗窃"]) == {"盗窃": Decimal("3000")}


def test_a_charge_whose_conduct_tells_no_money_gets_none_and_no_conduct_at_all_gives_nothing():
    text = "被告人甲多次盗窃他人财物，数额巨大；抢夺他人财物一次，价值1560元。"
    assert amounts_by_charge(text, {"盗窃": ["盗窃"], "抢夺": ["抢夺"]}, ["盗窃", "抢夺"]) == {
        "盗窃": None,
        "抢夺": Decimal("1560"),
    }
    assert (
        amounts_by_charge("被告人甲获利5000元。", {"盗窃": ["盗窃"], "诈骗": ["骗"]}, ["盗窃", "诈骗"]) == {}
    )


def test_the_calculator_places_each_charge_by_its_own_amount():
    """受贿 (amount_brackets.yaml: 30,000 / 200,000 / 3,000,000): on the case's total of 328,900 yuan it would
    reach the 3-10-year bracket; its own 28,900 yuan keeps it in the lowest. 诈骗 takes 300,000 yuan: the
    数额巨大 tier (50,000 or more), whose starting point lies in 3-4 years."""
    calc = calculate(extract(BRIBE_AND_FRAUD, charges=["诈骗", "受贿"]))
    own = {s.charge: s.description_zh for s in calc.steps if s.rule_id == RULE}
    assert "数额为300,000元" in own["诈骗"] and "数额为28,900元" in own["受贿"] and "328,900" in own["受贿"]
    bribe = next(c for c in calc.charges if c.charge == "受贿")
    assert bribe.bracket_label.startswith("3年以下")
    fraud_start = next(s for s in calc.steps if s.kind == "starting_point" and s.charge == "诈骗")
    assert 36 <= fraud_start.months_after <= 48
    alone_on_total = calculate(extract(BRIBE_AND_FRAUD, charges=["受贿"]))
    assert alone_on_total.charges[0].bracket_label.startswith("3年以上")
    assert not [s for s in alone_on_total.steps if s.rule_id == RULE]  # one charge: the case's total
