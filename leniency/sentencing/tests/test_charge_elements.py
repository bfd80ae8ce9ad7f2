"""Related frauds told apart by the element their statute adds (issue 16 class 8; standards/charge_elements.yaml).

诈骗 (刑法第266条) is the general fraud, "本法另有规定的，依照规定". Fact texts written for these tests."""

import pytest

from leniency.sentencing.extraction.charge_inference import ChargeModel, charge_elements, default_model

MODEL = ChargeModel(None)  # the statute profiles alone
PRIVATE_FRAUD = "被告人甲谎称能帮被害人乙的儿子安排工作，骗取乙现金人民币5万元后挥霍。"
CARD = "被告人甲使用伪造的信用卡在自动取款机上取款，骗取现金人民币3万元。"
LOAN_NOTE = "被告人甲虚构投资项目，与被害人乙签订借款协议，骗取乙人民币10万元。"
ABANDONMENT = "被告人甲对年老、患病的父亲负有扶养义务而拒绝扶养，情节恶劣。"


def test_a_special_fraud_whose_element_is_not_stated_is_the_general_fraud():
    """刑法第194条 票据诈骗 needs a bill (汇票、本票、支票); a fraud told without one is 诈骗."""
    assert MODEL._by_elements(PRIVATE_FRAUD, ["票据诈骗"]) == ["诈骗"]


def test_without_a_fraud_told_at_all_no_fraud_is_inferred():
    assert MODEL._by_elements(ABANDONMENT, ["贷款诈骗", "遗弃"]) == ["遗弃"]


def test_posing_as_an_official_without_a_soldier_is_art_279_not_art_372():
    text = "被告人甲冒充公安民警，以帮人办事为名骗取被害人现金2万元。"
    assert MODEL._by_elements(text, ["冒充军人招摇撞骗"]) == ["招摇撞骗"]


def test_a_fraud_stating_a_special_element_is_that_fraud():
    """刑法第196条: 使用伪造的信用卡 is 信用卡诈骗, which prevails over 诈骗 (第266条 本法另有规定的，依照规定)."""
    assert "信用卡诈骗" in [c.charge for c in MODEL.candidates(CARD, limit=charge_elements()["candidates"])]
    assert MODEL._by_elements(CARD, ["诈骗"]) == ["信用卡诈骗"]


def test_a_loan_note_does_not_make_a_private_fraud_contract_fraud():
    """合同诈骗's element (a contract as the means, in economic activity) is not read from the word 协议 alone."""
    assert MODEL._by_elements(LOAN_NOTE, ["诈骗"]) == ["诈骗"]
    assert MODEL._by_elements(LOAN_NOTE, ["合同诈骗"]) == ["合同诈骗"]


@pytest.mark.parametrize("charge", sorted(charge_elements()["special"]))
def test_every_special_fraud_of_the_table_is_a_charge_of_the_catalogue(charge):
    assert charge in MODEL.statutes


def test_a_lie_without_posing_as_an_official_is_not_art_279():
    """刑法第279条 needs 冒充国家机关工作人员: 谎称 alone is the 虚构事实 of every fraud (第266条)."""
    assert MODEL._by_elements(PRIVATE_FRAUD, ["招摇撞骗"]) == ["诈骗"]
    assert MODEL._by_elements("被告人甲谎称自己是市公安局民警，骗取被害人现金2万元。", ["招摇撞骗"]) == [
        "招摇撞骗"
    ]


def test_a_theft_whose_words_a_frauds_profile_shares_is_still_a_theft():
    """A fraud the fact does not tell of (no 骗, 虚构, 隐瞒真相, 谎称; 刑法第266条) is no candidate: the best
    remaining one leads. 窃取被害人… shares 取被害人 with 骗取被害人…, and the fraud, dropped only after it had been
    chosen as the best, left the theft with no charge."""
    theft = "2019年3月5日，被告人甲在某小区被害人乙家中，窃取被害人乙放在桌上的现金2000元。"
    assert default_model().charges(theft) == ["盗窃"]
