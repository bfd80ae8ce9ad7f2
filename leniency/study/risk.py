"""Early warning: the withdrawal-risk score at signing time.

A logistic regression on the persons who pleaded (features from `features.person_rows`, label: a withdrawal was
recorded), fitted on a procuratorate's own data. The artifact is a small JSON file (the coefficients, the
cross-validated AUC and the reliability table), so scoring needs no pickle and no scikit-learn. Training publishes
it to the file storage as a version of the `withdrawal_risk` artefact (leniency/corpus/artefacts.py, like the
similar-case index and the sentencing model), and every app server scores with the current version from its own
cached copy; a `var/models/withdrawal_risk.json` written before that still serves while none is published.
The score comes with the factors that raise it and, for those the procuratorate can change, the action that
lowers it and the score after that action.
"""

from __future__ import annotations

import json
import math
import tempfile
import warnings
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from leniency import clock
from leniency.accounts.models import Organisation
from leniency.cases.models import Defendant
from leniency.corpus.artefacts import content_version, publish, serving_directory
from leniency.corpus.models import Artefact
from leniency.counsel.models.participation import Service

from .features import (
    FAR_ABOVE,
    PersonData,
    PersonRow,
    gap_to_similar,
    load_person_data,
    person_rows,
    plea_stage,
    rows_of,
    wide_range,
)

ARTIFACT = "withdrawal_risk.json"
FEATURES = (
    "no_meeting_before_signing",
    "range_recommendation",
    "wide_range",
    "far_above_similar",
    "letter_not_delivered",
    "notice_not_acknowledged",
    "detained",
    "prior_record",
    "plea_at_trial",
    "plea_at_investigation",
    "crime_theft",
    "crime_fraud",
    "crime_dangerous_driving",
)
LABELS = {
    "no_meeting_before_signing": _("签署前律师未会见"),
    "range_recommendation": _("幅度刑建议"),
    "wide_range": _("幅度超过宽度限制"),
    "far_above_similar": _("建议明显高于类案（≥25%）"),
    "letter_not_delivered": _("未送达释法说理书"),
    "notice_not_acknowledged": _("权利告知未确认"),
    "detained": _("在押"),
    "prior_record": _("有前科"),
    "plea_at_trial": _("审判阶段才认罪认罚"),
    "plea_at_investigation": _("侦查阶段认罪认罚"),
    "crime_theft": _("盗窃罪"),
    "crime_fraud": _("诈骗罪"),
    "crime_dangerous_driving": _("危险驾驶罪"),
}
ACTIONS = {
    "no_meeting_before_signing": _("签署前未经律师会见——安排律师会见"),
    "letter_not_delivered": _("未送达释法说理书——送达并当面释明量刑建议的理由"),
    "notice_not_acknowledged": _("权利告知未确认——重新告知并请其签字确认"),
    "wide_range": _("幅度过宽——收窄幅度或提出确定刑"),
    "range_recommendation": _("幅度刑——可考虑提出确定刑"),
    "far_above_similar": _("明显高于类案——说明偏离理由或重新审查建议"),
}
CRIME_FEATURE = {"盗窃": "crime_theft", "诈骗": "crime_fraud", "危险驾驶": "crime_dangerous_driving"}

# The procuratorate of the withdrawal study (736 persons, 2019-09-01 to 2020-08-31); the demo builds it
# (leniency.demo.district), and the warning refits on it when no model was saved.
PROCURATORATE_NAME = "L区人民检察院"


def vector(row: PersonRow) -> dict[str, int]:
    x = {
        "no_meeting_before_signing": not row.meeting_before,
        "range_recommendation": row.rec_kind == "range",
        "wide_range": row.wide_range,
        "far_above_similar": row.far_above,
        "letter_not_delivered": not row.letter_delivered,
        "notice_not_acknowledged": not row.notice_acknowledged,
        "detained": row.detained,
        "prior_record": row.prior_record,
        "plea_at_trial": row.plea_stage == "trial",
        "plea_at_investigation": row.plea_stage == "investigation",
    }
    for crime, key in CRIME_FEATURE.items():
        x[key] = row.crime == crime
    return {k: int(bool(x[k])) for k in FEATURES}


def training_rows(org, date_from=None, date_to=None) -> list[PersonRow]:
    qs = Defendant.objects.filter(case__procuratorate=org)
    if date_from:
        qs = qs.filter(case__received_on__gte=date_from)
    if date_to:
        qs = qs.filter(case__received_on__lte=date_to)
    return [r for r in person_rows(qs) if r.pleaded]


