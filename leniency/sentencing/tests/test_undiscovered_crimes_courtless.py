"""An earlier judgment told without its court (因犯诈骗罪于2019年10月被判处有期徒刑二年) is read for 漏罪 (刑法第70条).

Fact texts written for these tests, not taken from any data set.
"""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FRAUD = (
    "经审理查明，2019年3月至5月间，被告人周某以帮助办理贷款为由，先后骗取被害人吴某、郑某人民币共计4万元。"
)
# art. 70 in the courts' words, the earlier judgment without its court
STATED = FRAUD + (
    "被告人周某因犯诈骗罪于2019年10月被判处有期徒刑二年，现在某监狱服刑。"
    "公安机关在其服刑期间发现其在判决宣告以前还有其他罪没有判决。"
)
# no word of art. 70: the frauds (2019年3月) precede the earlier judgment (2019年10月8日), which he is serving
BY_DATES = FRAUD + (
    "另查明，被告人周某因犯盗窃罪于2019年10月8日被判处有期徒刑二年（刑期自2019年6月1日起至2021年5月31日止），"
    "现在某监狱服刑。"
)
# just outside: the earlier sentence was served out before this case (a prior record, not art. 70)
SERVED_OUT = FRAUD + "被告人周某曾因犯盗窃罪于2016年10月被判处有期徒刑二年，2018年9月刑满释放。"


@pytest.mark.parametrize(("text", "basis"), [(STATED, "words"), (BY_DATES, "dates")])
def test_earlier_judgment_without_its_court_is_read(text, basis):
    undiscovered = extract(text, charges=["诈骗"]).procedure.undiscovered
    assert undiscovered is not None
    assert undiscovered.basis == basis
    assert (undiscovered.sentence.penalty, undiscovered.sentence.months) == ("imprisonment", 24)
    assert "被判处有期徒刑二年" in undiscovered.sentence.span.quote


def test_earlier_sentence_is_combined():
    calc = calculate(extract(STATED, charges=["诈骗"]))
    assert "method.art70" in {s.rule_id for s in calc.steps}
    assert calc.months > 24  # art. 69: above the greater of the two terms


def test_sentence_served_out_is_not_art70():
    facts = extract(SERVED_OUT, charges=["诈骗"])
    assert facts.procedure.undiscovered is None
    assert "method.art70" not in {s.rule_id for s in calculate(facts).steps}


THEFT = "经审理查明，2019年3月，被告人周某伙同李某在某小区盗窃电动车三辆，价值共计人民币9000元。"


@pytest.mark.parametrize(
    "accomplice",
    [
        "同案人李某因犯盗窃罪于2019年10月被判处有期徒刑一年，现在某监狱服刑。",
        "李某因犯盗窃罪于2019年10月8日被某区人民法院判处有期徒刑一年（另案处理），现在某监狱服刑。",
    ],
)
def test_an_accomplices_judgment_is_not_the_defendants(accomplice):
    """Art. 70 combines the defendant's own sentences: an accomplice's, tried apart, is not one."""
    assert extract(THEFT + accomplice, charges=["盗窃"]).procedure.undiscovered is None


def test_the_defendants_own_judgment_after_an_accomplices_is_read():
    own = "被告人周某因犯诈骗罪于2019年10月8日被判处有期徒刑二年，现在某监狱服刑。"
    accomplice = "同案人李某因犯盗窃罪于2019年9月被判处有期徒刑一年。"
    undiscovered = extract(THEFT + accomplice + own, charges=["盗窃"]).procedure.undiscovered
    assert undiscovered is not None and undiscovered.sentence.months == 24
