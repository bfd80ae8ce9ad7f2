"""How many charges a judgment states, and charges it names as earlier convictions (issue 16 class 8, multi-label).

CAIL masks charge names as ×× but leaves the charging frame: 构成××、×× says two charges, 构成拐卖妇女罪和×× one
named and one more, 两罪并罚 (刑法第69条) several crimes of this case. The charges the frame leaves masked are inferred
from the conduct; a number the frame does not state is left to the scores. Fact texts written for these tests."""

from leniency.sentencing.extraction.charge_inference import ChargeModel
from leniency.sentencing.extraction.charges import charges_with, infer_charges, stated_count

MODEL = ChargeModel(None)  # the statute profiles alone: the frame, not the data, decides here
FISHING = "被告人甲在禁渔期内使用电鱼工具捕捞水产品30千克"
HUNTING = "又在禁猎区内使用猎枪猎捕野鸡5只"
TWO_MASKED = f"{FISHING}；{HUNTING}。公诉机关认为被告人甲的行为构成××、××，应两罪并罚。"
NAMED_AND_MASKED = f"{FISHING}；{HUNTING}。公诉机关认为被告人甲的行为构成非法捕捞水产品罪和××。"
ONE_MASKED = f"{FISHING}；{HUNTING}。公诉机关认为被告人甲的行为构成××。"


def test_a_frame_listing_two_masked_charges_states_two():
    assert stated_count(TWO_MASKED) == 2
    assert stated_count("应以××、××、××三罪并罚。") == 3


def test_two_masked_charges_are_both_inferred_though_the_second_scores_low():
    first, second = MODEL.candidates(TWO_MASKED, limit=2)
    assert second.score < 0.85 * first.score  # by the scores alone, one charge
    assert MODEL.charges(ONE_MASKED) == ["非法捕捞水产品"]
    assert charges_with(TWO_MASKED, MODEL) == ["非法捕捞水产品", "非法狩猎"]


def test_a_named_charge_beside_a_masked_one_gets_the_other_inferred():
    assert stated_count(NAMED_AND_MASKED) == 2
    assert charges_with(NAMED_AND_MASKED, MODEL) == ["非法捕捞水产品", "非法狩猎"]


def test_a_named_charge_alone_is_all_the_text_states():
    text = f"{FISHING}；{HUNTING}。公诉机关认为被告人甲的行为构成非法捕捞水产品罪。"
    assert charges_with(text, MODEL) == ["非法捕捞水产品"]


def test_each_defendant_charged_once_is_not_several_charges():
    text = "被告人甲的行为构成××；被告人乙的行为构成××，均应依法惩处。"
    assert stated_count(text) == 0


def test_a_new_crime_combined_with_an_earlier_sentence_is_one_charge():
    """刑法第71条/第77条: a crime committed during probation is combined with the earlier sentence, not another
    charge of this case."""
    assert stated_count("被告人在缓刑考验期内又构成××，应撤销缓刑，数罪并罚。") == 0
    assert stated_count("被告人的行为又构成××，应与前罪没有执行的刑罚数罪并罚。") == 0
    assert stated_count("被告人虚构事实骗取他人财物，其行为又构成××，应数罪并罚。") == 2


def test_a_charge_named_as_the_cause_of_an_earlier_conviction_is_not_taken():
    text = f"被告人甲2011年10月17日因犯放火罪被某县人民法院判处有期徒刑三年。2016年5月，{FISHING}。"
    assert charges_with(text, MODEL) == ["非法捕捞水产品"]
    assert infer_charges("2016年5月，被告人甲放火烧毁邻居的房屋，其行为已构成放火罪。") == ["放火"]


# A judgment of several charges heads each count with its charge, in words CAIL leaves unmasked
HEADED = (
    "公诉机关指控：一、盗窃犯罪事实 2015年4月23日，被告人甲在商场门口将被害人乙的电动车推走，价值1964元。"
    "二、非法持有毒品犯罪事实 2015年8月31日，民警在甲的住处查获甲基苯丙胺15克。公诉机关认为被告人甲的行为构成××、××。"
)
HEADED_AND_MASKED = f"经审理查明，（一）非法捕捞水产品部分 1、{FISHING}。（二）×× 2、{HUNTING[1:]}。"


def test_count_headings_name_the_charges_of_the_judgment():
    assert infer_charges(HEADED) == ["盗窃", "非法持有毒品"]
    assert stated_count(HEADED) == 2


def test_a_masked_heading_beside_a_named_one_is_one_more_charge_inferred():
    assert stated_count(HEADED_AND_MASKED) == 2
    assert charges_with(HEADED_AND_MASKED, MODEL) == ["非法捕捞水产品", "非法狩猎"]


def test_a_heading_names_a_charge_by_the_catalogue_reading_of_its_words():
    text = "一、故意伤害 2014年5月，被告人甲持刀将乙砍成轻伤。二、贩卖毒品 2014年6月，被告人甲将甲基苯丙胺0.5克卖给丙。"
    assert infer_charges(text) == ["故意伤害", "走私、贩卖、运输、制造毒品"]


def test_numbered_acts_without_a_charge_are_no_headings():
    text = f"一、2015年5月，{FISHING}。二、2015年6月，{FISHING}。"
    assert stated_count(text) == 0
    assert stated_count(f"一、×× 2015年5月，{FISHING}。") == 0  # a lone heading says nothing of the number


def test_where_the_text_states_the_number_no_more_are_inferred():
    text = f"{FISHING}；{HUNTING}；又在河道内开采河砂5000吨。公诉机关认为被告人甲的行为构成非法捕捞水产品罪和××。"
    profiles = {
        "非法狩猎": {"猎枪": 0.7, "野鸡": 0.7, "禁猎": 0.7},
        "非法采矿": {"河砂": 0.7, "开采": 0.7, "河道": 0.7},
    }
    idf = {gram: 3.0 for profile in profiles.values() for gram in profile}
    model = ChargeModel({"n_cases": 2, "default_idf": 1.0, "idf": idf, "profiles": profiles})
    assert len(model.charges(text, exclude=["非法捕捞水产品"])) == 2  # the scores alone would add two
    assert len(charges_with(text, model)) == 2
