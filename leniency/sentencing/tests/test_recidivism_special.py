"""Special recidivism (刑法第66条) read from its conditions where the text does not say 累犯: an earlier sentence for a
crime of its classes (危害国家安全罪, 恐怖活动犯罪, 黑社会性质的组织犯罪) served, and a new crime of any of them, at any
time after (extraction/recidivism.py). Each rule has a text where it binds and one just outside it. Fact texts written
for these tests."""

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.recidivism import INFERRED, special_class, without_inferred

NAME = "被告人赵某，男，1975年2月3日出生。"
MAFIA = "组织、领导、参加黑社会性质组织"
TERROR = "组织、领导、参加恐怖组织"


def _record(crime: str, released: str, judged: str = "2005年8月", sentence: str = "有期徒刑四年") -> str:
    return f"被告人赵某曾因犯{crime}罪于{judged}被某市中级人民法院判处{sentence}，{released}刑满释放。"


def _gang(day: str = "2022年3月5日") -> str:
    return f"{day}起，被告人赵某加入以孙某为首的黑社会性质组织，多次参与该组织的寻衅滋事活动，听从孙某指挥。"


def _terror(day: str = "2022年3月5日") -> str:
    return f"{day}，被告人赵某在境外加入某恐怖组织，接受该组织的训练并为其招募人员。"


def _theft(day: str = "2022年3月5日") -> str:
    return f"{day}晚，被告人赵某在某小区窃得电动车一辆，价值人民币3000元。"


def _recidivist(text: str, charges: tuple[str, ...]):
    facts = extract(text, list(charges))
    return next((f for f in facts.circumstances if f.code == "recidivist"), None), facts


def test_an_organised_crime_served_in_2009_and_a_new_one_in_2022_is_a_recidivism_by_article_66():
    found, facts = _recidivist(NAME + _record("参加黑社会性质组织", "2009年8月1日") + _gang(), (MAFIA,))
    assert found is not None and found.value == INFERRED
    assert found.span.quote.startswith("曾因犯参加黑社会性质组织罪")
    (note,) = [n for n in facts.notes if "累犯系依" in n]
    assert (
        "刑法第66条" in note
        and "2009-08-01" in note
        and "2022-03-05" in note
        and "黑社会性质的组织犯罪" in note
    )
    assert without_inferred(facts) is None  # 第66条 asks no 有期徒刑 of the new crime: the finding stays


def test_the_same_record_and_a_theft_in_2022_is_no_recidivism_more_than_five_years_on():
    found, facts = _recidivist(NAME + _record("参加黑社会性质组织", "2009年8月1日") + _theft(), ("盗窃",))
    assert found is None
    assert "prior_record" in {f.code for f in facts.circumstances}


def test_an_earlier_theft_and_a_new_terrorist_crime_within_five_years_is_article_65_only():
    found, facts = _recidivist(NAME + _record("盗窃", "2019年4月10日", "2017年4月") + _terror(), (TERROR,))
    assert found is not None and found.value == INFERRED
    notes = [n for n in facts.notes if "累犯系依" in n]
    assert len(notes) == 1 and "刑法第65条" in notes[0] and "刑法第66条" not in notes[0]


def test_an_earlier_theft_and_a_new_terrorist_crime_after_five_years_is_no_recidivism():
    found, _ = _recidivist(NAME + _record("盗窃", "2012年4月10日", "2010年4月") + _terror(), (TERROR,))
    assert found is None


def test_the_classes_may_differ_a_terrorist_crime_served_and_then_splitting_the_state():
    text = (
        NAME
        + _record("参加恐怖组织", "2008年5月1日", "2004年3月")
        + ("2021年6月起，被告人赵某多次在网络上发布煽动分裂国家的言论，浏览量达数万次。")
    )
    found, facts = _recidivist(text, ("煽动分裂国家",))
    assert found is not None and found.value == INFERRED
    assert any("刑法第66条" in n and "恐怖活动犯罪" in n and "危害国家安全罪" in n for n in facts.notes)


def test_shielding_a_gang_is_not_one_of_the_classes():
    record = _record("包庇、纵容黑社会性质组织", "2009年8月1日")
    found, _ = _recidivist(NAME + record + _gang(), (MAFIA,))
    assert found is None


def test_a_new_crime_before_the_release_is_no_recidivism():
    found, _ = _recidivist(
        NAME + _record("参加黑社会性质组织", "2009年8月1日") + _gang("2009年7月5日"), (MAFIA,)
    )
    assert found is None


SUSPENDED = "被告人赵某曾因犯参加黑社会性质组织罪于2005年8月被某市中级人民法院判处有期徒刑二年，缓刑三年，"


@pytest.mark.parametrize(
    ("after", "recidivist"),
    [
        (
            "后因违反监督管理规定被撤销缓刑，收监执行，2009年8月1日刑满释放。",
            True,
        ),  # 第77条: revoked, then served
        ("2008年8月1日执行完毕。", False),  # 第76条: probation passed, 原判刑罚不再执行: nothing was served
    ],
)
def test_a_suspended_sentence_counts_only_when_revoked_and_served(after, recidivist):
    found, facts = _recidivist(NAME + SUSPENDED + after + _gang(), (MAFIA,))
    assert (found is not None) is recidivist
    assert any("刑法第66条" in n for n in facts.notes) is recidivist


def test_the_word_decides_where_the_text_says_it():
    text = NAME + _record("参加黑社会性质组织", "2009年8月1日") + _gang() + "被告人赵某系累犯。"
    found, facts = _recidivist(text, (MAFIA,))
    assert found is not None and found.value != INFERRED
    assert not any("刑法第66条推定" in n for n in facts.notes)


@pytest.mark.parametrize(
    ("words", "cls"),
    [
        ("参加黑社会性质组织", "黑社会性质的组织犯罪"),
        ("组织、领导黑社会性质组织罪", "黑社会性质的组织犯罪"),
        ("领导恐怖组织", "恐怖活动犯罪"),
        ("非法持有宣扬恐怖主义、极端主义物品", "恐怖活动犯罪"),  # 第120条之六
        ("间谍", "危害国家安全罪"),  # 第110条
        ("包庇、纵容黑社会性质组织", None),  # 第294条第3款: outside
        ("入境发展黑社会组织", None),  # 第294条第2款: outside
        ("寻衅滋事", None),
    ],
)
def test_the_classes_of_article_66(words, cls):
    assert special_class(words) == cls
