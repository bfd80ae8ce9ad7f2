"""The model's outcome without prison (issue 16 class 1): the engine's decision (管制, a fine alone, an
exemption; what the statute allows; probation) as features, and the probability of a 0-month term.

Synthetic records: where the statute allows a fine alone and the engine calculates a short detention,
85% of the true terms are 0 months (a fine alone, as courts decide it); elsewhere the term follows the
calculator. The metric's best point is the median, so those cases must come out as 0 months rather than
a few, and their 80% interval must reach 0."""

import math
import random

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.model import train
from leniency.sentencing.model.features import (
    DENSE_NAMES,
    OUTCOME_NAMES,
    CaseRecord,
    L,
    dense_features,
    record_of,
)


def synthetic(n, seed):
    rng = random.Random(seed)
    records, months = [], []
    for i in range(n):
        fine_only = i % 3 == 0
        calc = 3 if fine_only else rng.choice((3, 6, 9, 12, 18, 24, 36))
        if fine_only:
            truth = 0 if rng.random() < 0.85 else rng.choice((2, 3, 6))
        else:
            truth = max(int(round(math.expm1(L(calc) + rng.gauss(0, 0.3)))), 1)
        records.append(
            CaseRecord(
                text=f"被告人某{i}盗窃他人财物。",
                charges=["盗窃"],
                calc_months=calc,
                guideline=True,
                calc_low=calc - 1,
                calc_high=calc + 1,
                outcome="detention" if fine_only else "imprisonment",
                fine_only_lawful=fine_only,
                surveillance_lawful=True,
                probation_lawful=True,
            )
        )
        months.append(truth)
    return records, months


def test_where_a_fine_alone_is_lawful_and_usual_the_model_predicts_no_prison():
    model = train(*synthetic(300, 1), seed=0)
    fresh, _ = synthetic(90, 2)
    points, p0 = model.points_and_zero(fresh)
    predictions = model.predict_records(fresh)
    for record, prediction, zero in zip(fresh, predictions, p0, strict=True):
        if record.fine_only_lawful:
            assert zero >= 0.5 and prediction.months == 0 and prediction.low == 0
        else:
            assert zero < 0.1 and prediction.months > 0
    assert model.describe()["zero_outcome_model"] is True


def test_without_the_zero_outcome_model_such_cases_are_regressed_to_some_months():
    """The failure class it fixes: trained on the same cases, the regression alone gives a few months."""
    model = train(*synthetic(300, 1), seed=0, zero=False)
    fresh, _ = synthetic(90, 2)
    months = [
        p.months for r, p in zip(fresh, model.predict_records(fresh), strict=True) if r.fine_only_lawful
    ]
    assert model.zero is None and any(m > 0 for m in months)


def test_too_few_zero_month_cases_fit_no_zero_outcome_model():
    records, months = synthetic(300, 1)
    months = [max(m, 1) for m in months[:-4]] + [0] * 4
    assert train(records, months, seed=0).zero is None


def test_a_model_saved_before_the_zero_outcome_model_still_predicts():
    model = train(*synthetic(120, 3), seed=0)
    del model.zero  # an artifact pickled before the attribute existed
    assert len(model.predict_records(synthetic(10, 4)[0])) == 10


def test_the_engines_decision_reaches_the_features():
    """A minor admitted theft decided as 管制 (its own penalty kind): no prison months, non-custodial."""
    text = "2023年6月1日，被告人周某盗窃他人钱包一个，内有现金人民币1500元，犯罪情节轻微。案发后，周某如实供述，自愿认罪认罚。"
    facts = extract(text, ["盗窃"])
    calc = calculate(facts)
    record = record_of(facts, calc)
    assert (record.outcome, record.calc_months) == ("surveillance", 0)
    assert record.fine_only_lawful and record.surveillance_lawful and not record.probation_lawful
    row = dense_features([record], [L(6)])[0]
    columns = {name: row[DENSE_NAMES.index(name)] for name in OUTCOME_NAMES}
    assert columns == {
        "non_custodial": 1.0,
        "fine_only_lawful": 1.0,
        "surveillance_lawful": 1.0,
        "probation_lawful": 0.0,
        "probation_advised": 0.0,
    }
    assert CaseRecord.from_dict(record.to_dict(), text).outcome == "surveillance"  # stored by the importer
