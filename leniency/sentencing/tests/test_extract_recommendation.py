"""The prosecutor's sentencing recommendation quoted in the facts, in months."""

from leniency.sentencing.extract import extract


def rec(text):
    return extract(text).recommendation


def test_fixed_term_with_probation():
    r = rec("综上，建议对被告人吴XX判处有期徒刑六个月，缓刑一年，并处罚金人民币二千元。")
    assert (r.low_months, r.high_months, r.penalty) == (6, 6, "probation")


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
