"""The study's inference (issue 19 item 7): p-values corrected for the number of tests in the report, and the
risk model's odds ratios with confidence intervals."""

import numpy as np
import pytest

from leniency.study.analysis import Test as StudyTest
from leniency.study.analysis import correct_for_multiple_tests
from leniency.study.risk import FEATURES, odds_ratios


def test_holm_correction_binds_a_p_value_that_is_small_only_alone():
    tests = [
        StudyTest("chi2", "a", 0.02),
        StudyTest("chi2", "b", 0.001),
        StudyTest("chi2", "c", 0.4),
        StudyTest("none", "d"),
    ]
    tests += [StudyTest("chi2", "e", 0.3), StudyTest("fisher", "f", 0.5)]
    correct_for_multiple_tests(tests)
    by_text = {t.text.split(" ")[0]: t for t in tests}
    # 0.02 alone would be significant; after Holm over 5 tests (0.02 is 2nd smallest: ×4) it is 0.08.
    assert by_text["a"].p_holm == pytest.approx(0.08) and not by_text["a"].significant
    assert by_text["b"].p_holm == pytest.approx(0.005) and by_text["b"].significant
    assert by_text["d"].p_holm is None and by_text["d"].text == "d"  # no test made, nothing to correct
    assert "5项检验" in by_text["a"].text and "差异不显著" in by_text["a"].text


def test_odds_ratios_have_intervals_that_exclude_one_only_for_a_real_factor():
    rng = np.random.default_rng(0)
    n = 2000
    X = np.zeros((n, len(FEATURES)))
    real, idle = FEATURES.index("no_meeting_before_signing"), FEATURES.index("detained")
    X[:, real] = rng.random(n) < 0.4
    X[:, idle] = rng.random(n) < 0.5
    logit = -2.5 + 1.2 * X[:, real]  # odds ratio e^1.2 ≈ 3.3; `detained` has no effect
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)

    odds = odds_ratios(X, y)

    assert set(odds) == {"no_meeting_before_signing", "detained"}  # constant factors have no estimate
    planted = odds["no_meeting_before_signing"]
    assert 1 < planted["low"] < np.exp(1.2) < planted["high"] and planted["p"] < 0.001
    assert odds["detained"]["low"] < 1 < odds["detained"]["high"]


def test_perfect_separation_gives_no_estimate_rather_than_a_wrong_one():
    X = np.zeros((40, len(FEATURES)))
    X[:20, 0] = 1
    y = np.array([1] * 20 + [0] * 20)
    assert odds_ratios(X, y) is None
