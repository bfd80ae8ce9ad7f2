"""累犯 read from 刑法第65条's conditions where the text tells the earlier sentence and its release without the word
(extraction/recidivism.py). Each rule has a text where it binds and one just outside it. Fact texts written for
these tests."""

from datetime import date

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.extraction.recidivism import INFERRED, first_act_date, negligent, without_inferred

NAME = "被告人王某，男，1980年5月1日出生。"


def _record(
    released: str, sentence: str = "有期徒刑二年", crime: str = "盗窃", judged: str = "2017年4月"
) -> str:
    return f"被告人王某曾因犯{crime}罪于{judged}被某县人民法院判处{sentence}，{released}刑满释放。"


def _theft(day: str = "2022年3月5日") -> str:
    return f"{day}晚，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"


def _recidivist(text: str, charges: tuple[str, ...] = ("盗窃",)):
    facts = extract(text, list(charges))
    return next((f for f in facts.circumstances if f.code == "recidivist"), None), facts


def test_release_in_2019_and_a_theft_in_2022_is_a_recidivism():
    text = NAME + _record("2019年4月10日") + _theft()
    found, facts = _recidivist(text)
    assert found is not None and found.value == INFERRED
    assert found.span.quote.startswith("曾因犯盗窃罪") and found.span.quote.endswith("刑满释放")
    (note,) = [n for n in facts.notes if "刑法第65条" in n]
    assert (
        "2019-04-10" in note and "2022-03-05" in note and "中等可信度" in note and "medium confidence" in note
    )


def test_the_calculation_weighs_it_as_a_recidivism_not_as_a_prior_record():
    calc = calculate(extract(NAME + _record("2019年4月10日") + _theft(), ["盗窃"]))
    rules = {s.rule_id for s in calc.steps}
    assert "circ.recidivist" in rules and "circ.prior_record" not in rules
    assert any("2019-04-10" in n for n in calc.notes)


def test_release_in_2015_and_a_theft_in_2022_is_outside_five_years():
    found, facts = _recidivist(NAME + _record("2015年4月10日", judged="2013年4月") + _theft())
    assert found is None
    assert "prior_record" in {f.code for f in facts.circumstances}  # still a record (2021量刑指导意见 三(16))


@pytest.mark.parametrize(("day", "recidivist"), [("2024年4月10日", True), ("2024年4月11日", False)])
def test_five_years_run_from_the_day_of_release(day, recidivist):
    found, _ = _recidivist(NAME + _record("2019年4月10日") + _theft(day))
    assert (found is not None) is recidivist


def test_a_crime_before_the_release_is_no_recidivism():
    """A new crime while the sentence is served is art. 71's, not art. 65's (刑罚执行完毕以后)."""
    found, _ = _recidivist(NAME + _record("2019年4月10日") + _theft("2018年12月5日"))
    assert found is None


@pytest.mark.parametrize(
    ("sentence", "recidivist"),
    [("拘役五个月", False), ("管制一年", False), ("罚金人民币3000元", False), ("有期徒刑六个月", True)],
)
def test_only_a_sentence_of_imprisonment_or_more_founds_one(sentence, recidivist):
    found, _ = _recidivist(NAME + _record("2019年4月10日", sentence) + _theft())
    assert (found is not None) is recidivist


def test_a_suspended_sentence_is_never_served_but_a_revoked_one_is():
    suspended = (
        "被告人王某曾因犯盗窃罪于2017年4月被某县人民法院判处有期徒刑一年，缓刑二年，2019年4月缓刑执行完毕。"
    )
    assert _recidivist(NAME + suspended + _theft())[0] is None  # 缓刑考验期满 is no 执行完毕 (刑法第76条)
    revoked = "被告人王某曾因犯盗窃罪于2017年4月被某县人民法院判处有期徒刑一年，缓刑二年，后被撤销缓刑，2019年4月刑满释放。"
    assert _recidivist(NAME + revoked + _theft())[0] is not None


def test_a_parole_is_left_to_the_court():
    """刑法第65条第2款: five years from the end of the parole period, which a release date does not tell."""
    paroled = (
        "被告人王某曾因犯盗窃罪于2017年4月被某县人民法院判处有期徒刑二年，2018年10月假释，2019年4月刑满释放。"
    )
    assert _recidivist(NAME + paroled + _theft())[0] is None


def test_a_negligent_new_crime_is_excepted():
    crash = "2022年3月5日，被告人王某驾驶小型轿车与行人李某相撞，致李某死亡，被告人王某负事故全部责任。"
    assert _recidivist(NAME + _record("2019年4月10日") + crash, ("交通肇事",))[0] is None
    assert _recidivist(NAME + _record("2019年4月10日") + crash, ("故意伤害",))[0] is not None
    assert negligent("交通肇事罪") and negligent("过失致人死亡") and not negligent("故意伤害")


