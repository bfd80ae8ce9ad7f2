"""A written reason is required outside the warning band the engine gave (issue 23): the factor-matched
similar cases' band, or the model's interval where they are too few; never a charge-only pool's spread."""

from leniency.recommendations.engine import deviations


def test_outside_the_factor_matched_band_requires_a_reason():
    similar = {
        "stats": {"n": 12, "p10": 7, "p90": 9},
        "warning_band": {"source": "similar", "low": 6, "high": 12, "n": 12},
    }
    assert deviations(engine_months=10, similar=similar, months=11) == []  # outside p10–p90, inside the band
    (found,) = deviations(engine_months=10, similar=similar, months=12.5)
    assert found["kind"] == "similar" and "12件因素匹配类案的区间（6–12个月）之外" in found["message"]


def test_a_thin_pool_checks_against_the_models_interval():
    similar = {"stats": None, "warning_band": {"source": "model", "low": 8, "high": 13, "n": None}}
    (found,) = deviations(engine_months=8, similar=similar, months=7)
    assert "判决数据模型80%预测区间（8–13个月）之外" in found["message"]


def test_inside_the_band_no_reason_is_asked_however_far_from_the_calculation():
    band = {"source": "model", "low": 12, "high": 20, "n": None}
    assert deviations(engine_months=10, similar={"stats": None, "warning_band": band}, months=16) == []
    (found,) = deviations(engine_months=10, similar={"stats": None, "warning_band": band}, months=24)
    assert found["kind"] == "similar"


def test_without_a_band_the_calculation_share_still_asks_for_a_reason():
    (found,) = deviations(engine_months=10, similar={"stats": None}, months=16)
    assert found["kind"] == "engine" and "相差60%" in found["message"]


def test_no_band_no_similar_warning_even_with_old_style_statistics():
    similar = {"stats": {"n": 40, "p10": 6, "p90": 12}, "warning_band": None}
    assert deviations(engine_months=10, similar=similar, months=12.5) == []


def test_the_panel_badges_context_cases_and_names_the_band():
    from django.template.loader import render_to_string

    similar = {
        "stats": None,
        "note": "没有因素匹配的类案",
        "missing": ["本案未识别出金额"],
        "warning_band": {"source": "model", "low": 8, "high": 13, "n": None},
        "cases": [
            {
                "charge": "盗窃",
                "months": 6,
                "probation": False,
                "match": "charge_set",
                "shared_factors": ["同罪名：盗窃"],
            }
        ],
    }
    html = render_to_string("recommendations/_engine_panel.html", {"panel": {"similar": similar, "calc": {}}})
    assert "同罪名案件，仅供参考" in html and "本案未识别出金额" in html
    assert "使用判决数据模型的 80% 预测区间 8–13 个月" in html and "第10–90百分位" not in html