def fit(rows: list[PersonRow], *, folds: int = 5, seed: int = 0) -> dict:
    """Fit on all rows; cross-validated AUC and reliability table from out-of-fold predictions."""
    # scikit-learn takes seconds to import and only fitting needs it: not at module level, which every page
    # that shows the warning loads.
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    X = np.array([[vector(r)[k] for k in FEATURES] for r in rows], dtype=float)
    y = np.array([int(r.withdrawn) for r in rows])
    if len(rows) < 20 or y.sum() < folds or (len(y) - y.sum()) < folds:
        raise ValueError("too few signings or withdrawals to fit the model")
    model = LogisticRegression(C=1.0, max_iter=1000)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    oof = cross_val_predict(model, X, y, cv=cv, method="predict_proba")[:, 1]
    model.fit(X, y)
    return {
        "version": 1,
        "features": list(FEATURES),
        "intercept": float(model.intercept_[0]),
        "coef": {k: float(c) for k, c in zip(FEATURES, model.coef_[0], strict=True)},
        "n": int(len(y)),
        "positives": int(y.sum()),
        "base_rate": float(y.mean()),
        "auc_cv": float(roc_auc_score(y, oof)),
        "brier_cv": float(brier_score_loss(y, oof)),
        "folds": folds,
        "calibration": reliability(oof, y),
        "odds_ratios": odds_ratios(X, y),
        "trained_at": clock.now().isoformat(timespec="seconds"),
    }


def odds_ratios(X, y) -> dict[str, dict] | None:
    """Per factor, the odds ratio of withdrawing with its 95% Wald interval and p-value, from an unpenalised
    logistic regression (statsmodels) on the same rows: what the report states about each factor. The warning
    scores with the penalised fit above, which predicts better; this one is for inference. None where the
    data separate perfectly or leave a factor constant (no finite estimate)."""
    import numpy as np
    import statsmodels.api as sm

    columns = [k for k, column in zip(FEATURES, X.T, strict=True) if 0 < column.sum() < len(column)]
    design = sm.add_constant(X[:, [FEATURES.index(k) for k in columns]], has_constant="add")
    try:
        with warnings.catch_warnings():  # separation and non-convergence are answered below, not logged
            warnings.simplefilter("ignore")
            result = sm.Logit(y, design).fit(disp=0, maxiter=200)
    except (np.linalg.LinAlgError, sm.tools.sm_exceptions.PerfectSeparationError):
        return None
    if not result.mle_retvals.get("converged", False):
        return None
    intervals = result.conf_int(0.05)
    return {
        k: {
            "or": float(np.exp(result.params[i + 1])),
            "low": float(np.exp(intervals[i + 1][0])),
            "high": float(np.exp(intervals[i + 1][1])),
            "p": float(result.pvalues[i + 1]),
        }
        for i, k in enumerate(columns)
    }


def reliability(predicted, observed, edges=(0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0001)) -> list[dict]:
    """Predicted vs observed withdrawal rate by band of the predicted risk."""
    table = []
    for low, high in zip(edges, edges[1:], strict=False):
        idx = [i for i, p in enumerate(predicted) if low <= p < high]
        if not idx:
            continue
        table.append(
            {
                "band": f"{low:.0%}–{min(high, 1):.0%}",
                "n": len(idx),
                "predicted": float(sum(predicted[i] for i in idx) / len(idx)),
                "observed": float(sum(observed[i] for i in idx) / len(idx)),
            }
        )
    return table


def artifact_path() -> Path:
    """The local file of development: serves only while no version was published."""
    return Path(settings.VAR_DIR) / "models" / ARTIFACT


def train_and_save(org, date_from=None, date_to=None) -> dict:
    """Fit on `org`'s signings and publish the model as the current `withdrawal_risk` version every server scores
    with; the model comes back with its `artefact` version."""
    model = fit(training_rows(org, date_from, date_to))
    model["trained_on"] = org.name
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / ARTIFACT).write_text(json.dumps(model, ensure_ascii=False, indent=1), encoding="utf-8")
        stamp = clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%S")
        artefact = publish(Artefact.Kind.WITHDRAWAL_RISK, content_version(Path(tmp), stamp), Path(tmp))
    model["artefact"] = artefact.version
    return model


_cache: dict = {}


def serving_path() -> Path:
    """The file this server scores with: its copy of the current published version, or the local file."""
    return serving_directory(Artefact.Kind.WITHDRAWAL_RISK, artifact_path().parent) / ARTIFACT


