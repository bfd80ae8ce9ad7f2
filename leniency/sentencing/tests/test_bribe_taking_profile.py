"""受贿 is punished by art. 383's brackets "根据受贿所得数额及情节" (刑法第386条), so those brackets' conditions read
受贿数额…, not 贪污数额… (build_brackets.borrowed_condition); its statute profile for the charge inference is its
name, those conditions and art. 385's conduct (国家工作人员利用职务上的便利，索取他人财物的，或者非法收受他人财物，
为他人谋取利益的). With 贪污's words in it, an embezzlement read as bribe-taking. Fact texts written for these
tests, not taken from any data set."""

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction import charge_inference
from leniency.sentencing.extraction.charge_inference import ChargeModel, statute_text

TAKING = (
    "被告人甲系某区住房和城乡建设局副局长。2016年至2019年间，甲利用职务上的便利，在工程项目审批、工程款拨付等"
    "方面为乙、丙谋取利益，先后非法收受乙、丙所送现金共计人民币四十五万元。"
)
EMBEZZLING = [
    "被告人甲系某镇财政所所长。2018年，甲利用职务上的便利，采取虚列支出的手段，侵吞公款人民币六十万元，贪污数额巨大。",
    "被告人甲身为国家工作人员，利用经管扶贫资金的职务便利，截留并占有扶贫款共计人民币八万元，贪污数额较大。",
]


def test_the_brackets_it_borrows_from_article_383_name_its_own_amount():
    conditions = [b.condition for b in find_charge("受贿").brackets]
    assert not any("贪污" in c for c in conditions)
    assert "（二）受贿数额巨大或者有其他严重情节的" in conditions
    assert "（二）贪污数额巨大或者有其他严重情节的" in [b.condition for b in find_charge("贪污").brackets]


def test_its_statute_profile_is_article_385s_conduct_without_embezzlements_words():
    text = statute_text("受贿")
    assert "索取他人财物的，或者非法收受他人财物，为他人谋取利益的" in text and "贪污" not in text


def test_an_official_taking_money_for_favours_reads_as_bribe_taking():
    """Already so before the conditions were reworded: a regression guard."""
    assert charge_inference.default_model().charges(TAKING)[0] == "受贿"


def test_by_the_statute_alone_a_bribe_of_an_especially_large_amount_is_bribe_taking():
    text = "被告人甲身为国家工作人员，利用职务上的便利，为他人谋取利益，非法收受他人财物共计人民币三百五十万元，受贿数额特别巨大。"
    assert ChargeModel(None).candidates(text, limit=1)[0].charge == "受贿"  # before: 非国家工作人员受贿


def test_an_embezzlement_no_longer_reads_as_bribe_taking():
    model = charge_inference.default_model()
    assert model.charges(EMBEZZLING[0])[0] != "受贿"  # before: 受贿 first
    assert "受贿" not in model.charges(EMBEZZLING[1])  # before: 职务侵占 and 受贿


KICKBACKS = [
    "被告人甲系某县人民医院设备科科长（国家工作人员）。2017年至2019年间，甲在该院采购医疗设备的经济往来中，"
    "违反国家规定，收受供货商乙给予的回扣共计人民币二十万元，归个人所有。",
    "被告人甲系某国有粮库主任。2018年，甲在粮食购销的经济往来中，违反国家规定，以手续费名义收受粮商乙所送人民币"
    "十二万元，据为己有。",
]


def test_its_profile_holds_the_kickbacks_article_385_deems_bribe_taking():
    """刑法第385条第2款: 国家工作人员在经济往来中，违反国家规定，收受各种名义的回扣、手续费，归个人所有的，以受贿论处;
    likewise 第389条第2款 for the giver (以行贿论处)."""
    assert "收受各种名义的回扣、手续费，归个人所有的，以受贿论处" in statute_text("受贿")
    assert "给予国家工作人员以各种名义的回扣、手续费的，以行贿论处" in statute_text("行贿")


def test_an_official_taking_kickbacks_in_business_dealings_reads_as_bribe_taking():
    """Before: by the statute alone 受贿 was not among the first five candidates of either text (对单位行贿,
    the giver's crime of art. 391, led), and the model put 对单位行贿 first for the first one."""
    for text in KICKBACKS:
        assert "受贿" in [c.charge for c in ChargeModel(None).candidates(text, limit=3)]
    assert charge_inference.default_model().charges(KICKBACKS[0])[0] == "受贿"
