"""A new crime within the probation period of a suspended sentence (刑法第77条第1款: 应当撤销缓刑…把前罪和后罪所判处的刑罚，
依照本法第六十九条的规定，决定执行的刑罚), issue 16 class 7: the suspended sentence, whole, is combined with the new
one under art. 69. Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

SUSPENDED = (
    "经审理查明，被告人甲因犯盗窃罪于2020年3月被某县人民法院判处有期徒刑八个月，缓刑一年。在缓刑考验期内，"
    "2020年10月5日，被告人甲又在某超市窃取商品，价值人民币9000元。"
)


def _combined(calc):
    return next((s for s in calc.steps if s.rule_id == "method.art77"), None)


def test_the_suspended_sentence_is_read_whole():
    procedure = extract(SUSPENDED, ["盗窃"]).procedure
    assert procedure.probation_revoked is True
    assert (procedure.prior_unserved.penalty, procedure.prior_unserved.months) == ("imprisonment", 8)


def test_it_is_combined_with_the_new_crime_under_article_69():
    alone = calculate(extract(SUSPENDED.replace("在缓刑考验期内，", ""), ["盗窃"]))
    calc = calculate(extract(SUSPENDED, ["盗窃"]))
    step = _combined(calc)
    assert step is not None and "刑法第77条" in step.citation
    assert (
        max(alone.months, 8) < calc.months <= alone.months + 8
    )  # art. 69: above the longest, at most the total
    assert not calc.probation_advised


def test_detention_for_the_new_crime_beside_the_suspended_imprisonment_executes_the_imprisonment():
    """刑法第69条第2款: 数罪中有判处有期徒刑和拘役的，执行有期徒刑."""
    calc = calculate(extract(SUSPENDED.replace("9000元", "2500元"), ["盗窃"]))
    assert _combined(calc) is not None
    assert (calc.penalty, calc.months) == ("imprisonment", 8)


def test_a_crime_after_the_probation_period_is_not_combined():
    text = SUSPENDED.replace("在缓刑考验期内，", "缓刑考验期满后，").replace("2020年10月5日", "2021年10月5日")
    facts = extract(text, ["盗窃"])
    assert facts.procedure.probation_revoked is False
    assert _combined(calculate(facts)) is None
