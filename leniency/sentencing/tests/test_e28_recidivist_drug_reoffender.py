"""累犯 and 毒品再犯 together (刑法第65条, 第356条; 《全国法院毒品犯罪审判工作座谈会纪要》法〔2015〕129号, recalled, unconfirmed):
one earlier drug conviction that makes both is weighed once, as a recidivism; a recidivism on another earlier conviction
beside an earlier drug conviction aggravates under both. Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import (
    OTHER_PRIOR_NOTE,
    SAME_PRIOR_NOTE,
    applicable_circumstances,
)
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.recidivism import basis
from leniency.sentencing.facts import Circumstance, Finding

DEALING = "走私、贩卖、运输、制造毒品"
HEAD = "被告人甲，男，1980年1月1日出生，汉族。"
SALE = "2021年6月5日，被告人甲在某宾馆房间内以人民币600元的价格将甲基苯丙胺2.1克贩卖给吸毒人员乙，被民警当场抓获。"
THEFT = "2021年6月5日，被告人甲在某超市窃取香烟十条，价值人民币3200元。"
DRUG_RECENT = "被告人甲曾因犯贩卖毒品罪于2017年3月被判处有期徒刑一年六个月，2018年8月刑满释放。"
DRUG_OLD_THEFT_RECENT = (
    "被告人甲曾因犯贩卖毒品罪于2010年3月被判处有期徒刑一年，2011年2月刑满释放；"
    "又因犯盗窃罪于2017年3月被判处有期徒刑一年六个月，2018年8月刑满释放。"
)
THEFT_OLD_DRUG_RECENT = (
    "被告人甲曾因犯盗窃罪于2008年3月被判处有期徒刑一年，2009年2月刑满释放；"
    "又因犯贩卖毒品罪于2017年3月被判处有期徒刑一年六个月，2018年8月刑满释放。"
)
THEFT_RECENT = "被告人甲曾因犯盗窃罪于2017年3月被判处有期徒刑一年六个月，2018年8月刑满释放。"
COURT = "被告人甲系累犯、毒品再犯。"


def _rules(text: str, charge: str = DEALING) -> list[str]:
    return applicable_circumstances(extract(text, [charge])).rules


def _notes(text: str, charge: str = DEALING) -> list[str]:
    return calculate(extract(text, [charge])).notes


def test_a_recidivism_on_the_only_drug_prior_is_weighed_once_with_a_note():
    text = HEAD + DRUG_RECENT + SALE
    rules = _rules(text)
    assert "recidivist" in rules and "drug_reoffender" not in rules
    assert SAME_PRIOR_NOTE in _notes(text)


def test_a_recidivism_on_a_theft_beside_an_older_drug_prior_aggravates_under_both():
    text = HEAD + DRUG_OLD_THEFT_RECENT + SALE
    rules = _rules(text)
    assert "recidivist" in rules and "drug_reoffender" in rules
    calc = calculate(extract(text, [DEALING]))
    assert OTHER_PRIOR_NOTE in calc.notes
    assert any(s.rule_id == "circ.drug_reoffender" for s in calc.steps)
    # the summary: from different priors the aggravation is generally larger than from one
    assert calc.months > calculate(extract(HEAD + DRUG_RECENT + SALE, [DEALING])).months


def test_both_words_told_with_a_theft_as_the_latest_release_aggravate_under_both():
    assert {"recidivist", "drug_reoffender"} <= set(_rules(HEAD + DRUG_OLD_THEFT_RECENT + SALE + COURT))


def test_both_words_told_with_the_drug_prior_as_the_latest_release_weigh_it_once():
    text = HEAD + THEFT_OLD_DRUG_RECENT + SALE + COURT
    assert "drug_reoffender" not in _rules(text)
    assert SAME_PRIOR_NOTE in _notes(text)


def test_the_words_alone_without_records_keep_one_aggravation_and_no_note():
    text = HEAD + SALE + COURT
    rules = _rules(text)
    assert "recidivist" in rules and "drug_reoffender" not in rules
    notes = _notes(text)
    assert SAME_PRIOR_NOTE not in notes and OTHER_PRIOR_NOTE not in notes


def test_a_theft_recidivist_without_a_drug_prior_is_no_drug_reoffender():
    text = HEAD + THEFT_RECENT + SALE
    rules = _rules(text)
    assert "recidivist" in rules and "drug_reoffender" not in rules
    assert OTHER_PRIOR_NOTE not in _notes(text)


def test_a_new_theft_is_outside_art_356_whatever_the_priors():
    rules = _rules(HEAD + DRUG_OLD_THEFT_RECENT + THEFT, "盗窃")
    assert "recidivist" in rules and "drug_reoffender" not in rules


def test_the_basis_of_a_told_recidivism_is_the_latest_release_before_the_new_crime():
    text = HEAD + THEFT_OLD_DRUG_RECENT + SALE + COURT
    told = Finding(Circumstance.RECIDIVIST.value, True)
    founded_on = basis(text, told, earlier_convictions(text))
    assert founded_on is not None and "贩卖毒品罪" in text[founded_on.start : founded_on.end]


def test_a_release_after_the_new_crime_is_no_basis():
    late = "被告人甲曾因犯盗窃罪于2021年3月被判处有期徒刑六个月，2021年9月刑满释放。"
    text = HEAD + late + SALE + COURT
    assert basis(text, Finding(Circumstance.RECIDIVIST.value, True), earlier_convictions(text)) is None


def test_the_basis_of_an_inferred_recidivism_is_the_conviction_it_was_read_from():
    text = HEAD + DRUG_OLD_THEFT_RECENT + SALE
    facts = extract(text, [DEALING])
    found = facts.finding(Circumstance.RECIDIVIST)
    assert found is not None
    founded_on = basis(text, found, earlier_convictions(text))
    assert founded_on is not None and "盗窃罪" in text[founded_on.start : founded_on.end]
