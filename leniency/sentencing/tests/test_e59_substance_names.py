"""Substances named in a judgment that 法释〔2016〕8号 gives no figure for (standards/drug_substances.yaml
`unknown_names`): reported, never weighed as a listed substance (issue 16 failure class 5; FACTS.md §4 "Drugs"),
each beside the listed substance just outside it. Fact texts written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

SALE = "走私、贩卖、运输、制造毒品"


def _sale(words: str) -> str:
    return f"经审理查明，2021年5月，被告人郑某在某酒店房间内以人民币3000元的价格向他人出售{words}，被民警当场抓获。"


@pytest.mark.parametrize(
    "named",
    ["卡芬太尼", "乙酰芬太尼", "3-甲基芬太尼", "4-甲基甲卡西酮", "甲氧麻黄酮", "麦角酰二乙胺", "LSD"],
)
def test_a_substance_without_a_figure_is_reported_not_weighed(named):
    facts = extract(_sale(f"{named}2克"), [SALE])
    assert facts.drugs == []
    (unknown,) = facts.unknown_drugs
    assert unknown.named == named and unknown.heroin_grams is None
    calc = calculate(facts)
    assert calc.confidence == "low" and not calc.death_penalty and not calc.life_imprisonment


@pytest.mark.parametrize(
    "named, kind, heroin_grams",
    [("芬太尼", "芬太尼", Decimal("0.8")), ("甲卡西酮", "甲卡西酮", Decimal("0.5"))],
)
def test_the_listed_substance_the_name_holds_is_still_weighed(named, kind, heroin_grams):
    """法释〔2016〕8号第一条第（三）项 芬太尼 125克, 第（四）项 甲卡西酮 200克: 2 g are 2 × 50 / 125 and 2 × 50 / 200."""
    (drug,) = extract(_sale(f"{named}2克"), [SALE]).drugs
    assert (drug.kind, drug.grams, drug.heroin_grams) == (kind, 2, heroin_grams)