def test_a_negligent_earlier_crime_is_excepted():
    found, _ = _recidivist(NAME + _record("2019年4月10日", crime="交通肇事") + _theft())
    assert found is None
    assert _recidivist(NAME + _record("2019年4月10日", crime="故意伤害") + _theft())[0] is not None


def test_a_new_crime_at_17_is_excepted_and_one_at_18_is_not():
    record = _record("2019年8月1日", "有期徒刑六个月", judged="2019年2月")
    at_17 = "被告人王某，男，2002年1月1日出生。" + record + _theft("2019年12月5日")
    at_18 = "被告人王某，男，2001年1月1日出生。" + record + _theft("2019年12月5日")
    assert _recidivist(at_17)[1].age == 17 and _recidivist(at_17)[0] is None
    assert _recidivist(at_18)[1].age == 18 and _recidivist(at_18)[0] is not None


def test_an_earlier_sentence_pronounced_under_18_is_a_minors_crime():
    minor = "被告人王某，男，2000年6月1日出生。" + _record("2018年3月1日", judged="2017年3月")
    assert _recidivist(minor + _theft())[0] is None
    adult = "被告人王某，男，1998年6月1日出生。" + _record("2018年3月1日", judged="2017年3月")
    assert _recidivist(adult + _theft())[0] is not None


def test_a_charge_that_allows_no_imprisonment_cannot_call_for_it():
    """危险驾驶 (刑法第133条之一) is punished with 拘役 at most: never 应当判处有期徒刑以上刑罚之罪."""
    drunk = "2022年3月5日，被告人王某醉酒驾驶小型轿车，经鉴定其血液中乙醇含量为150mg/100ml。"
    assert _recidivist(NAME + _record("2019年4月10日") + drunk, ("危险驾驶",))[0] is None
    assert _recidivist(NAME + _record("2019年4月10日") + _theft(), ("盗窃",))[0] is not None


def test_where_the_text_says_recidivist_the_word_decides():
    said = NAME + _record("2019年4月10日") + _theft() + "被告人王某系累犯，应当从重处罚。"
    found, facts = _recidivist(said)
    assert found is not None and found.value is None and found.span.quote == "累犯"
    assert not any("刑法第65条推定" in n for n in facts.notes)
    denied = NAME + _record("2019年4月10日") + _theft() + "辩护人提出被告人王某不构成累犯，本院予以采纳。"
    assert _recidivist(denied)[0] is None  # the dates qualify, but the text's word is its court's decision


def test_another_persons_conviction_founds_none():
    other = "同案人李某曾因犯盗窃罪于2017年4月被某县人民法院判处有期徒刑二年，2019年4月10日刑满释放。"
    assert _recidivist(NAME + other + _theft())[0] is None


def test_the_new_crimes_date_is_the_first_of_the_facts_outside_the_earlier_convictions():
    text = NAME + _record("2019年4月10日") + _theft("2022年3月5日") + "2022年6月1日，被告人王某被抓获。"
    assert first_act_date(text) == date(2022, 3, 5)  # not 1980 (birth), 2017 or 2019 (the earlier judgment)


def test_without_a_charge_nothing_is_inferred():
    """Whether the new crime is negligent needs its charge."""
    text = NAME + _record("2019年4月10日") + _theft()
    assert "recidivist" not in {f.code for f in find_circumstances(text)[0]}
    assert "recidivist" in {f.code for f in find_circumstances(text, None, ["盗窃"])[0]}


def test_a_date_told_before_an_earlier_convictions_opening_is_the_convictions():
    text = (
        "被告人王某于2016年4月4日因犯盗窃罪被某县人民法院判处有期徒刑二年，2018年4月3日刑满释放。" + _theft()
    )
    assert first_act_date(text) == date(2022, 3, 5)
    assert first_act_date(_theft("2016年4月4日") + _theft()) == date(2016, 4, 4)  # a date of the facts


def test_without_inferred_drops_only_an_inferred_recidivism_and_says_why():
    """For a crime calculated below 有期徒刑 (刑法第65条: 应当判处有期徒刑以上刑罚之罪), see calculator."""
    inferred = extract(NAME + _record("2019年4月10日") + _theft(), ["盗窃"])
    plain = without_inferred(inferred)
    assert plain is not None and "recidivist" not in {f.code for f in plain.circumstances}
    assert "prior_record" in {f.code for f in plain.circumstances}  # the record stays (三(16))
    assert not any(n.startswith("累犯系依刑法第65条推定") for n in plain.notes)
    assert any("不推定累犯" in n and "art. 65" in n for n in plain.notes)
    assert "recidivist" in {f.code for f in inferred.circumstances}  # the facts given are not changed
    said = extract(NAME + _record("2019年4月10日") + _theft() + "被告人王某系累犯。", ["盗窃"])
    assert without_inferred(said) is None  # the word is the court's
