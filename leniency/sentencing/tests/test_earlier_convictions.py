"""One reading of the earlier convictions a fact text tells (extraction/earlier_convictions.py), and the places that
use it: the conduct read for charge inference, the counts, the sentence under appeal, the prior record (前科), and the
judgment an undiscovered crime is combined with (漏罪, 刑法第70条). Fact texts written for these tests."""

from datetime import date

import pytest

from leniency.sentencing.extraction.charge_inference import defendants_conduct
from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.extraction.document import acts, parse
from leniency.sentencing.extraction.earlier_convictions import (
    earlier_convictions,
    without_earlier_convictions,
)
from leniency.sentencing.extraction.procedure import find_procedure

RECORD = "被告人甲曾因犯盗窃罪于2014年5月被某区人民法院判处有期徒刑六个月，2014年11月刑满释放。"
ACT = "2019年3月5日，被告人甲在某超市窃得手机一部，价值人民币3000元。"


def _codes(text: str) -> set[str]:
    return {f.code for f in find_circumstances(text)[0]}


def test_a_conviction_is_read_with_its_sentence_its_date_and_its_release():
    (told,) = earlier_convictions(RECORD + ACT)
    assert (RECORD + ACT)[told.start : told.end] == RECORD[RECORD.index("曾因") : RECORD.index("。")]
    assert (told.judgment, told.criminal, told.served, told.others) == (True, True, True, False)
    assert (told.sentence.penalty, told.sentence.months) == ("imprisonment", 6)
    assert told.pronounced == date(2014, 5, 1) and told.released == date(2014, 11, 1)


def test_a_second_judgment_in_the_same_sentence_is_a_conviction_of_its_own():
    text = "被告人甲曾因犯盗窃罪于2010年3月被判处有期徒刑一年，2011年1月刑满释放，2015年6月又因犯诈骗罪被判处有期徒刑二年。"
    first, second = earlier_convictions(text)
    assert first.served and first.sentence.months == 12 and first.released == date(2011, 1, 1)
    assert not second.served and second.released is None and second.sentence.months == 24
    assert text[second.start :].startswith("因犯诈骗罪") and second.pronounced == date(2015, 6, 1)
    assert text[first.end :].startswith("，2015年6月又")  # the clause the second opens in is its own


def test_an_administrative_punishment_or_an_arrest_is_no_criminal_conviction():
    (punished,) = earlier_convictions("被告人甲曾因盗窃被公安机关行政拘留十日。" + ACT)
    assert not punished.criminal
    assert earlier_convictions(ACT + "次日，被告人甲因涉嫌盗窃罪被公安机关刑事拘留。") == ()


def test_another_persons_conviction_is_not_the_defendants():
    (told,) = earlier_convictions("判决书证实乙某、丙某因犯盗窃罪被判处刑罚。")
    assert told.others
    (own,) = earlier_convictions("判决书证实被告人甲某因犯盗窃罪被判处刑罚。")
    assert not own.others


def test_the_conduct_read_for_charge_inference_is_the_text_without_its_convictions():
    text = "被告人甲曾因故意伤害他人被判处有期徒刑一年，2016年刑满释放。" + ACT
    conduct = defendants_conduct(text)
    assert conduct == without_earlier_convictions(text) and len(conduct) == len(text)
    assert "故意伤害" not in conduct and "窃得手机" in conduct


def test_a_numbered_record_told_with_its_judgment_is_no_count_and_a_numbered_act_is():
    records = (
        "曾受过如下刑事处罚：1、2014年因犯盗窃罪被判处有期徒刑六个月；2、2016年因犯盗窃罪被判处有期徒刑一年。"
    )
    assert parse("被告人甲。" + records + "经审理查明：" + ACT).counts == []
    two = "经审理查明：1、" + ACT + "2、2019年4月2日，被告人甲在某小区窃得电动车一辆。"
    assert len(acts(parse("被告人甲。" + two))) == 2
    # an act that names the defendant's 前科 in passing is still an act
    assert (
        len(acts(parse("被告人甲。" + two.replace("被告人甲在某小区", "有盗窃前科的被告人甲在某小区")))) == 2
    )


def test_a_prior_conviction_told_inside_the_appeal_head_is_not_the_sentence_appealed():
    """The earlier conviction is told between 原判认定 and its 判处: the original is the sentence after it. Before, the
    head's test read a position relative to the head as one in the text, and missed it past the text's first words."""
    text = (
        "上诉人甲因盗窃一案，不服某区人民法院刑事判决，提出上诉。原判认定，上诉人甲曾因犯诈骗罪于2016年被判处有期徒刑"
        "六个月。原判以盗窃罪判处上诉人甲有期徒刑一年。"
    )
    original = find_procedure(text).original
    assert original.months == 12 and original.span.quote.startswith("原判以盗窃罪")


@pytest.mark.parametrize(
    "text",
    [
        RECORD + ACT,
        "被告人甲有盗窃前科。" + ACT,
        "被告人甲曾于2016年3月被某区人民法院判处有期徒刑一年。" + ACT,
        "被告人甲因犯盗窃罪于2014年5月被判处有期徒刑六个月。" + ACT,
        # the court's verdict without 犯…罪 (and a masked one) is still the defendant's conviction
        "另查明，被告人甲因诈骗罪被某县人民法院判处有期徒刑五年。" + ACT,
        "判决书证实，被告人甲因犯××被判处××。" + ACT,
    ],
)
def test_a_criminal_conviction_of_the_defendant_is_a_prior_record(text):
    assert "prior_record" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "被告人甲无前科。" + ACT,
        "被告人甲没有前科。" + ACT,
        "被告人甲曾因盗窃被公安机关行政拘留十日。" + ACT,
        "判决书证实乙某、丙某因犯盗窃罪被判处刑罚。" + ACT,
        "上述事实，有户籍证明、前科劣迹证明等证据证实。" + ACT,
    ],
)
def test_no_record_a_punishment_or_anothers_conviction_is_no_prior_record(text):
    assert "prior_record" not in _codes(text)


def test_a_verdict_after_a_comma_told_in_the_passive_closes_a_conviction_and_a_recommendation_does_not():
    text = "被告人甲又因犯抢劫罪、敲诈勒索罪，于1997年9月2日被本院数罪并罚决定执行有期徒刑七年六个月。" + ACT
    (told,) = earlier_convictions(text)
    assert told.criminal and told.sentence.months == 90 and told.pronounced == date(1997, 9, 2)
    assert earlier_convictions("公诉机关认为被告人甲因犯盗窃罪，建议判处有期徒刑一年。") == ()
