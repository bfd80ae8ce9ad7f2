"""Task E48's patch to charge_amounts.py and amount_brackets.yaml: the counterfeit money crimes measured by the count of
notes where it reaches further than the face value, the timber crimes by young trees where they reach further than the
volume. Fact texts written for these tests."""

from __future__ import annotations

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract


def _months(text: str, charge: str) -> int | None:
    return calculate(extract("经审理查明：" + text, [charge])).months


def test_forged_notes_counted_reach_the_bracket_their_count_reaches():
    # 伪造货币: 币量三千张 (数额特别巨大, ten years or more; recalled) beside 总面额三万元
    assert _months("被告人甲伪造假币3000张，面额不详。", "伪造货币") >= 120
    assert _months("被告人甲伪造假币2999张，面额不详。", "伪造货币") < 120


def test_young_trees_reach_the_bracket_their_number_reaches():
    # 盗伐林木: 幼树二千株 beside 五十立方米 (数量巨大, three years or more)
    assert _months("被告人甲在乙承包的山场盗伐杉木幼树2000株。", "盗伐林木") >= 36
    assert _months("被告人甲在乙承包的山场盗伐杉木幼树1999株。", "盗伐林木") < 36
