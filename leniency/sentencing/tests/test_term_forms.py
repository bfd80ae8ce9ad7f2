"""Terms written with 半 and 零 (一年半, 两年半, 半年, 三个半月, 一年零六个月) are read wherever a term is read.

One pattern and one function (`numbers.TERM`, `numbers.term_months`) serve every reader: a quoted
recommendation and its probation period, the original sentence of an appeal, a prior sentence left unserved,
an earlier judgment's sentence and the part of it served (art. 70). Fact texts written for these tests.
"""

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.numbers import TERM_RE, term_months
from leniency.sentencing.extraction.recommendation import find_recommendation


@pytest.mark.parametrize(
    ("written", "months"),
    [
        ("一年半", 18),
        ("两年半", 30),
        ("二年半", 30),
        ("十年半", 126),
        ("半年", 6),
        ("一年零六个月", 18),
        ("一年零六月", 18),
        ("1年零6个月", 18),
        ("十年零三个月", 123),
        ("一年又六个月", 18),
        ("一年六个月", 18),
        ("八个月", 8),
        ("1.5年", 18),
        # half a month: the term is found, and terms are whole months (as CAIL records them)
        ("三个半月", 3),
        ("三个月半", 3),
    ],
)
def test_each_written_form_of_a_term_is_read_whole(written, months):
    match = TERM_RE.search(f"判处有期徒刑{written}。")
    assert match is not None and match.group() == written
    assert term_months(match) == months


def test_a_recommended_range_written_with_half_years_keeps_both_ends():
    rec = find_recommendation("公诉机关建议判处被告人有期徒刑一年半至两年半，并处罚金。")
    assert (rec.low_months, rec.high_months, rec.penalty) == (18, 30, "imprisonment")


def test_a_recommendation_of_half_a_year_is_read():
    rec = find_recommendation("公诉机关建议对被告人判处有期徒刑半年至一年。")
    assert (rec.low_months, rec.high_months) == (6, 12)


def test_a_recommendation_with_zero_and_a_half_year_probation_is_read():
    rec = find_recommendation("建议判处被告人有期徒刑一年零六个月，缓刑两年半，并处罚金人民币五千元。")
    assert (rec.low_months, rec.high_months) == (18, 18)
    assert rec.probation is True and rec.probation_months == 30


def test_a_recommendation_of_detention_for_three_and_a_half_months_is_found():
    rec = find_recommendation("公诉机关建议判处被告人拘役三个半月。")
    assert (rec.low_months, rec.high_months, rec.penalty) == (3, 3, "detention")


def test_the_original_sentence_of_an_appeal_written_with_half_a_year_is_read():
    text = (
        "原判认定上诉人周某于2020年3月在某商场盗窃手机两部，价值8000元。"
        "原判以盗窃罪判处上诉人周某有期徒刑两年半，并处罚金人民币一万元。周某不服，提出上诉。"
    )
    original = extract(text).procedure.original
    assert original.penalty == "imprisonment" and original.months == 30


@pytest.mark.parametrize(("written", "months"), [("一年零六个月", 18), ("半年", 6), ("一年半", 18)])
def test_a_prior_sentence_left_unserved_is_read_in_each_form(written, months):
    text = (
        "被告人吴某因犯诈骗罪于2018年被判处有期徒刑四年，2020年假释，假释考验期内又盗窃他人财物价值3000元。"
        f"前罪尚未执行的刑期为{written}。"
    )
    assert extract(text).procedure.prior_unserved.months == months


def test_an_earlier_judgment_and_the_part_served_written_with_halves_are_read():
    text = (
        "被告人郑某在判决宣告以前还有其他罪没有判决：2017年6月，郑某窃取被害人手机一部，价值4000元。"
        "郑某因犯抢劫罪于2018年1月被某区人民法院判处有期徒刑三年半，已执行刑期一年零六个月。"
    )
    earlier = extract(text, ["盗窃"]).procedure.undiscovered
    assert earlier.sentence.months == 42
    assert earlier.served.months == 18
