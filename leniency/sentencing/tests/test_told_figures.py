"""told_sums.told_figures: the figures of a measure told in a text's sentences, each valued by what its sentence
says of it; a sentence told again word for word read once, a figure its reader does not value left out, a total
marked by the words before it in its sentence (the reader farmland_area, hazardous_waste, precious_trees,
timber_volume and young_trees share)."""

import re
from decimal import Decimal

from leniency.sentencing.extraction.told_sums import summed_once, told_figures

WEIGHT_RE = re.compile(r"(?P<num>\d+)千克")


def _dumped(text: str, weight: re.Match, start: int, end: int) -> Decimal | None:
    return Decimal(weight.group("num")) if "倾倒" in text[start:end] else None


def test_each_figure_its_reader_values_is_told_once_in_text_order():
    text = "甲在河边倾倒废酸300千克。车内另存放废酸50千克。次日又倾倒废酸200千克。"
    told = told_figures(text, WEIGHT_RE, _dumped)
    assert [(t.value, t.at) for t in told] == [
        (Decimal(300), text.index("300")),
        (Decimal(200), text.index("200")),
    ]


def test_a_sentence_told_again_word_for_word_is_read_once():
    sentence = "被告人甲于2019年3月5日夜间驾驶货车至某村河边，将废酸300千克倾倒入河中，造成河水严重污染。"
    text = f"公诉机关指控如下。{sentence}经审理查明的事实与指控一致。{sentence}"
    assert [t.value for t in told_figures(text, WEIGHT_RE, _dumped)] == [Decimal(300)]


def test_a_total_marked_in_its_sentence_restates_the_lots_before_it():
    text = "甲倾倒废酸300千克。乙倾倒废酸200千克。二人共计倾倒废酸500千克。"
    told = told_figures(text, WEIGHT_RE, _dumped)
    assert [t.total for t in told] == [False, False, True]
    assert summed_once(told) == Decimal(500)


def test_a_figure_valued_zero_is_told_not_left_out():
    told = told_figures("甲倾倒废酸0千克。", WEIGHT_RE, _dumped)
    assert [t.value for t in told] == [Decimal(0)]
