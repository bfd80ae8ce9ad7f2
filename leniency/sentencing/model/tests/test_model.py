"""The learned model: artifact round-trip, honest interval coverage on synthetic data, the CLI."""

import io
import json
import math
import random

import numpy as np
import pytest

from leniency.sentencing.model import current_model, load_model, save_model, train
from leniency.sentencing.model.artifact import StaleModel, latest_path
from leniency.sentencing.model.estimator import conformal_quantiles
from leniency.sentencing.model.features import CaseRecord, L

CHARGES = ("盗窃", "诈骗", "故意伤害", "危险驾驶")


def synthetic(n, seed):
    """Records whose true log term is the calculator's log term plus a charge effect plus noise (sd 0.3)."""
    rng = random.Random(seed)
    records, months = [], []
    for i in range(n):
        charge = CHARGES[i % 4]
        calc = rng.choice((2, 4, 6, 9, 12, 18, 24, 36, 48))
        amount = rng.choice((None, 3000.0, 30000.0, 300000.0))
        flags = ["surrender"] if rng.random() < 0.3 else []
        truth = L(calc) + 0.2 * CHARGES.index(charge) / 3 - (0.2 if flags else 0) + rng.gauss(0, 0.3)
        records.append(
            CaseRecord(
                text=f"被告人某{i}犯{charge}罪，涉案金额{amount}元。",
                charges=[charge],
                calc_months=calc,
                guideline=charge != "危险驾驶",
                amount=amount,
                flags=flags,
            )
        )
        months.append(max(int(round(math.expm1(truth))), 0))
    return records, months


def test_interval_coverage_is_honest_on_fresh_cases():
    records, months = synthetic(600, 1)
    model = train(records, months, seed=0)
    test_records, test_months = synthetic(400, 2)
    predictions = model.predict_records(test_records)
    inside = [p.low <= m <= p.high for p, m in zip(predictions, test_months, strict=True)]
    assert 0.72 <= sum(inside) / len(inside) <= 0.88
    errors = [abs(L(m) - p.point_log) for p, m in zip(predictions, test_months, strict=True)]
    assert np.mean(errors) < 0.35  # noise alone gives ~0.24; the calculator alone is off by the charge effect


def test_artifact_round_trip_and_newest_wins(tmp_path):
    records, months = synthetic(120, 3)
    model = train(records, months, seed=0)
    model.version, model.fingerprint = "20260101T000000-aaaaaaaa", "a" * 64
    path = save_model(model, tmp_path)
    sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["version"] == model.version and sidecar["fingerprint"] == "a" * 64
    assert sidecar["n_train"] == 120
    loaded = load_model(path)
    assert [p.months for p in loaded.predict_records(records[:20])] == [
        p.months for p in model.predict_records(records[:20])
    ]
    newer = train(records, months, seed=1)
    newer.version = "20270101T000000-bbbbbbbb"
    save_model(newer, tmp_path)
    assert latest_path(tmp_path).name == "sentencing-20270101T000000-bbbbbbbb.joblib"
    assert current_model(tmp_path).version == newer.version
    assert current_model(tmp_path / "none") is None


def test_a_model_trained_on_other_features_is_refused_and_not_served(tmp_path, caplog):
    """A circumstance added to the engine adds a column: a model trained before it cannot predict with it."""
    records, months = synthetic(120, 3)
    model = train(records, months, seed=0)
    model.version = "20260101T000000-aaaaaaaa"
    model.features = model.features[:-1]  # as trained before the last column was added
    path = save_model(model, tmp_path)
    with pytest.raises(StaleModel, match="trained on other features .* train it again"):
        load_model(path)
    assert current_model(tmp_path) is None
    assert "the engine answers alone" in caplog.text


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    import joblib

    joblib.dump({"not": "a model"}, tmp_path / "sentencing-x.joblib")
    with pytest.raises(ValueError, match="not a sentencing model"):
        load_model(tmp_path / "sentencing-x.joblib")


def test_conformal_quantiles_use_the_finite_sample_correction():
    residuals = np.arange(-50, 50, dtype=float)  # 100 values
    low, high = conformal_quantiles(residuals)
    assert low < np.quantile(residuals, 0.1) and high > np.quantile(residuals, 0.9)


def test_cli_train_predict_and_evaluate(tmp_path):
    from leniency.sentencing.cli import main

    lines = []
    rng = random.Random(4)
    for i in range(60):
        amount = rng.choice((2000, 8000, 40000, 150000))
        months = {2000: 6, 8000: 10, 40000: 36, 150000: 60}[amount] + rng.randint(-2, 2)
        lines.append(
            json.dumps(
                {
                    "fact": f"被告人王某{i}盗窃他人财物，价值人民币{amount}元。",
                    "meta": {
                        "accusation": ["盗窃"],
                        "relevant_articles": [264],
                        "term_of_imprisonment": {
                            "imprisonment": months,
                            "death_penalty": False,
                            "life_imprisonment": False,
                        },
                    },
                },
                ensure_ascii=False,
            )
        )
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            ["train", "--corpus", str(corpus), "--out", str(tmp_path / "models"), "--folds", "3"],
            out=out,
            err=err,
        )
        == 0
    )
    assert "3-fold: mean log distance" in out.getvalue(), out.getvalue()
    sidecar = json.loads(next((tmp_path / "models").glob("*.json")).read_text(encoding="utf-8"))
    assert sidecar["cv_metrics"]["folds"] == 3 and sidecar["cv_metrics"]["coverage"] is not None

    predicted = tmp_path / "pred.jsonl"
    assert (
        main(
            ["predict", "--input", str(corpus), "--output", str(predicted), "--train", str(corpus)],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        == 0
    )
    rows = [json.loads(line) for line in predicted.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 60 and all(r["low"] <= r["months"] <= r["high"] for r in rows)
    assert rows[0]["model_version"]

    out = io.StringIO()
    assert (
        main(
            ["evaluate", "--input", str(corpus), "--train", str(corpus), "--folds", "3"],
            out=out,
            err=io.StringIO(),
        )
        == 0
    )
    table = out.getvalue()
    assert "3-fold cross-validation" in table and table.splitlines()[1].split()[1] == "model"
