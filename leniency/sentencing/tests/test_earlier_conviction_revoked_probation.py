"""A conviction whose probation was revoked (刑法第77条) or parole revoked (刑法第86条) goes on being told through the
revocation and the execution that follows (撤销缓刑, 收监执行, 执行原判刑罚) to its release: one conviction, released
on the date told, not a second record opened by its 刑满释放. Fact texts written for these tests."""

from datetime import date

from leniency.sentencing.extraction.earlier_convictions import earlier_convictions

REVOKED = (
    "被告人甲曾因犯盗窃罪被判处有期徒刑一年，缓刑二年，后因违反规定被撤销缓刑，收监执行，2019年4月刑满释放"
)
ACT = "。2020年5月，被告人甲在某超市窃得手机一部。"


def test_the_release_after_a_revoked_probation_belongs_to_its_conviction():
    text = REVOKED + ACT
    (told,) = earlier_convictions(text)
    assert text[told.start : told.end] == REVOKED[REVOKED.index("曾因") :]
    assert told.served and told.released == date(2019, 4, 1)
    assert (told.sentence.penalty, told.sentence.months) == ("imprisonment", 12)


def test_a_revoked_parole_executing_the_rest_of_the_term_is_the_same_conviction():
    text = (
        "被告人甲曾因犯抢劫罪被判处有期徒刑五年，2016年3月假释，后被撤销假释，执行剩余刑期，2018年2月刑满释放"
        + ACT
    )
    (told,) = earlier_convictions(text)
    assert told.released == date(2018, 2, 1) and told.sentence.months == 60


def test_a_second_conviction_after_the_release_is_still_its_own():
    text = REVOKED + "，2020年6月又因犯诈骗罪被判处有期徒刑八个月，2021年1月刑满释放" + ACT
    first, second = earlier_convictions(text)
    assert first.released == date(2019, 4, 1) and first.sentence.months == 12
    assert second.released == date(2021, 1, 1) and second.sentence.months == 8
    assert text[second.start :].startswith("因犯诈骗罪") and second.pronounced == date(2020, 6, 1)


def test_a_stay_in_prison_told_as_conduct_is_not_the_execution_of_the_sentence():
    # just outside: 收监后 opens what happened there, not a revocation's execution: the conviction ends before it
    text = "被告人甲曾因犯盗窃罪被判处有期徒刑一年，缓刑二年，收监后结识被告人乙，二人商议盗窃" + ACT
    (told,) = earlier_convictions(text)
    assert text[told.start : told.end] == "曾因犯盗窃罪被判处有期徒刑一年，缓刑二年" and told.released is None


def test_the_revocation_and_release_told_after_semicolons_belong_to_the_conviction():
    text = "被告人甲曾因犯盗窃罪被判处有期徒刑一年，缓刑二年；后被撤销缓刑，收监执行；2019年4月刑满释放" + ACT
    (told,) = earlier_convictions(text)
    assert told.released == date(2019, 4, 1) and told.sentence.months == 12


def test_a_judgment_after_the_semicolon_is_a_conviction_of_its_own():
    # just outside: the part after the release opens a judgment of its own
    text = (
        "被告人甲曾因犯盗窃罪被判处有期徒刑一年；2019年4月刑满释放；2020年6月又因犯诈骗罪被判处有期徒刑八个月"
        + ACT
    )
    first, second = earlier_convictions(text)
    assert first.released == date(2019, 4, 1) and first.sentence.months == 12
    assert second.sentence.months == 8 and second.pronounced == date(2020, 6, 1) and not second.served


def test_an_act_after_the_semicolon_is_not_told_with_the_conviction():
    # just outside: the part after the semicolon tells this case's act, no release
    text = "被告人甲曾因犯盗窃罪被判处有期徒刑一年，缓刑二年；2020年5月，被告人甲在某超市窃得手机一部。"
    (told,) = earlier_convictions(text)
    assert text[told.end] == "；" and not told.served
