"""管制 (public surveillance, Criminal Law art. 38: three months to two years, under 社区矫正) as a penalty of
its own (issue 16 failure class 1): only where the statute's bracket lists it, when the recommendation
names it (CPL art. 201) or the crime is minor and admitted; its months are 管制's, never months of prison,
and the CAIL2018 term counts it as 0.

Fact texts written for these tests, not taken from any data set."""

import dataclasses
from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calibrate_engine import EngineResult, engine_prediction
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import (
    CaseFacts,
    Finding,
    PriorJudgment,
    Procedure,
    QuotedRecommendation,
    SentenceMention,
    Span,
)
from leniency.sentencing.model.features import record_of

INJURY_RECOMMENDED = (
    "2023年6月1日，被告人周某在某菜市场与摊主发生口角，推搡中致被害人吴某轻伤二级。案发后，周某主动投案，"
    "如实供述，赔偿被害人经济损失并取得谅解。公诉机关建议判处被告人周某管制六个月至一年。"
)
THEFT_MINOR = (
    "2023年6月1日，被告人周某在某菜市场盗窃摊主钱包一个，内有现金人民币1500元，犯罪情节轻微。"
    "案发后，周某如实供述，自愿认罪认罚。"
)


def _step(calc, wording_rule="method.surveillance"):
    return next((s for s in calc.steps if s.rule_id == wording_rule), None)


def _recommended(months):
    quote = f"建议判处管制{months}个月"
    return QuotedRecommendation(months, months, "surveillance", Span(0, len(quote), quote))


def test_a_recommendation_of_surveillance_is_followed_where_the_bracket_lists_it():
    calc = calculate(extract(INJURY_RECOMMENDED, ["故意伤害"]))
    assert (calc.penalty, calc.months) == ("surveillance", 9)  # the middle of 六个月至一年
    assert 3 <= calc.low <= 9 <= calc.high <= 24
    assert calc.custodial_months == 0 and not calc.probation_lawful  # 管制 cannot be suspended (art. 72)
    step = _step(calc)
    assert "刑法第38条" in step.citation and "刑事诉讼法第201条" in step.citation
    assert "判处管制9个月" in step.description_zh and "社区矫正" in step.description_zh


def test_surveillance_is_scored_as_no_prison():
    """The CAIL2018 term counts 有期徒刑 and 拘役: 管制 is predicted as 0 months, with its range."""
    facts = extract(INJURY_RECOMMENDED, ["故意伤害"])
    calc = calculate(facts)
    prediction = engine_prediction(EngineResult(facts, calc), fallback=12)
    assert (prediction.months, prediction.low, prediction.high) == (0, 0, 0)
    record = record_of(facts, calc)
    assert (record.calc_months, record.calc_low, record.calc_high) == (0, 0, 0)


def test_a_recommendation_of_surveillance_is_not_followed_where_the_statute_excludes_it():
    """刑法第263条: 抢劫 is punished with three to ten years at least; 管制 is not in its brackets."""
    assert not find_charge("抢劫").brackets[0].surveillance
    facts = CaseFacts(text="", charges=["抢劫"], amount_yuan=Decimal(800), recommendation=_recommended(12))
    calc = calculate(facts)
    assert calc.penalty == "imprisonment" and calc.months >= 36 and _step(calc) is None


def test_surveillance_keeps_its_bounds_of_three_months_to_two_years():
    high = calculate(CaseFacts(text="", charges=["故意伤害"], recommendation=_recommended(30)))
    low = calculate(CaseFacts(text="", charges=["故意伤害"], recommendation=_recommended(1)))
    assert (high.penalty, high.months, low.penalty, low.months) == ("surveillance", 24, "surveillance", 3)


def test_a_minor_admitted_theft_is_surveillance_at_twice_the_adjusted_term():
    """Art. 41's ratio (羁押一日折抵管制二日): 3.83 adjusted months become 8 months of 管制."""
    calc = calculate(extract(THEFT_MINOR, ["盗窃"]))
    step = _step(calc)
    assert (calc.penalty, calc.months) == ("surveillance", round(2 * step.months_before))
    assert (
        calc.custodial_months == 0 and "刑法第41条" in step.citation and "犯罪情节轻微" in step.description_zh
    )
    assert calc.fine_yuan is not None  # 并处罚金 still applies (刑法第264条)


def test_without_the_words_of_a_minor_crime_it_stays_detention():
    calc = calculate(extract(THEFT_MINOR.replace("，犯罪情节轻微", ""), ["盗窃"]))
    assert calc.penalty == "detention" and _step(calc) is None


def test_a_prior_record_rules_surveillance_out():
    facts = extract(THEFT_MINOR, ["盗窃"])
    facts = dataclasses.replace(facts, circumstances=[*facts.circumstances, Finding("prior_record")])
    calc = calculate(facts)
    assert calc.penalty != "surveillance" and _step(calc) is None


def test_a_minor_crime_whose_bracket_has_no_surveillance_stays_detention():
    """刑法第133条之一: 危险驾驶 is punished with 拘役 and a fine only. Above 180 mg/100ml, so that the crime's own
    exemption (dangerous_driving.yaml `exemption`: 情节轻微 with an admission at or below 180) does not take it first."""
    assert not find_charge("危险驾驶").brackets[0].surveillance
    text = "2023年6月1日，被告人周某醉酒驾驶机动车，经鉴定血液酒精含量为190mg/100ml，犯罪情节轻微，到案后如实供述。"
    calc = calculate(extract(text, ["危险驾驶"]))
    assert calc.penalty == "detention" and _step(calc) is None


def test_several_terms_of_surveillance_are_combined_up_to_three_years():
    """Art. 69: 管制最高不能超过三年."""
    facts = CaseFacts(text="", charges=["故意伤害", "寻衅滋事"], recommendation=_recommended(24))
    calc = calculate(facts)
    assert [c.penalty for c in calc.charges] == ["surveillance", "surveillance"]
    assert (calc.penalty, calc.months) == ("surveillance", 36)  # 24 + half of 24, at most 36
    assert calc.custodial_months == 0


def test_an_earlier_prison_term_is_executed_beside_surveillance_found_later():
    """Art. 70 with art. 69 para. 2: 管制 is executed after the prison term, which alone is the term."""
    quote = "被告人因犯盗窃罪被判处有期徒刑二年"
    earlier = PriorJudgment(sentence=SentenceMention("imprisonment", 24, False, Span(0, len(quote), quote)))
    facts = CaseFacts(
        text="",
        charges=["故意伤害"],
        recommendation=_recommended(12),
        procedure=Procedure(undiscovered=earlier),
    )
    calc = calculate(facts)
    assert (calc.penalty, calc.months, calc.custodial_months) == ("imprisonment", 24, 24)
    assert any(s.rule_id == "method.surveillance" for s in calc.steps)
