"""No harsher sentence on a retrial the procuratorate did not protest: "除人民检察院抗诉的以外，再审一般不得加重
原审被告人的刑罚" (最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释, 法释〔2021〕1号, 第469条). Fact texts
written for these tests, not taken from any data set.
"""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FACTS = "经再审查明，2017年8月至10月间，原审被告人张某先后五次在某小区盗窃电动车五辆，价值共计人民币4.2万元。"
JUDGMENT = (
    "原审被告人张某盗窃一案，某区人民法院于2018年5月10日作出（2018）某0102刑初123号刑事判决，"
    "以盗窃罪判处被告人张某有期徒刑六个月，并处罚金人民币二千元。该判决发生法律效力后，"
)
BY_THE_COURT = JUDGMENT + "本院院长发现该判决在适用法律上确有错误，提交审判委员会讨论决定再审。" + FACTS
PROTESTED = JUDGMENT + "某市人民检察院认为该判决量刑畸轻，按照审判监督程序向本院提出抗诉。" + FACTS
# a prior conviction told by its court is not the judgment the retrial reopens
PRIOR = (
    "原审被告人张某盗窃一案，本院于2020年6月决定再审。"
    + FACTS
    + "原审被告人张某曾因犯盗窃罪被某区人民法院于2015年3月作出刑事判决，判处有期徒刑一年。"
)


def _calc(text):
    return calculate(extract(text, ["盗窃"]))


def test_retrial_reads_the_judgment_it_reopens():
    procedure = extract(BY_THE_COURT, ["盗窃"]).procedure
    assert procedure.stage == "retrial"
    assert (procedure.original.penalty, procedure.original.months) == ("imprisonment", 6)
    assert procedure.original_fine_yuan == 2000


def test_retrial_without_a_protest_is_bound_by_the_original():
    """The engine's sentence for 4.2万元 of theft is above the reopened judgment's six months and 2,000 yuan."""
    assert _calc(FACTS).months > 6
    calc = _calc(BY_THE_COURT)
    assert (calc.penalty, calc.months, calc.fine_yuan) == ("imprisonment", 6, 2000)
    fine, term = (s for s in calc.steps if s.rule_id == "method.retrial.no_harsher")
    assert "第469条" in term.citation and term.confidence == "low"
    assert "再审不加刑：原判有期徒刑6个月" in term.description_zh
    assert "原判罚金2,000元" in fine.description_zh


def test_a_protest_lifts_the_retrial_bound():
    calc = _calc(PROTESTED)
    assert calc.months > 6 and calc.fine_yuan > 2000
    assert not any(s.rule_id == "method.retrial.no_harsher" for s in calc.steps)


def test_a_prior_conviction_is_not_the_reopened_judgment():
    assert extract(PRIOR, ["盗窃"]).procedure.original is None
    assert _calc(PRIOR).months > 12
