"""The counts (document.told_acts) and the sentence left to serve (procedure) read an earlier conviction through
earlier_convictions, not words of their own; a remainder "尚未执行完毕" is no sentence served. Fact texts written for
these tests."""

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.document import parse, told_acts
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions

ACT = "一、2019年3月5日，被告人甲在某超市窃得手机一部，价值人民币3000元。"


def _told(text: str) -> int:
    return told_acts(parse(text), 0, len(text))


def test_a_record_told_after_again_is_no_act_done_again():
    # 劳动教养 is none of the words that follow an act; earlier_convictions reads it as a punishment
    assert _told(ACT + "2019年6月，甲又因盗窃被劳动教养一年。") == 1


def test_an_act_told_after_again_is_one_more_act():
    # just outside: the same sentence with a theft, no record
    assert _told(ACT + "2019年6月，甲又在某商场窃得钱包一个。") == 2


def test_a_sentence_still_to_serve_is_not_a_sentence_served():
    (told,) = earlier_convictions("被告人甲曾因犯盗窃罪被判处有期徒刑三年，尚未执行完毕，又盗窃手机一部。")
    assert not told.served
    (done,) = earlier_convictions("被告人甲曾因犯盗窃罪被判处有期徒刑三年，已执行完毕。")
    assert done.served


def test_a_remainder_in_a_sentence_that_tells_the_release_is_not_combined():
    text = "被告人甲曾因犯盗窃罪被判处有期徒刑三年，剩余刑期六个月，2018年3月刑满释放。2019年5月，甲在某超市窃得手机一部。"
    assert extract(text).procedure.prior_unserved is None


def test_a_remainder_not_served_is_combined():
    # just outside: no release in its sentence (刑法第71条)
    text = "被告人甲在假释考验期内又在某超市窃得手机一部。前罪尚未执行的刑期为有期徒刑六个月。"
    assert extract(text).procedure.prior_unserved.months == 6
