"""A prior sentence left unserved, combined with the new crime's (Criminal Law arts. 69, 71; issue 16, class 7).

Fact texts written for these tests, not taken from any data set.
"""

import dataclasses
from decimal import Decimal

from leniency.sentencing.calculation import Calculation
from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_prior import with_prior_unserved
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts, Procedure, SentenceMention, Span
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

PAROLE_ROBBERY = (
    "被告人李某因犯盗窃罪于2016年3月被判处有期徒刑五年，2019年6月假释，假释考验期内，"
    "2019年10月1日在某路段持刀抢劫被害人王某，劫得现金人民币800元。前罪尚未执行的刑期为二年。"
)


def _prior(months, masked=False):
    quote = "前罪尚未执行的刑期为××" if masked else f"前罪尚未执行的刑期为{months}个月"
    return Procedure(
        prior_unserved=SentenceMention(
            "imprisonment" if months else None, months, masked, Span(0, len(quote), quote)
        )
    )


def _combined(new_months, prior_months, penalty="imprisonment", **kw):
    calc = Calculation(months=new_months, low=new_months, high=new_months, penalty=penalty, **kw)
    facts = CaseFacts(text="", procedure=_prior(prior_months))
    return with_prior_unserved(calc, facts, load_standard(), Trace())


def test_a_robbery_on_parole_is_combined_with_the_unserved_two_years():
    """Art. 71 (with art. 86 for parole): the 24 months unserved and the robbery's term are combined under
    art. 69, between the higher of the two and their total."""
    facts = extract(PAROLE_ROBBERY, ["抢劫"])
    alone = calculate(dataclasses.replace(facts, procedure=Procedure()))
    calc = calculate(facts)
    assert alone.months is not None and alone.months >= 36
    assert max(alone.months, 24) < calc.months < alone.months + 24
    assert calc.low >= max(alone.months, 24) and calc.high <= alone.months + 24
    step = next(s for s in calc.steps if s.rule_id == "method.art71")
    assert step.citation == "刑法第71条、第69条"
    assert step.months_before == alone.months and step.months_after == calc.months
    assert "前罪尚未执行的刑期为二年" in step.description_zh and "余刑24个月" in step.description_zh


def test_the_combined_term_is_capped_at_twenty_years_under_a_total_of_thirty_five():
    calc = _combined(180, 180)  # total 30 years: 15 + half of 15 = 22.5 years, capped at 20 (art. 69)
    assert calc.months == 240 and calc.high == 240 and calc.low >= 180


def test_the_cap_is_twenty_five_years_from_a_total_of_thirty_five():
    calc = _combined(240, 200)  # total 440 months (36.7 years): at most 25 years
    assert calc.months == 300 and calc.high <= 300 and calc.low >= 240


def test_never_below_the_highest_term_nor_above_the_total_or_the_cap():
    for new in (6, 12, 30, 90, 180, 240):
        for prior in (1, 6, 24, 100, 180, 300):
            calc = _combined(new, prior)
            total = new + prior
            cap = 240 if total < 420 else 300
            upper = max(max(new, prior), min(total, cap))  # a prior combined term may pass 20 years
            assert max(new, prior) <= calc.low <= calc.months <= calc.high <= upper


def test_detention_beside_an_unserved_prison_term_is_not_executed():
    """Art. 69 para. 2: 数罪中有判处有期徒刑和拘役的，执行有期徒刑."""
    calc = _combined(4, 10, penalty="detention")
    assert (calc.penalty, calc.months) == ("imprisonment", 10)
    assert calc.steps[-1].rule_id == "method.art71" and "执行有期徒刑10个月" in calc.steps[-1].description_zh


def test_probation_is_not_advised_after_combining():
    calc = _combined(8, 6, probation_lawful=True, probation_advised=True, probation_months=12)
    assert not calc.probation_advised and calc.probation_months is None


def test_life_absorbs_the_unserved_term():
    calc = _combined(None, 60, penalty="life", life_imprisonment=True)
    assert calc.penalty == "life" and calc.months is None
    assert calc.steps[-1].rule_id == "method.art71" and "吸收" in calc.steps[-1].description_zh


def test_a_masked_unserved_term_is_not_combined_and_a_note_says_so():
    text = PAROLE_ROBBERY.replace("前罪尚未执行的刑期为二年", "前罪尚未执行的刑期为××")
    facts = extract(text, ["抢劫"])
    assert facts.procedure.prior_unserved.masked and facts.procedure.prior_unserved.months is None
    calc = calculate(facts)
    alone = calculate(dataclasses.replace(facts, procedure=Procedure()))
    assert calc.months == alone.months
    assert not any(s.rule_id == "method.art71" for s in calc.steps)
    assert any("未予并罚" in n and "××" in n for n in calc.notes)


def test_an_unstated_unserved_term_is_not_combined():
    text = "被告人李某在假释考验期内盗窃他人电动车一辆，价值人民币3000元，应与前罪尚未执行完毕的刑罚并罚。"
    facts = extract(text, ["盗窃"])
    calc = calculate(facts)
    assert calc.months == calculate(dataclasses.replace(facts, procedure=Procedure())).months
    assert any("未写明余刑" in n for n in calc.notes)


def test_no_prior_sentence_changes_nothing():
    facts = CaseFacts(text="", charges=["盗窃"], amount_yuan=Decimal(10000))
    calc = calculate(facts)
    assert not any(s.rule_id == "method.art71" for s in calc.steps)