def load_model(*, refit: bool = True) -> dict | None:
    """The current model; where none was ever trained, refit on the demo district if it exists (a second or two),
    unless `refit` is False (the case page's panel: a page render neither trains nor asks whether the district
    exists, which cost every cold case page a second query while no model was trained; the demo trains one when
    it builds the district, and the study pages refit).

    One indexed query for the current version per call; the file is read once per version (a published version
    never changes; the local file is re-read when its modification time does)."""
    path = serving_path()
    if path.exists():
        key = (str(path), path.stat().st_mtime)
        if _cache.get("key") != key:
            model = json.loads(path.read_text(encoding="utf-8"))
            if path != artifact_path():
                model["artefact"] = path.parent.name
            _cache.update(key=key, model=model)
        return _cache["model"]
    if not refit:
        return None
    org = Organisation.objects.filter(name=PROCURATORATE_NAME).first()
    if org is None:
        return None
    try:
        return train_and_save(org)
    except ValueError:
        return None


def probability(model: dict, x: dict[str, int]) -> float:
    z = model["intercept"] + sum(model["coef"][k] * x.get(k, 0) for k in model["features"])
    return 1 / (1 + math.exp(-z))


@dataclass
class Factor:
    key: str
    label: str
    weight: float  # log-odds
    action: str = ""
    lowered_to: float | None = None

    @property
    def lowered_percent(self) -> int | None:
        return None if self.lowered_to is None else round(self.lowered_to * 100)


@dataclass
class Score:
    probability: float
    factors: list[Factor]
    model: dict
    row: PersonRow
    prospective: bool  # not yet signed: the features as they stand now

    @property
    def level(self) -> str:
        base = self.model.get("base_rate", 0.1)
        return (
            "high"
            if self.probability >= max(0.25, 2 * base)
            else "medium"
            if self.probability >= base
            else "low"
        )

    @property
    def percent(self) -> int:
        return round(self.probability * 100)

    @property
    def base_percent(self) -> int:
        return round(self.model.get("base_rate", 0) * 100)


def explain(model: dict, row: PersonRow, *, prospective: bool = False) -> Score:
    x = vector(row)
    p = probability(model, x)
    factors = []
    for key in model["features"]:
        weight = model["coef"][key]
        if x[key] and weight > 0.05:
            f = Factor(key, str(LABELS[key]), weight)
            if key in ACTIONS:
                f.action = str(ACTIONS[key])
                f.lowered_to = probability(
                    model, {**x, key: 0, **({"wide_range": 0} if key == "range_recommendation" else {})}
                )
            factors.append(f)
    factors.sort(key=lambda f: -f.weight)
    return Score(p, factors, model, row, prospective)


def prospective_row(
    defendant, row: PersonRow | None = None, data: PersonData | None = None
) -> PersonRow | None:
    """The features of a defendant who has not signed yet, as they stand now (the open or approved round).
    `row` and `data`: their `person_rows` row and the `PersonData` it came from, when the caller has them already
    (the case page loads them for all its defendants at once)."""
    data = data if data is not None else load_person_data([defendant.pk], features_only=True)
    rec = max(
        (r for r in data.rounds[defendant.pk] if r.status not in ("superseded", "lapsed")),
        key=lambda r: r.round,
        default=None,
    )
    if rec is None:
        return None
    row = row if row is not None else next(r for r in rows_of(data) if r.defendant_id == defendant.pk)
    now = clock.now()
    row.plea_stage = plea_stage(rec, defendant.case.facts, defendant.stage)
    row.rec_id, row.rec_kind = rec.pk, rec.kind
    row.wide_range = rec.kind == "range" and wide_range(rec.low_months, rec.high_months)
    row.gap = gap_to_similar(rec)
    row.meeting_before = any(
        service == Service.MEETING and when <= now for service, when in data.entries[defendant.pk]
    )
    row.letter_delivered = bool(data.letters[defendant.pk])
    row.notice_acknowledged = bool(data.notices[defendant.pk])
    return row


def score_defendant(defendant, model: dict | None = None) -> Score | None:
    model = model or load_model()
    if model is None:
        return None
    data = load_person_data([defendant.pk], features_only=True)
    row = rows_of(data)[0]
    if row.pleaded:
        return explain(model, row)
    row = prospective_row(defendant, row, data)
    return None if row is None else explain(model, row, prospective=True)


__all__ = ["FAR_ABOVE", "Score", "explain", "fit", "load_model", "score_defendant", "train_and_save"]
