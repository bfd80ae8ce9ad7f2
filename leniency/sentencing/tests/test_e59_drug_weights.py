"""Drug weights as judgments tell them (E59's patch to extraction/drug_quantities.py), each with a text just outside:
market units (市制: 斤 500 g, 两 50 g; recalled, unconfirmed), a mixture weighed once whose report names several
substances (its kind the most harmful, 法〔2008〕324号纪要, recalled, unconfirmed), a weight told of each of several
buyers (刑法第347条第7款: deals added). Fact texts written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.drug_quantities import find_drugs


def _weights(text):
    return [(d.kind, d.grams) for d in find_drugs(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("被告人向李某出售鸦片二两。", [("鸦片", Decimal(100))], id="two-liang"),
        pytest.param("民警查获罂粟壳3斤。", [("罂粟壳", Decimal(1500))], id="three-jin"),
        pytest.param("民警查获罂粟壳3公斤。", [("罂粟壳", Decimal(3000))], id="kilograms-outside"),
        pytest.param(
            "民警查获鸦片两包，共计净重30克。", [("鸦片", Decimal(30))], id="liang-as-a-digit-outside"
        ),
        pytest.param("被告人曾向他人出售鸦片一两次，每次获利100元。", [], id="one-or-two-times-outside"),
    ],
)
def test_market_units(text, expected):
    assert _weights(text) == expected


def test_a_mixture_is_weighed_as_its_most_harmful_ingredient():
    text = "查获红色片剂一包，经鉴定，检出甲基苯丙胺和咖啡因成分，净重42克。"
    assert _weights(text) == [("甲基苯丙胺", Decimal(42))]


def test_one_substance_named_nearest_is_its_own_kind_outside_a_list_of_ingredients():
    text = "查获红色片剂一包，经鉴定检出甲基苯丙胺成分，另查获咖啡因粉末净重42克。"
    assert _weights(text) == [("咖啡因", Decimal(42))]


def test_a_weight_told_of_each_of_three_buyers_is_added():
    text = "被告人先后向吸毒人员王某、李某、赵某贩卖海洛因各0.1克。"
    assert _weights(text) == [("海洛因", Decimal("0.3"))]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "被告人张某、李某贩卖海洛因各0.1克。", [("海洛因", Decimal("0.1"))], id="sellers-not-buyers"
        ),
        pytest.param(
            "被告人向王某贩卖冰毒、海洛因各2克。",
            [("甲基苯丙胺", Decimal(2)), ("海洛因", Decimal(2))],
            id="drugs-listed",
        ),
    ],
)
def test_each_outside_a_list_of_buyers_is_not_multiplied(text, expected):
    assert _weights(text) == expected
