"""Numbered lists of earlier convictions (有如下前科：1、…；2、…) and lists joined by ；又于: each item is a conviction of its
own, with its own date, sentence and release, and the 累犯 of 刑法第65条 is inferred from the right one. Fact texts
written here."""

from datetime import date

from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.recidivism import first_act_date, inferred_recidivism
from leniency.sentencing.facts import Circumstance

HEAD = "被告人张某，男，1980年1月1日出生，汉族。"
CRIME = "2021年4月5日，被告人张某在某市某小区入户盗窃现金5000元。"
NUMBERED = (
    "有如下前科：1、2014年5月因犯盗窃罪被判处有期徒刑一年，2015年3月刑满释放；"
    "2、2016年8月因犯抢劫罪被判处有期徒刑三年，2019年6月刑满释放。"
)
DATE_CLAUSES = (
    "有如下前科：1、2014年5月，因犯盗窃罪被某区人民法院判处有期徒刑一年，2015年3月刑满释放；"
    "2、2016年8月，因犯抢劫罪被某区人民法院判处有期徒刑三年，2019年6月刑满释放。"
)
PASSIVE = (
    "有前科：1.2014年5月被某区人民法院以盗窃罪判处有期徒刑一年，2015年3月刑满释放；"
    "2.2016年8月被某区人民法院以抢劫罪判处有期徒刑三年，2019年6月刑满释放。"
)
AGAIN = (
    "曾因犯盗窃罪于2014年5月被判处有期徒刑一年，2015年3月刑满释放；"
    "又于2016年8月被某区人民法院以抢劫罪判处有期徒刑三年，2019年6月刑满释放。"
)
TWO = [
    (date(2014, 5, 1), 12, date(2015, 3, 1)),
    (date(2016, 8, 1), 36, date(2019, 6, 1)),
]


def _judgments(text: str) -> list[tuple[date | None, int | None, date | None]]:
    return [
        (c.pronounced, c.sentence.months if c.sentence else None, c.released)
        for c in earlier_convictions(text)
        if c.sentence is not None
    ]


def test_each_numbered_item_is_a_conviction_with_its_date_sentence_and_release():
    assert _judgments(HEAD + NUMBERED + CRIME) == TWO


def test_the_list_heading_does_not_take_the_first_items_date():
    text = HEAD + NUMBERED + CRIME
    heading = earlier_convictions(text)[0]
    assert text[heading.start : heading.end] == "有如下前科"


def test_a_date_told_in_a_clause_of_its_own_belongs_to_the_item():
    assert _judgments(HEAD + DATE_CLAUSES + CRIME) == TWO
    assert first_act_date(HEAD + DATE_CLAUSES + CRIME) == date(2021, 4, 5)


def test_a_clause_with_a_date_and_an_act_is_not_the_convictions_date():
    text = HEAD + "2016年8月在某市务工，因犯抢劫罪被判处有期徒刑三年，2019年6月刑满释放。" + CRIME
    assert _judgments(text) == [(None, 36, date(2019, 6, 1))]


def test_a_passive_item_with_its_crime_after_yi_is_a_conviction():
    assert _judgments(HEAD + PASSIVE + CRIME) == TWO


def test_items_joined_by_you_yu_are_two_convictions():
    assert _judgments(HEAD + AGAIN + CRIME) == TWO
    assert first_act_date(HEAD + AGAIN + CRIME) == date(2021, 4, 5)


def test_a_passive_sentence_without_an_item_mark_opens_no_conviction():
    text = "原审被告人张某被某区人民法院以盗窃罪判处有期徒刑一年，张某不服，提出上诉。" + CRIME
    assert earlier_convictions(text) == ()


def test_a_prior_record_that_goes_on_after_a_comma_keeps_its_sentence():
    text = HEAD + "有前科，被判处有期徒刑一年，2015年3月刑满释放。" + CRIME
    assert [(c.sentence.months if c.sentence else None, c.released) for c in earlier_convictions(text)] == [
        (12, date(2015, 3, 1))
    ]


def test_recidivism_is_inferred_from_the_latest_item_of_each_list():
    for told in (NUMBERED, DATE_CLAUSES, PASSIVE, AGAIN):
        text = HEAD + told + CRIME
        found = inferred_recidivism(text, prior_records(text), None, ["盗窃"])
        assert found is not None, told
        assert (
            found.released == date(2019, 6, 1)
            and "抢劫罪" in text[found.conviction.start : found.conviction.end]
        )


def test_the_inferred_recidivism_reaches_the_calculation():
    facts = extract(HEAD + AGAIN + CRIME, ["盗窃"])
    assert facts.finding(Circumstance.RECIDIVIST) is not None
    assert "recidivist" in applicable_circumstances(facts).rules


def test_a_new_crime_just_past_five_years_after_the_latest_release_is_no_recidivism():
    late = CRIME.replace("2021年4月5日", "2024年6月2日")
    for told in (NUMBERED, AGAIN):
        text = HEAD + told + late
        assert inferred_recidivism(text, prior_records(text), None, ["盗窃"]) is None, told


def test_a_new_crime_on_the_last_day_of_five_years_is_a_recidivism():
    text = HEAD + AGAIN + CRIME.replace("2021年4月5日", "2024年6月1日")
    assert inferred_recidivism(text, prior_records(text), None, ["盗窃"]) is not None
