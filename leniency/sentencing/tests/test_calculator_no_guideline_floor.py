"""A charge without a sentencing guideline starts at a share of its statutory bracket (method.yaml `no_guideline`);
the bracket's range is the statute's: one that lists 拘役 runs from 拘役's one month (刑法第42条: 拘役的期限，为一个月
以上六个月以下), not from 有期徒刑's six (第45条). Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts


def _start(calc) -> float:
    return next(s for s in calc.steps if s.kind == "starting_point").months_after


def test_a_bracket_that_lists_detention_starts_from_one_month():
    """刑法第336条 非法行医: 三年以下有期徒刑、拘役或者管制 — 25% of [1, 36] = 9.75 months, not 25% of [6, 36]."""
    calc = calculate(
        CaseFacts(text="被告人甲未取得医生执业资格，在村内开设诊所非法行医。", charges=["非法行医"])
    )
    assert _start(calc) == 9.75


def test_a_bracket_without_detention_starts_from_its_prison_floor():
    """刑法第151条第1款 走私假币, 情节较轻: 三年以上七年以下有期徒刑 — 25% of [36, 84] = 48 months."""
    calc = calculate(CaseFacts(text="被告人甲走私假币，情节较轻。", charges=["走私假币"]))
    assert _start(calc) == 48


def test_mitigation_from_the_statutes_floor_reaches_detention():
    """From 9.75 months: 自首 + 认罪认罚 (−35%) gives 6.34, six months of 有期徒刑; with 赔偿 and 谅解 as well the
    plea bucket takes 60% (2021 guideline 三(14)), 3.9 months: under six, in a bracket that lists 拘役 — 拘役 4 months."""
    told = "被告人甲未取得医生执业资格非法行医。案发后，被告人甲主动到公安机关投案，如实供述自己的罪行，自愿认罪认罚"
    plea = calculate(extract(told + "。", charges=["非法行医"]))
    assert (plea.charges[0].penalty, plea.custodial_months) == ("imprisonment", 6)
    paid = calculate(extract(told + "，并赔偿被害人经济损失2万元，取得被害人谅解。", charges=["非法行医"]))
    assert (paid.charges[0].penalty, paid.custodial_months) == ("detention", 4)
