"""The prosecutor's sentencing recommendation quoted in the facts, in months."""

from leniency.sentencing.extract import extract


def rec(text):
    return extract(text).recommendation


def test_fixed_term_with_probation():
    """缓刑 suspends the penalty (art. 72): the penalty stays 有期徒刑, the probation has its own period."""
    r = rec("综上，建议对被告人吴XX判处有期徒刑六个月，缓刑一年，并处罚金人民币二千元。")
    assert (r.low_months, r.high_months, r.penalty) == (6, 6, "imprisonment")
    assert (r.probation, r.probation_months) == (True, 12)
    assert r.fine_low_yuan == r.fine_high_yuan == 2000


def test_detention_with_probation_and_its_stated_trial_period():
    r = rec("公诉机关建议判处被告人拘役三个月，缓刑考验期五个月，并处罚金。")
    assert (r.low_months, r.high_months, r.penalty) == (3, 3, "detention")
    assert (r.probation, r.probation_months) == (True, 5)
    assert r.fine_low_yuan is None and r.fine_high_yuan is None  # 并处罚金 without an amount


def test_probation_allowed_without_a_period():
    r = rec("公诉机关建议判处被告人有期徒刑三年，并处罚金，可适用缓刑。")
    assert (r.low_months, r.penalty, r.probation, r.probation_months) == (36, "imprisonment", True, None)


def test_probation_refused_is_no_probation():
    r = rec("公诉机关建议判处被告人有期徒刑八个月，不建议适用缓刑。")
    assert (r.low_months, r.penalty, r.probation) == (8, "imprisonment", False)


def test_detention_range_with_a_bare_lower_figure_in_months():
    """拘役二至四个月: the bare 二 takes the unit of 四个月 (months, not years)."""
    r = rec("公诉机关建议对被告人判处拘役二至四个月，并处罚金。")
    assert (r.low_months, r.high_months, r.penalty) == (2, 4, "detention")


def test_range_from_years_to_years_and_months():
    r = rec("公诉机关建议判处被告人有期徒刑一年至一年六个月，并处罚金人民币五千元。")
    assert (r.low_months, r.high_months, r.penalty) == (12, 18, "imprisonment")
    assert r.fine_low_yuan == r.fine_high_yuan == 5000


def test_range_written_as_floor_and_ceiling():
    text = "公诉机关建议判处被告人六个月以上一年以下有期徒刑。"
    r = rec(text)
    assert (r.low_months, r.high_months, r.penalty) == (6, 12, "imprisonment")
    assert r.span.quote.endswith("一年以下")


def test_ceiling_written_with_yinei():
    r = rec("公诉机关建议判处被告人有期徒刑一年以内。")
    assert (r.low_months, r.high_months) == (None, 12)


def test_fine_as_a_range_of_amounts():
    r = rec("公诉机关建议判处被告人有期徒刑十个月，并处罚金人民币2000元至5000元。")
    assert (r.fine_low_yuan, r.fine_high_yuan) == (2000, 5000)


def test_fine_in_ten_thousands():
    r = rec("公诉机关建议判处被告人有期徒刑二年，并处罚金1万元。")
    assert r.fine_low_yuan == r.fine_high_yuan == 10000


def test_range_in_years_and_months():
    r = rec("建议对被告人孔某某判处有期徒刑一年至二年，并处罚金。")
    assert (r.low_months, r.high_months, r.penalty) == (12, 24, "imprisonment")


def test_masked_lower_bound_and_masked_penalty():
    r = rec("建议对其在××至一年六个月的幅度内量刑，并处罚金。")
    assert (r.low_months, r.high_months, r.penalty) == (None, 18, None)


def test_upper_bound_only():
    r = rec("建议对被告人判处一年以下××或者××，并处罚金。")
    assert (r.low_months, r.high_months) == (None, 12)


def test_bare_lower_figure_takes_the_unit_of_the_upper():
    r = rec("建议对被告人茶和判处1至2年有期徒刑，并处罚金。")
    assert (r.low_months, r.high_months) == (12, 24)


def test_detention_range():
    r = rec("建议对被告人廖某某、唐某判处拘役四个月至六个月，并处罚金。")
    assert (r.low_months, r.high_months, r.penalty) == (4, 6, "detention")


def test_masked_charge_before_the_term_is_not_a_term():
    r = rec("建议以××判处被告人单1某××至一年又六个月。")
    assert (r.low_months, r.high_months) == (None, 18)


def test_advice_to_be_lenient_without_a_term_is_not_a_recommendation():
    assert rec("其辩护人认为被告人罗某1自愿认罪认罚，建议本院从轻处罚。") is None


def test_recommendation_span_quotes_the_text():
    text = "公诉机关建议判处被告人王X有期徒刑十个月，并处罚金人民币4000元。"
    r = rec(text)
    assert text[r.span.start : r.span.end] == r.span.quote
    assert r.span.quote.startswith("建议")


def test_recommendation_with_bare_chu_and_shared_unit():
    """ "处三至四年": 处 without 判, and one unit for both ends."""
    rec = extract("公诉机关建议对被告人朱某良处三至四年××，并处罚金。").recommendation
    assert (rec.low_months, rec.high_months) == (36, 48)


def test_recommendation_told_before_its_name():
    """提出判处…的量刑建议: the terms come before 建议, with the probation and the fine."""
    text = "公诉机关当庭提出判处被告人有期徒刑一年六个月，缓刑二年，并处罚金人民币五千元的量刑建议。"
    r = rec(text)
    assert (r.low_months, r.high_months, r.penalty) == (18, 18, "imprisonment")
    assert (r.probation, r.probation_months, r.fine_low_yuan) == (True, 24, 5000)
    assert text[r.span.start : r.span.end] == r.span.quote == "判处被告人有期徒刑一年六个月"


def test_a_recommendation_told_before_its_name_reads_only_its_own_sentence():
    r = rec("原判判处被告人有期徒刑三年。公诉机关提出对被告人判处拘役二至四个月的量刑建议。")
    assert (r.low_months, r.high_months, r.penalty) == (2, 4, "detention")


def test_terms_per_charge_told_before_the_name_are_not_one_term():
    text = "公诉机关提出以××判处被告人四年至六年××，并处罚金、以伪造金融票证罪判处被告人六个月至一年××的量刑建议。"
    assert rec(text) is None


def test_agreeing_to_the_recommendation_is_not_one():
    assert rec("被告人同意公诉机关的量刑建议，签字具结。") is None
