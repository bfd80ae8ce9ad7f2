"""Art. 356 (毒品再犯) reads the same prior records as 三(16): not the judgment a 漏罪 is combined with (刑法第70条).
Art. 356 needs a drug crime committed after the drug sentence ("被判过刑，又犯本节规定之罪"); a crime found later that
was committed before that judgment was pronounced is combined with it instead. Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

# served more than five years before the sale: a prior record, no recidivism (刑法第65条)
OLDER_THEFT = "被告人孙某曾因犯盗窃罪于2008年2月被某县人民法院判处有期徒刑一年，2009年1月刑满释放。"
DRUG_JUDGMENT = "被告人孙某因犯贩卖毒品罪于2016年3月10日被某县人民法院判处有期徒刑三年"
SALE = "经审理查明，2015年6月，被告人孙某在某小区向他人贩卖甲基苯丙胺5克。"


def _rules(text: str) -> set[str]:
    calc = calculate(extract(text, ["贩卖毒品"]))
    return {s.rule_id for s in calc.steps if s.rule_id in ("circ.prior_record", "circ.drug_reoffender")}


def test_a_missed_sale_before_the_drug_judgment_is_no_drug_reoffence():
    text = OLDER_THEFT + SALE + DRUG_JUDGMENT + "，本案系其在服刑期间被发现的漏罪。"
    assert extract(text, ["贩卖毒品"]).procedure.undiscovered is not None
    assert _rules(text) == {"circ.prior_record"}  # the older theft, weighed as a prior record (三(16))


def test_a_sale_after_the_drug_sentence_was_served_is_one():
    # more than five years after the release (art. 356 has no time limit; within five, art. 65 makes it a recidivism)
    text = DRUG_JUDGMENT + "，2018年9月刑满释放。" + SALE.replace("2015年6月", "2024年6月")
    assert _rules(text) == {"circ.drug_reoffender"}
