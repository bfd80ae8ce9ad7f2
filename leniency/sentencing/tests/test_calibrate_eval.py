"""Evaluation against decided cases: the baselines, k-fold without leaks, and the one calibration (the
learned model of `model/`, which the server, `train`, `recommend --train` and `evaluate` all use)."""

import random
from pathlib import Path

from leniency.sentencing.calculation import Calculation
from leniency.sentencing.calibrate_engine import EngineResult
from leniency.sentencing.calibrate_eval import (
    MedianBaseline,
    cross_validated_predictions,
    fold_assignment,
    held_out_predictions,
    run_all,
    score,
)
from leniency.sentencing.corpus import Judgment, Term, read_judgments
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.model.evaluation import fit, predict_result
from leniency.sentencing.prediction import customary_term

ENGINE = Path(__file__).resolve().parents[1]


def _case(charge: str, truth: int, calc: int) -> tuple[Judgment, EngineResult]:
    text = f"被告人{charge}一案，计算为{calc}个月"  # texts differ, as the model's text components need
    facts = CaseFacts(text=text, charges=[charge])
    return (
        Judgment(fact=text, accusation=[charge], term=Term(truth)),
        EngineResult(facts=facts, calculation=Calculation(months=calc, low=max(calc - 6, 0), high=calc + 6)),
    )


def test_there_is_one_calibration_the_learned_model():
    """The pure-Python LAD calibrator is retired: nothing in the engine defines or imports it."""
    assert not (ENGINE / "calibrate.py").exists()
    for path in ENGINE.rglob("*.py"):
        if path.name != Path(__file__).name:
            assert "Calibrator" not in path.read_text(encoding="utf-8"), path


def test_the_evaluations_calibration_is_the_model_and_learns_that_the_calculator_overshoots():
    """Courts give about half of what the calculator says: the calibrated system learns it."""
    rng = random.Random(1)
    train = []
    for _ in range(120):
        calc = rng.choice([6, 12, 24, 36, 60, 96])
        train.append(_case(rng.choice(["盗窃", "诈骗", "抢夺"]), round((calc + 1) / 2 - 1), calc))
    test = [_case("盗窃", 23, 48)]
    preds = held_out_predictions(
        [j for j, _ in train], [r for _, r in train], [j for j, _ in test], [r for _, r in test]
    )
    assert preds["engine"][0].months == 48
    calibrated = preds["engine+calibration"][0]
    assert 16 <= calibrated.months <= 32  # the truth would be 23.5
    assert any(e.startswith("model ") for e in calibrated.explanation)


def test_recommend_train_predicts_with_the_model_and_lets_life_pass_through():
    pairs = [_case("盗窃", m, 2 * m) for m in (6, 8, 10, 12, 14, 16, 20, 24, 30, 36)]
    model = fit([j for j, _ in pairs], [r for _, r in pairs])
    _, result = _case("盗窃", 0, 20)
    assert predict_result(model, result, "事实", ["盗窃"]).months < 20
    life = EngineResult(
        facts=None, calculation=Calculation(months=None, low=180, high=180, life_imprisonment=True)
    )
    prediction = predict_result(model, life, "事实", ["故意杀人"])
    assert prediction.life_imprisonment and prediction.term == Term(0, life_imprisonment=True)


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
    pairs = [_case("盗窃", 12, 12) for _ in range(20)] + [_case("故意杀人", 200, 12)]
    judgments, results = [j for j, _ in pairs], [r for _, r in pairs]
    preds = cross_validated_predictions(judgments, results, 5)
    assert preds["per-charge median"][-1].months == 12
    scores = score(judgments, preds)
    assert scores["per-charge median"]["n"] == 21


def test_on_the_dev_judgments_calibration_beats_both_baselines_with_honest_coverage(shared_data):
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
    assert [customary_term(m) for m in (0.4, 5.4, 11.6)] == [0, 5, 12]  # whole months in the first year
    # half-years up to ten years: 13 is nearer 12 than 18 in log distance, 15 nearer 18, 40 nearer 42
    assert [customary_term(m) for m in (13, 15, 40, 59, 100)] == [12, 18, 42, 60, 102]
    assert [customary_term(m) for m in (130, 250)] == [132, 252]  # whole years above ten years
