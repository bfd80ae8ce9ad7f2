"""A co-offender's act beyond the common intent (实行过限, 刑法第25条: 共同犯罪是指二人以上共同故意犯罪), issue 16 class 3:
a harm a co-offender caused by an act the defendant did not know of is not the defendant's. Without that statement
the joint crime's harm is every co-offender's (部分实行全部责任). Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.excess import excess_sentences

FIGHT = (
    "经审理查明，2020年5月1日晚，被告人甲与乙（另案处理）因琐事与被害人丙、丁发生争执，甲用拳头殴打丙面部，"
    "致丙轻伤二级。乙另持随身携带的匕首捅刺丁腹部，致丁重伤二级。"
)
NOT_KNOWN = "甲对乙持刀捅人事先不知情。"


def test_a_co_offenders_stabbing_the_defendant_did_not_know_of_is_not_his_injury():
    facts = extract(FIGHT + NOT_KNOWN, ["故意伤害"])
    assert [f.value for f in facts.injuries] == ["light_2"]
    assert any("刑法第25条" in note and "重伤二级" in note for note in facts.notes)
    calc = calculate(facts)
    assert calc.months < 24  # 轻伤: 二年以下 (before: 重伤's 3 years and more, 42 months)


def test_without_that_statement_the_joint_crimes_harm_is_the_defendants():
    calc = calculate(extract(FIGHT, ["故意伤害"]))
    assert calc.months >= 36


def test_a_sentence_telling_of_both_is_not_set_aside():
    text = "被告人甲与乙共同殴打丙，乙持刀捅刺丙，致丙重伤二级。甲对乙持刀捅人事先不知情。"
    assert excess_sentences(text) == []
    assert excess_sentences(FIGHT + NOT_KNOWN) == [(FIGHT.index("乙另持"), FIGHT.index("重伤二级") + 4, "乙")]
