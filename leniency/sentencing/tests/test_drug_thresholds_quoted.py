"""A statutory threshold the text quotes beside the weight (十克以上不满五十克, 未达到十克: 刑法第347条's figures) is no
weight of the drug; the weight told beside it is (E72's examiner found 28.4 g read as 78.4)."""

import pytest

from leniency.sentencing.extract import extract

DRUGS = ["走私、贩卖、运输、制造毒品"]
SALE = "经审理查明：2021年5月3日，被告人甲在某宾馆内以人民币3000元的价格向乙贩卖甲基苯丙胺一包，"


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        pytest.param(
            SALE + "净重28.4克。公诉机关认为，被告人甲贩卖甲基苯丙胺十克以上不满五十克，其行为已构成××。",
            ["28.4"],
            id="range_with_bu_man",
        ),
        pytest.param(
            SALE + "净重二十八点四克。公诉机关认为，被告人甲贩卖甲基苯丙胺不满五十克，应以××追究其刑事责任。",
            ["28.4"],
            id="chinese_numerals_below",
        ),
        pytest.param(
            "经审理查明：被告人甲非法持有海洛因，净重9.6克，未达到十克。",
            ["9.6"],
            id="not_reaching_ten_grams",
        ),
        pytest.param(
            SALE + "净重28.4克，另查获甲基苯丙胺一包，净重5克。", ["28.4", "5"], id="two_weights_kept"
        ),
        pytest.param(SALE + "净重共计五十克。", ["50"], id="a_weight_of_fifty_is_a_weight"),
    ],
)
def test_a_quoted_threshold_is_no_weight(text, grams):
    assert [str(d.grams) for d in extract(text, charges=DRUGS).drugs] == grams
