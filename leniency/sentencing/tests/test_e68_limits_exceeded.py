"""extraction/limits_exceeded.excess_share: how far a figure the text tells passes the limit told in its sentence
(the reading dangerous_driving.yaml's 严重超速/超员/超载 asks for once /tmp/helpers/s19/E68_3.diff is applied)."""

import pytest

from leniency.sentencing.extraction.limits_exceeded import excess_share


@pytest.mark.parametrize(
    ("text", "what", "share"),
    [
        pytest.param(
            "以每小时98公里的速度行驶至限速60公里每小时的滨江路", "speed", 38 / 60, id="speed_then_limit"
        ),
        pytest.param(
            "经测速，车速为每小时112公里，该路段限速70公里", "speed", 42 / 70, id="camera_then_limit"
        ),
        pytest.param("该路段最高限速为80km/h，其车速达到100km/h", "speed", 0.25, id="limit_first_in_km_h"),
        pytest.param("核定载客5人，实际载客9人", "passengers", 0.8, id="passengers_rated_and_carried"),
        pytest.param(
            "驾驶核载七人实载十五人的小型普通客车", "passengers", 8 / 7, id="passengers_in_chinese_numerals"
        ),
        pytest.param("核定载质量1.5吨实际载货3.2吨", "load", 1.7 / 1.5, id="load_in_tonnes"),
        pytest.param("核定载质量1495千克，实际装载货物2600千克", "load", 1105 / 1495, id="load_in_kilograms"),
        pytest.param("核定载质量1.5吨，实际载货1800千克", "load", 0.2, id="load_in_mixed_units"),
    ],
)
def test_excess_share(text, what, share):
    assert excess_share(text, what) == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        pytest.param(
            "以每小时98公里的速度行驶。该路段限速60公里", "speed", id="limit_in_another_sentence_outside"
        ),
        pytest.param("在限速60公里的滨江路上超速行驶", "speed", id="no_speed_told_outside"),
        pytest.param("核定载客5人", "passengers", id="no_count_carried_outside"),
        pytest.param("以每小时98公里的速度行驶至限速60公里的滨江路", "load", id="another_limit_outside"),
    ],
)
def test_no_share_without_both_figures_in_one_sentence(text, what):
    assert excess_share(text, what) is None
