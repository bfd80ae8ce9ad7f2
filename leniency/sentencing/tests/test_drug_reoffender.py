"""毒品再犯 (刑法第356条: 因走私、贩卖、运输、制造、非法持有毒品罪被判过刑，又犯本节规定之罪的，从重处罚;
issue 16, left by the first round). The statute commands the aggravation (应当) and names no size; FACTS.md gives
none, so the prior record's range is kept and applied as commanded, citing the article. Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.extract import extract

SALE = "2020年6月5日，甲在某宾馆房间内以人民币600元的价格将甲基苯丙胺2.1克贩卖给吸毒人员乙，被民警当场抓获。"
DRUG_PRIOR = "经审理查明，被告人甲曾因犯贩卖毒品罪于2012年3月被判处有期徒刑一年六个月，2013年8月刑满释放。"
THEFT_PRIOR = "经审理查明，被告人甲曾因犯盗窃罪于2012年3月被判处有期徒刑一年六个月，2013年8月刑满释放。"
DEALING = "走私、贩卖、运输、制造毒品"


def _step(text: str, charge: str):
    calc = calculate(extract(text, [charge]))
    return next(
        s for s in calc.steps if s.rule_id.startswith(("circ.prior_record", "circ.drug_reoffender"))
    ), calc


def test_a_dealer_sentenced_before_for_a_drug_crime_is_a_drug_reoffender_aggravated_as_commanded():
    step, calc = _step(DRUG_PRIOR + SALE, DEALING)
    assert step.rule_id == "circ.drug_reoffender"
    assert "刑法第356条" in step.citation
    assert "应当" in step.description_zh
    assert calc.months >= calculate(extract("经审理查明，" + SALE, [DEALING])).months


def test_a_prior_theft_is_a_prior_record_not_art_356():
    step, _ = _step(THEFT_PRIOR + SALE, DEALING)
    assert step.rule_id == "circ.prior_record"


def test_a_prior_drug_sentence_before_a_theft_is_no_art_356_case():
    theft = "2020年6月5日，甲在某超市窃取香烟十条，价值人民币3200元。"
    assert applicable_circumstances(extract(DRUG_PRIOR + theft, ["盗窃"])).rules == ["prior_record"]


def test_a_drug_recidivist_is_aggravated_as_a_recidivist_once():
    text = DRUG_PRIOR.replace("2013年8月刑满释放", "2017年8月刑满释放，系累犯") + SALE
    rules = applicable_circumstances(extract(text, [DEALING])).rules
    assert "recidivist" in rules and "drug_reoffender" not in rules and "prior_record" not in rules
