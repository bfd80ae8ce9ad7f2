"""numbers.sentence_start / sentence_end: where the sentence around a position begins and ends, a full stop, a
semicolon (full or half width) or a line break ending it; the one scan duty_money, raised_funds, earlier_convictions,
conduct_actor and document read a figure's or an item's sentence with."""

import pytest

from leniency.sentencing.extraction.numbers import sentence_end, sentence_start

TEXT = "被告人甲窃得手机一部。后又窃得现金500元；同日销赃;次日被抓获\n案发后退赃"


@pytest.mark.parametrize(
    ("mark", "start", "end"),
    [
        ("被告人", 0, TEXT.index("。")),
        ("现金", TEXT.index("后又"), TEXT.index("；")),
        ("销赃", TEXT.index("同日"), TEXT.index(";")),
        ("抓获", TEXT.index("次日"), TEXT.index("\n")),
        ("退赃", TEXT.index("案发"), len(TEXT)),
    ],
)
def test_a_sentence_runs_from_the_break_before_to_the_break_after(mark, start, end):
    at = TEXT.index(mark)
    assert (sentence_start(TEXT, at), sentence_end(TEXT, at)) == (start, end)


def test_a_comma_does_not_end_a_sentence():
    text = "被告人甲于2019年3月5日，窃得手机一部，价值2000元。"
    at = text.index("价值")
    assert (sentence_start(text, at), sentence_end(text, at)) == (0, len(text) - 1)


def test_at_a_break_the_sentence_ends_there_and_the_next_begins_after_it():
    text = "甲盗窃。乙销赃。"
    stop = text.index("。")
    assert sentence_end(text, stop) == stop
    assert sentence_start(text, stop + 1) == stop + 1
