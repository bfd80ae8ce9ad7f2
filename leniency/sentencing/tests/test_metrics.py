import math

import pytest

from leniency.sentencing import metrics
from leniency.sentencing.corpus import Term

LIFE = Term(0, life_imprisonment=True)
DEATH = Term(0, death_penalty=True)


def test_log_distance_uses_natural_log_of_months_plus_one():
    assert metrics.log_distance(Term(11), Term(23)) == pytest.approx(math.log(24) - math.log(12))
    assert metrics.log_distance(Term(23), Term(11)) == pytest.approx(math.log(2))


def test_mean_log_distance_skips_life_and_death_truths():
    truths = [Term(0), Term(11), LIFE]
    preds = [Term(0), Term(23), Term(120)]
    # (0 + ln 2) / 2 fixed-term cases
    assert metrics.mean_log_distance(truths, preds) == pytest.approx(math.log(2) / 2)


def test_life_prediction_against_fixed_truth_counts_as_300_months():
    assert metrics.mean_log_distance([Term(35)], [LIFE]) == pytest.approx(math.log(301) - math.log(36))


def test_cail_case_score_steps():
    # ln(y+1) - ln(ŷ+1) for y=9: ŷ=9 -> 0; ŷ=12 -> ln(1.3)=0.262; ŷ=17 -> ln(1.8)=0.588;
    # ŷ=21 -> ln(2.2)=0.788; ŷ=26 -> ln(2.7)=0.993; ŷ=30 -> ln(3.1)=1.13
    expected = {9: 1.0, 12: 0.8, 17: 0.6, 21: 0.4, 26: 0.2, 30: 0.0}
    for pred, score in expected.items():
        assert metrics.cail_case_score(Term(9), Term(pred)) == score, pred


def test_cail_score_life_and_death_only_on_exact_match():
    assert metrics.cail_case_score(LIFE, LIFE) == 1.0
    assert metrics.cail_case_score(LIFE, DEATH) == 0.0
    assert metrics.cail_case_score(DEATH, DEATH) == 1.0
    assert metrics.cail_case_score(LIFE, Term(180)) == 0.0
    assert metrics.cail_case_score(Term(180), LIFE) == 0.0


def test_cail_score_is_mean_times_100_over_all_cases():
    truths = [Term(9), Term(9), LIFE, Term(0)]
    preds = [Term(9), Term(17), Term(180), Term(0)]
    assert metrics.cail_score(truths, preds) == pytest.approx(100 * (1.0 + 0.6 + 0.0 + 1.0) / 4)


def test_within_25_percent():
    assert metrics.within_25(Term(12), Term(15))
    assert metrics.within_25(Term(12), Term(9))
    assert not metrics.within_25(Term(12), Term(16))
    assert not metrics.within_25(Term(12), Term(8))
    assert metrics.within_25(Term(0), Term(0))
    assert not metrics.within_25(Term(0), Term(1))
    assert metrics.within_25(LIFE, LIFE)
    assert not metrics.within_25(Term(180), LIFE)
    truths = [Term(12), Term(12), Term(0), LIFE]
    preds = [Term(15), Term(16), Term(0), Term(180)]
    assert metrics.share_within_25(truths, preds) == pytest.approx(0.5)


@pytest.mark.parametrize(
    "months,label",
    [
        (0, "0"),
        (1, ">0"),
        (6, ">0"),
        (7, ">6"),
        (9, ">6"),
        (10, ">9"),
        (12, ">9"),
        (13, ">12"),
        (24, ">12"),
        (25, ">24"),
        (36, ">24"),
        (37, ">36"),
        (60, ">36"),
        (61, ">60"),
        (84, ">60"),
        (85, ">84"),
        (120, ">84"),
        (121, ">120"),
        (300, ">120"),
    ],
)
def test_term_bins_boundaries(months, label):
    assert metrics.term_bin(Term(months)) == label


def test_life_and_death_share_one_bin():
    assert metrics.term_bin(LIFE) == metrics.term_bin(DEATH) == "death_life"


def test_bin_accuracy_and_macro_f1_by_hand():
    truths = [Term(0), Term(0), Term(12), Term(30)]
    preds = [Term(0), Term(12), Term(12), Term(40)]
    # bins: truth 0,0,>9,>24 ; pred 0,>9,>9,>36
    assert metrics.bin_accuracy(truths, preds) == pytest.approx(0.5)
    # "0": P=1/1 R=1/2 -> F1=2/3 ; ">9": P=1/2 R=1/1 -> 2/3 ; ">24": 0 ; ">36": 0
    assert metrics.bin_macro_f1(truths, preds) == pytest.approx((2 / 3 + 2 / 3) / 4)


def test_perfect_predictions_score_perfectly():
    truths = [Term(0), Term(5), Term(50), LIFE, DEATH]
    result = metrics.evaluate(truths, truths, [(0, 0), (5, 5), (40, 60), (180, 180), (180, 180)])
    assert result["mean_log_distance"] == 0
    assert result["cail_score"] == 100
    assert result["within_25"] == 1
    assert result["bin_accuracy"] == 1
    assert result["bin_macro_f1"] == 1
    assert result["coverage"] == 1
    assert result["n"] == 5 and result["n_fixed"] == 3


def test_coverage_is_inclusive_and_ignores_life():
    truths = [Term(12), Term(12), Term(12), LIFE]
    ranges = [(12, 24), (6, 11), (0, 12), (0, 1)]
    assert metrics.coverage(truths, ranges) == pytest.approx(2 / 3)


def test_mean_log_width():
    truths = [Term(12), Term(12)]
    ranges = [(11, 23), (0, 0)]
    assert metrics.mean_log_width(truths, ranges) == pytest.approx(math.log(2) / 2)


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        metrics.mean_log_distance([Term(1)], [])
