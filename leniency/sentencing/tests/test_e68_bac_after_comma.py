"""A blood alcohol told after the substance found and a comma (检出乙醇，含量为181毫克/100毫升): the reading 危险驾驶's
tier increments and exemption conditions rest on (E68's second batch of written texts found it unread)."""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.quantities import find_blood_alcohol


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param(
            "经检验，刘某某静脉血液中检出乙醇，含量为181毫克/100毫升。",
            Decimal("181"),
            id="found_then_amount",
        ),
        pytest.param(
            "其血样中检出乙醇成分，其含量为96.2mg/100ml。",
            Decimal("96.2"),
            id="substance_word_between",
        ),
        pytest.param("血液中检出乙醇，其含量为96.2mg/100ml。", Decimal("96.2"), id="found_then_its_amount"),
        pytest.param(
            "血液中检出乙醇，甲醇含量为20mg/100ml。", None, id="another_substance_after_the_comma_outside"
        ),
    ],
)
def test_blood_alcohol_after_a_comma(text, value):
    assert find_blood_alcohol(text)[0] == value
