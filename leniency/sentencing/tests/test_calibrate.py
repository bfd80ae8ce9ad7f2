import math
import random

import pytest

from leniency.sentencing import metrics
from leniency.sentencing.calculation import Calculation
from leniency.sentencing.calibrate import Calibrator, fit_lad
from leniency.sentencing.calibrate_engine import EngineResult
from leniency.sentencing.calibrate_eval import (
    MedianBaseline,
    cross_validated_predictions,
    fold_assignment,
    score,
)
from leniency.sentencing.corpus import Judgment, Term
from leniency.sentencing.facts import CaseFacts, QuotedRecommendation


def _case(
    charge: str, truth: int, calc: int, rec: QuotedRecommendation | None = None
) -> tuple[Judgment, EngineResult]:
    facts = CaseFacts(text="事实", charges=[charge], recommendation=rec)
    return (
        Judgment(fact="事实", accusation=[charge], term=Term(truth)),
        EngineResult(facts=facts, calculation=Calculation(months=calc, low=max(calc - 6, 0), high=calc + 6)),
    )


def _fit(pairs):
    return Calibrator().fit([j for j, _ in pairs], [r for _, r in pairs])


def test_lad_fit_recovers_a_line_despite_outliers():
    rows = [[1.0, x / 10] for x in range(40)]
    targets = [0.5 + 2 * x / 10 for x in range(40)]
    targets[3] += 30  # gross outliers barely move a least-absolute-deviation fit
    targets[17] -= 25
    b0, b1 = fit_lad(rows, targets, prior=(0.0, 0.0), ridge=0.0)
    assert b0 == pytest.approx(0.5, abs=0.05) and b1 == pytest.approx(2.0, abs=0.02)


def test_unfitted_calibrator_returns_the_calculators_answer():
    _, result = _case("盗窃", 0, 10)
    assert Calibrator().predict(result, ["盗窃"]).months == 10


def test_learns_that_the_calculator_overshoots():
    rng = random.Random(1)
    pairs = []
    for _ in range(120):
        calc = rng.choice([6, 12, 24, 36, 60, 96])
        pairs.append(_case(rng.choice(["甲", "乙", "丙"]), round((calc + 1) / 2 - 1), calc))
    calibrator = _fit(pairs)
    _, result = _case("甲", 0, 48)
    assert 18 <= calibrator.predict(result, ["甲"]).months <= 30  # truth would be 23.5


def test_charge_prior_is_shrunk_toward_the_overall_median_and_unseen_charges_get_it():
    pairs = [_case("多", 12, 12) for _ in range(20)] + [_case("少", 120, 12)]
    calibrator = _fit(pairs)
    overall = calibrator.overall_log_median
    assert calibrator.charge_prior(["未见"]) == pytest.approx(overall)
    one_case = calibrator.charge_prior(["少"])
    assert overall < one_case < math.log(121)  # one case moves the prior, but only part of the way
    assert calibrator.charge_prior(["多", "少"]) == one_case  # the heaviest charge counts


def test_prosecutor_recommendation_gets_weight_when_courts_follow_it():
    rng = random.Random(2)
    pairs = []
    for _ in range(60):
        truth = rng.choice([6, 10, 18, 30, 48])
        rec = QuotedRecommendation(low_months=truth, high_months=truth)
        pairs.append(_case("甲", truth, rng.choice([6, 60]), rec))
    calibrator = _fit(pairs)
    assert calibrator.rec_weight >= 0.8
    _, result = _case("甲", 0, 60, QuotedRecommendation(18, 18))
    assert abs(calibrator.predict(result, ["甲"]).months - 18) <= 4


