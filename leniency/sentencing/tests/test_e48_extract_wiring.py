"""Task E48's patch to extract.py: thefts counted from their dates (extraction/dated_acts.py) in a theft case, and
tablets with no weight noted, never converted. Fact texts written for these tests."""

from __future__ import annotations

from leniency.sentencing.extract import extract

THREE_THEFTS = (
    "经审理查明：2020年3月5日，被告人甲在某小区窃得电动车一辆；2020年6月8日，甲在某超市窃得香烟两条；"
    "2021年1月12日，甲在某商场窃得手机一部。"
)


def test_thefts_told_by_their_dates_are_counted_in_a_theft_case():
    assert extract(THREE_THEFTS, ["盗窃"]).counts == 3


def test_a_theft_told_once_keeps_no_count_and_another_charge_counts_nothing_from_theft_dates():
    assert extract("经审理查明：2020年3月5日，被告人甲窃得电动车一辆。", ["盗窃"]).counts is None
    assert extract(THREE_THEFTS, ["盗窃", "抢劫"]).counts != 3


def test_tablets_with_no_weight_are_noted_and_not_converted():
    facts = extract("经审理查明：被告人甲向吸毒人员出售盐酸曲马多片剂300粒。", ["贩卖毒品"])
    assert not facts.drugs and not facts.unknown_drugs
    assert any("300粒未载明重量" in note for note in facts.notes)
    weighed = extract("经审理查明：被告人甲向乙贩卖曲马多片100片，每片重0.2克。", ["贩卖毒品"])
    assert [(d.kind, d.grams) for d in weighed.drugs] == [("曲马多", 20)]
    assert not any("未载明重量" in note for note in weighed.notes)
