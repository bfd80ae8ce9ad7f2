"""The charges a text names or frames are this case's, not those of an earlier conviction it tells
(earlier_convictions). Fact texts written for these tests."""

from leniency.sentencing.extraction.charges import infer_charges, stated_count

ACT = "经审理查明，2019年3月5日，被告人甲在某超市窃得手机一部，价值人民币3000元。"
RECORD = "被告人甲曾因犯盗窃罪被判处有期徒刑一年。又因犯抢劫罪、敲诈勒索罪，于2012年9月2日被本院数罪并罚决定执行有期徒刑七年。"


def test_an_earlier_convictions_charges_and_its_combination_frame_no_charge_of_this_case():
    assert stated_count(RECORD + ACT) == 0
    assert infer_charges(RECORD + ACT) == ["盗窃"]


def test_this_cases_own_frame_still_counts():
    text = ACT + "公诉机关认为，被告人甲的行为构成盗窃罪、敲诈勒索罪，应数罪并罚。"
    assert stated_count(text) == 2


def test_a_charge_named_in_this_cases_arrest_is_named_and_one_in_a_conviction_is_not():
    arrest = "被告人甲因犯诈骗罪被公安机关刑事拘留。"
    assert "诈骗" in infer_charges(arrest + ACT)
    assert "诈骗" not in infer_charges("被告人甲曾因犯诈骗罪被判处有期徒刑一年。" + ACT)