def test_range_covers_about_80_percent_of_held_out_noisy_cases():
    rng = random.Random(3)

    def noisy(n):
        out = []
        for _ in range(n):
            calc = rng.choice([6, 12, 24, 36, 60])
            truth = round(math.exp(math.log(calc + 1) + rng.gauss(0, 0.5)) - 1)
            out.append(_case("甲", truth, calc))
        return out

    calibrator = _fit(noisy(200))
    test = noisy(400)
    preds = [calibrator.predict(r, j.accusation) for j, r in test]
    share = metrics.coverage([j.term for j, _ in test], [(p.low, p.high) for p in preds])
    assert 0.70 <= share <= 0.90


def test_life_sentence_from_the_calculator_passes_through():
    pairs = [_case("甲", 12, 12) for _ in range(10)]
    calibrator = _fit(pairs)
    life = EngineResult(
        facts=None, calculation=Calculation(months=None, low=180, high=180, life_imprisonment=True)
    )
    prediction = calibrator.predict(life, ["故意杀人"])
    assert prediction.life_imprisonment and prediction.term == Term(0, life_imprisonment=True)


def test_fitted_state_is_small_and_holds_no_case():
    pairs = [_case(f"罪{i % 7}", 6 + i, 12) for i in range(50)]
    state = _fit(pairs).to_dict()
    assert state["n_train"] == 50 and state["charges"] == 7
    assert "事实" not in repr(state)


def test_baselines_overall_and_per_charge_median():
    judgments = [Judgment("f", ["甲"], term=Term(m)) for m in (6, 8, 10)] + [
        Judgment("f", ["乙"], term=Term(m)) for m in (30, 40, 50, 60, 70)
    ]
    assert MedianBaseline().fit(judgments).predict(["甲"]).months == 35
    per_charge = MedianBaseline(per_charge=True).fit(judgments)
    assert per_charge.predict(["甲"]).months == 8
    assert per_charge.predict(["甲", "乙"]).months == 50
    assert per_charge.predict(["丙"]).months == 35


def test_k_fold_never_predicts_a_case_with_a_model_that_saw_it():
    assignment = fold_assignment(23, 5)
    assert sorted(set(assignment)) == [0, 1, 2, 3, 4]
    assert max(assignment.count(k) for k in range(5)) - min(assignment.count(k) for k in range(5)) <= 1
    # A charge seen only once: the per-charge baseline must fall back to the overall median for it.
    pairs = [_case("常见", 12, 12) for _ in range(20)] + [_case("罕见", 200, 12)]
    judgments, results = [j for j, _ in pairs], [r for _, r in pairs]
    preds = cross_validated_predictions(judgments, results, 5)
    assert preds["per-charge median"][-1].months == 12
    scores = score(judgments, preds)
    assert scores["per-charge median"]["n"] == 21


def test_on_the_dev_judgments_calibration_beats_both_baselines_with_honest_coverage(shared_data):
    from leniency.sentencing.calibrate_eval import run_all
    from leniency.sentencing.corpus import read_judgments

    gold, errors = read_judgments(shared_data / "cail-term-dev.jsonl", require_term=True)
    assert errors == []
    results, _ = run_all(gold)
    scores = score(gold, cross_validated_predictions(gold, results, 5, seed=0))
    calibrated = scores["engine+calibration"]
    assert calibrated["mean_log_distance"] < scores["per-charge median"]["mean_log_distance"] - 0.15
    assert calibrated["mean_log_distance"] < scores["engine"]["mean_log_distance"]
    assert calibrated["within_25"] > scores["per-charge median"]["within_25"]
    assert 0.70 <= calibrated["coverage"] <= 0.90


def test_customary_term_follows_how_courts_write_terms():
    from leniency.sentencing.calibrate import customary_term

    assert [customary_term(m) for m in (0.4, 5.4, 11.6)] == [0, 5, 12]  # whole months in the first year
    # half-years up to ten years: 13 is nearer 12 than 18 in log distance, 15 nearer 18, 40 nearer 42
    assert [customary_term(m) for m in (13, 15, 40, 59, 100)] == [12, 18, 42, 60, 102]
    assert [customary_term(m) for m in (130, 250)] == [132, 252]  # whole years above ten years
