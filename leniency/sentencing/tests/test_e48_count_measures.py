"""Task E48: the counterfeit money crimes measured by the count of notes (币量) where it reaches further than the face
value, and the timber crimes by young trees (幼树株数) where they reach further than the volume; the figures of 法释
〔2000〕26号 and 法释〔2000〕36号 as recalled (unconfirmed). Fact texts written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.counterfeit_notes import face_value_or_notes
from leniency.sentencing.extraction.young_trees import felled_timber_measure, stolen_timber_measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # 伪造货币: 二千元 or 二百张; 200 notes of unknown denomination reach it, 199 do not
        ("被告人甲伪造假币200张，面额不详。", "2000"),
        ("被告人甲伪造假币199张，面额不详。", "1990"),
        # the face value where it reaches further than the count
        ("被告人甲持有面额100元的假币50张。", "5000"),
        # the count where it reaches further than the face value (one-yuan notes)
        ("被告人甲持有面额1元的假币600张。", "6000"),
        ("被告人甲持有假币，总面额为8000元。", "8000"),
    ],
    ids=["two_hundred_notes", "outside_199_notes", "face_over_count", "count_over_face", "face_only"],
)
def test_counterfeit_money_by_face_or_count(text, measure):
    assert face_value_or_notes(text) == Decimal(measure)


def test_no_counterfeit_money_told_is_none():
    assert face_value_or_notes("被告人甲盗窃现金4000元。") is None


@pytest.mark.parametrize(
    ("text", "stolen", "felled"),
    [
        # 盗伐: 幼树二百株 beside 五立方米; 滥伐: 一千株 beside 二十立方米
        ("被告人甲砍伐杉木幼树200株。", "5", "4"),
        ("被告人甲砍伐杉木幼树199株。", "4.975", "3.98"),
        ("被告人甲砍伐杉木幼树1000株。", "25", "20"),
        # the volume where it reaches further than the trees
        ("被告人甲砍伐杉木幼树100株，另砍伐成材杉木立木蓄积6立方米。", "6", "6"),
        ("被告人甲砍伐杉木立木蓄积6立方米。", "6", "6"),
    ],
    ids=["stolen_threshold", "outside_199_trees", "felled_threshold", "volume_over_trees", "volume_only"],
)
def test_timber_by_volume_or_young_trees(text, stolen, felled):
    assert stolen_timber_measure(text) == Decimal(stolen)
    assert felled_timber_measure(text) == Decimal(felled)
