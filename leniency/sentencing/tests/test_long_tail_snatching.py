"""Which count a snatching is (issue 16, class 3; standards/act_conduct.yaml). Fact texts written for these tests, not taken from any data set.

刑法第267条第1款: 抢夺 is an open, sudden taking without force against the person; 第2款: a snatching with a weapon
is robbery (第263条: 以暴力、胁迫或者其他方法). 刑法第264条: 盗窃 is the secret taking (偷拿, 窃取).
"""

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.act_charge import tells_of

SNATCH = "一、2020年5月2日，被告人甲在某路口趁被害人乙不备，夺走乙手中的手机一部，价值人民币2600元。"
THEFT = "二、2020年6月1日，被告人甲在某小区内秘密窃取被害人丙的电动车一辆，价值人民币1800元。"
ROBBERY = "二、2020年6月1日，被告人甲在某小区内持刀威胁被害人丙，夺走丙的手机一部，价值人民币1800元。"


def _acts(text, charges):
    return [(a.charge, a.count) for a in extract("经审理查明：" + text, charges).acts]


def test_a_snatching_is_the_snatching_counts_act():
    assert tells_of(SNATCH, ["抢夺", "盗窃"]) == "抢夺"
    assert _acts(SNATCH + THEFT, ["抢夺", "盗窃"]) == [("抢夺", "一、"), ("盗窃", "二、")]


def test_a_secret_taking_states_no_snatching():
    assert tells_of(THEFT, ["抢夺", "盗窃"]) is None  # left to the charge profiles


def test_a_taking_under_a_knife_is_the_robberys_though_it_says_duozou():
    """持刀威胁…夺走: art. 263's threat (and art. 267 para. 2's weapon) make it the robbery count, not the snatching."""
    assert tells_of(ROBBERY, ["抢劫", "抢夺"]) == "抢劫"
    assert tells_of(SNATCH, ["抢劫", "抢夺"]) == "抢夺"
    assert _acts(SNATCH + ROBBERY, ["抢劫", "抢夺"]) == [("抢夺", "一、"), ("抢劫", "二、")]


def test_a_snatching_said_not_to_have_happened_tells_of_none():
    assert tells_of("一、被告人甲尾随被害人乙至某路口，并未夺取乙的挎包。", ["抢夺", "盗窃"]) is None
