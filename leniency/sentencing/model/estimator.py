"""The learned estimator: a robust linear blend of the calculator and the data, plus boosted corrections.

All in log space (L(x) = ln(x + 1), the space the accuracy metric uses):

1. **charge prior** — per charge the median L(term) of the training cases, shrunk toward the overall
   median (n / (n + 3)); training rows get out-of-fold priors so that no case sees its own term;
2. **base** — L̂ = least-absolute-deviation blend of the calculator's answer (separately where a
   guideline applies and where only the statutory bracket does), the prior, the amount where no
   guideline applies and the prosecutor's quoted recommendation, with a ridge pull toward an even blend;
3. **boosted residual** — LightGBM (L1 loss, few small trees, strong regularisation) on the base's
   residual, from the dense features (facts, circumstances, brackets) and TruncatedSVD components of
   hashed character n-grams of the text; its output is shrunk by `BOOST_SHRINK`;
4. **outcome without prison** — a logistic regression on the engine's decision (the outcome it chose:
   管制, a fine alone, an exemption; whether the statute allows a fine alone or 管制; whether probation is
   lawful or advised) and a few facts gives the probability P0 that the term is 0 months. The metric is
   an absolute distance, whose best point is the median of the predictive distribution: 0 months when
   P0 ≥ 1/2; the 80% interval reaches 0 when P0 ≥ 10% (issue 16 class 1: short terms had been regressed
   to a few months);
5. **interval** — the 80% prediction interval adds the 10th / 90th percentiles of *held-out* residuals
   to the point: cross-validated (CV+-style) on small corpora, a split-conformal calibration set on
   large ones, with the finite-sample quantile correction.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from leniency.sentencing.model.features import (
    DENSE_NAMES,
    OUTCOME_NAMES,
    CaseRecord,
    L,
    dense_features,
    record_of,
    text_matrix,
)
from leniency.sentencing.prediction import customary_term, statutory_class

MAX_MONTHS = 300
PRIOR_SHRINK = 3.0
RIDGE = 4.0
BASE_NAMES = (
    "const",
    "guideline",
    "calc|guideline",
    "calc|bracket",
    "prior",
    "amount|bracket",
    "has_amount|bracket",
    "rec-calc",
)
BASE_PRIOR = np.array([0.0, 0.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.5])
BOOST_SHRINK = 0.5
SVD_COMPONENTS = 16
SVD_SAMPLE = 50_000  # texts the SVD is fitted on
TEXT_CHUNK = 20_000
INNER_FOLDS = 5
SPLIT_CONFORMAL_FROM = 2_000  # above this many cases, a held-out calibration set instead of inner CV
SPLIT_SHARE = 0.1
CALIBRATION_MAX = 20_000  # held-out cases for split conformal, at most
BOOST_SAMPLE = 200_000  # cases the boosted trees (and text components) are fitted on, at most
COVERAGE = 0.80
# the logistic model of a 0-month outcome (管制, a fine alone, an exemption): its inputs and when it decides
ZERO_FEATURES = (
    "non_custodial", "fine_only_lawful", "surveillance_lawful", "probation_lawful", "probation_advised",
    "calc", "has_calc", "floor", "ceiling", "rec", "has_rec", "log_amount", "has_amount",
)  # fmt: skip
# the boosted trees do not read the outcome decision: the P0 model does (a two-part model). Fed to the small
# trees as well it only added refit noise on dev (paired 5-fold differences of either sign with the fold seed)
BOOST_COLUMNS = [i for i, name in enumerate(DENSE_NAMES) if name not in OUTCOME_NAMES]
ZERO_MIN_CASES = 5  # 0-month cases (and others) needed to fit it
ZERO_C = 0.5  # inverse regularisation strength (standardised inputs)
ZERO_POINT = 0.5  # P0 at which the median, hence the point, is 0 months
ZERO_LOW = (1 - COVERAGE) / 2  # P0 at which the 80% interval's lower end is 0 months


@dataclass
class ModelPrediction:
    months: int
    low: int
    high: int
    point_log: float
    version: str


def _median(values) -> float:
    return float(np.median(np.asarray(values, dtype=float)))


def fit_lad(
    x: np.ndarray, y: np.ndarray, prior: np.ndarray, ridge: float, iterations: int = 40
) -> np.ndarray:
    """Least absolute deviation by IRLS with a ridge toward `prior` (ridge in pseudo-cases)."""
    coefs = prior.astype(float).copy()
    for _ in range(iterations):
        residual = y - x @ coefs
        w = 1.0 / np.maximum(np.abs(residual), 0.05)
        xtx = (x * w[:, None]).T @ x
        xty = (x * w[:, None]).T @ y
        scale = ridge * w.mean()
        xtx[np.diag_indices_from(xtx)] += scale
        xty += scale * prior
        try:
            new = np.linalg.solve(xtx, xty)
        except np.linalg.LinAlgError:
            return coefs
        if np.max(np.abs(new - coefs)) < 1e-7:
            return new
        coefs = new
    return coefs


def conformal_quantiles(residuals: np.ndarray, coverage: float = COVERAGE) -> tuple[float, float]:
    """Lower / upper residual quantiles with the finite-sample correction ((n+1)·q / n)."""
    n = residuals.size
    if n < 5:
        return (-0.7, 0.7)
    alpha = (1 - coverage) / 2
    lo_q = max(0.0, math.floor(alpha * (n + 1)) / n - 1e-9)
    hi_q = min(1.0, math.ceil((1 - alpha) * (n + 1)) / n)
    return float(np.quantile(residuals, lo_q)), float(np.quantile(residuals, hi_q))


class ZeroOutcome:
    """P(term = 0 months | the engine's decision and a few facts): standardised logistic regression."""

    def __init__(self):
        self.columns = [DENSE_NAMES.index(name) for name in ZERO_FEATURES]
        self.model = None

    @classmethod
    def fitted(cls, dense: np.ndarray, zero: np.ndarray, seed: int) -> ZeroOutcome | None:
        """None when there are too few 0-month cases (or too few others) to learn from."""
        if min(int(zero.sum()), int((~zero).sum())) < ZERO_MIN_CASES:
            return None
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        self = cls()
        self.model = make_pipeline(
            StandardScaler(), LogisticRegression(C=ZERO_C, max_iter=1000, random_state=seed)
        ).fit(dense[:, self.columns], zero.astype(int))
        return self

    def probability(self, dense: np.ndarray) -> np.ndarray:
        return self.model.predict_proba(dense[:, self.columns])[:, 1]


class TextSVD:
    """TruncatedSVD over the hashed n-gram columns that occur in the fitting sample (a few thousand of 2^18)."""

    def __init__(self, n_components: int, seed: int):
        self.n_components = n_components
        self.seed = seed
        self.columns = np.zeros(0, dtype=np.int64)
        self.svd = None

    def fit(self, matrix) -> TextSVD:
        from sklearn.decomposition import TruncatedSVD

        self.columns = np.unique(matrix.indices).astype(np.int64)
        self.n_components = max(1, min(self.n_components, self.columns.size - 1, matrix.shape[0] - 1))
        self.svd = TruncatedSVD(n_components=self.n_components, random_state=self.seed).fit(
            matrix[:, self.columns]
        )
        return self

    def transform(self, matrix) -> np.ndarray:
        return self.svd.transform(matrix[:, self.columns])


@dataclass
class SentencingModel:
    version: str = ""
    fingerprint: str = ""
    n_train: int = 0
    overall: float = L(12)
    charge_priors: dict[str, tuple[int, float]] = field(default_factory=dict)
    coefs: np.ndarray = field(default_factory=lambda: BASE_PRIOR.copy())
    svd: object | None = None
    booster: object | None = None
    zero: ZeroOutcome | None = None  # P(0 months); absent from models saved before it
    quantiles: tuple[float, float] = (-0.7, 0.7)
    cv_metrics: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    trained_seconds: float = 0.0
    # the columns it learned (features.DENSE_NAMES when trained): a model of other columns cannot predict
    features: tuple[str, ...] = ()

    # -- features -------------------------------------------------------------------------------

    def prior_of(self, charges: Sequence[str], priors: dict | None = None) -> float:
        """Shrunk median L(term) per charge, toward its statutory class's (same lowest bracket), toward the overall
        median; the heaviest over several charges."""
        table = self.charge_priors if priors is None else priors
        values = []
        for charge in charges or [""]:
            n_cls, med_cls = table.get(("class", statutory_class(charge)), (0, self.overall))
            class_value = (n_cls * med_cls + PRIOR_SHRINK * self.overall) / (n_cls + PRIOR_SHRINK)
            n, median = table.get(charge, (0, class_value))
            values.append((n * median + PRIOR_SHRINK * class_value) / (n + PRIOR_SHRINK))
        return max(values)

    @staticmethod
    def base_matrix(dense: np.ndarray) -> np.ndarray:
        col = {name: i for i, name in enumerate(DENSE_NAMES)}
        calc, g, prior = dense[:, col["calc"]], dense[:, col["guideline"]], dense[:, col["prior"]]
        return np.column_stack(
            [
                np.ones(len(dense)),
                g,
                g * calc,
                (1 - g) * calc,
                prior,
                (1 - g) * dense[:, col["log_amount"]],
                (1 - g) * dense[:, col["has_amount"]],
                dense[:, col["has_rec"]] * (dense[:, col["rec"]] - calc),
            ]
        )

    def _text_components(self, records: Sequence[CaseRecord]) -> np.ndarray:
        """SVD components of the texts, computed in chunks so that memory stays bounded."""
        parts = [
            self.svd.transform(text_matrix([r.text for r in records[i : i + TEXT_CHUNK]]))
            for i in range(0, len(records), TEXT_CHUNK)
        ]
        return np.vstack(parts) if parts else np.zeros((0, self.svd.n_components))

    def _full_features(self, records: Sequence[CaseRecord], dense: np.ndarray) -> np.ndarray:
        """What the boosted trees read: the dense features but the outcome decision (the P0 model's), and
        the text components."""
        dense = dense[:, BOOST_COLUMNS]
        if self.svd is None:
            return dense
        return np.hstack([dense, self._text_components(records)])

    # -- fitting --------------------------------------------------------------------------------

    def _fit_priors(self, records: Sequence[CaseRecord], y: np.ndarray) -> dict[str, tuple[int, float]]:
        groups: dict = defaultdict(list)
        for r, z in zip(records, y, strict=True):
            for key in {*r.charges, *(("class", statutory_class(c)) for c in r.charges)}:
                groups[key].append(z)
        return {c: (len(v), _median(v)) for c, v in groups.items()}

    def _out_of_fold_priors(
        self, records: Sequence[CaseRecord], y: np.ndarray, folds: int, seed: int
    ) -> np.ndarray:
        n = len(records)
        assignment = np.random.default_rng(seed).permutation(n) % folds
        priors = np.zeros(n)
        for k in range(folds):
            train = np.flatnonzero(assignment != k)
            table = self._fit_priors([records[i] for i in train], y[train])
            for i in np.flatnonzero(assignment == k):
                priors[i] = self.prior_of(records[i].charges, table)
        return priors

    def _fit_point(self, records: Sequence[CaseRecord], y: np.ndarray, seed: int) -> None:
        self.overall = _median(y)
        self.charge_priors = self._fit_priors(records, y)
        folds = min(INNER_FOLDS, max(2, len(records) // 5))
        priors = (
            self._out_of_fold_priors(records, y, folds, seed)
            if len(records) >= 10
            else np.array([self.prior_of(r.charges) for r in records])
        )
        dense = dense_features(records, priors)
        self.zero = ZeroOutcome.fitted(dense, y == 0.0, seed) if self.params.get("zero", True) else None
        base_x = self.base_matrix(dense)
        self.coefs = fit_lad(base_x, y, BASE_PRIOR, RIDGE)
        residual = y - base_x @ self.coefs
        self.svd = None
        self.booster = None
        if len(records) < 30 or not self.params.get("boost", True):
            return
        if (
            len(records) > BOOST_SAMPLE
        ):  # the priors and the base saw every case; the trees learn from a sample
            keep = np.sort(np.random.default_rng(seed + 3).choice(len(records), BOOST_SAMPLE, replace=False))
            records, dense, residual = [records[i] for i in keep], dense[keep], residual[keep]
        if self.params.get("text", True):
            n_sample = min(len(records), SVD_SAMPLE)
            chosen = np.sort(np.random.default_rng(seed).choice(len(records), n_sample, replace=False))
            sample = text_matrix([records[i].text for i in chosen])
            self.svd = TextSVD(min(SVD_COMPONENTS, max(2, len(records) // 10)), seed).fit(sample)
            del sample
        features = self._full_features(records, dense)
        import lightgbm as lgb

        n = len(records)
        params = {
            "objective": "l1",
            "learning_rate": 0.05,
            "num_leaves": 7 if n < 5000 else 31,
            "min_data_in_leaf": max(15, min(n // 20, 200)),
            "lambda_l2": 10.0,
            "feature_fraction": 0.8,
            "bagging_fraction": 0.8,
            "bagging_freq": 1,
            "verbose": -1,
            "seed": seed,
            "num_threads": self.params.get("threads", 1 if n < 50_000 else 2),
        }
        rounds = self.params.get("rounds", 150 if n < 5000 else 300)
        self.booster = lgb.train(params, lgb.Dataset(features, residual), num_boost_round=rounds)

    def fit(self, records: Sequence[CaseRecord], months: Sequence[int], *, seed: int = 0) -> SentencingModel:
        start = time.perf_counter()
        self.features = tuple(DENSE_NAMES)
        y = np.array([L(m) for m in months], dtype=float)
        n = len(records)
        if n == 0:
            raise ValueError("no decided fixed-term case to train on")
        if n > SPLIT_CONFORMAL_FROM:
            order = np.random.default_rng(seed).permutation(n)
            cut = min(int(n * SPLIT_SHARE), CALIBRATION_MAX)
            calib, train = order[:cut], order[cut:]
            self._fit_point([records[i] for i in train], y[train], seed)
            held = [records[i] for i in calib]
            residuals = y[calib] - self.points(held)
            self.params["conformal"] = f"split ({cut} held-out cases)"
            half = residuals.size // 2  # honest coverage: quantiles from one half, checked on the other
            q = conformal_quantiles(residuals[:half])
            self.cv_metrics = {
                "how": f"held-out split of {cut} cases",
                "mean_log_distance": float(np.mean(np.abs(residuals))),
                "coverage": float(np.mean((residuals[half:] >= q[0]) & (residuals[half:] <= q[1]))),
            }
        else:
            folds = min(INNER_FOLDS, n)
            residuals = np.zeros(0)
            if folds >= 2:
                assignment = np.random.default_rng(seed + 1).permutation(n) % folds
                parts = []
                for k in range(folds):
                    train, held = np.flatnonzero(assignment != k), np.flatnonzero(assignment == k)
                    inner = SentencingModel(params=dict(self.params))
                    inner._fit_point([records[i] for i in train], y[train], seed)
                    parts.append(y[held] - inner.points([records[i] for i in held]))
                residuals = np.concatenate(parts)
            self._fit_point(records, y, seed)
            self.params["conformal"] = f"{folds}-fold cross-validated residuals"
        self.quantiles = conformal_quantiles(residuals)
        self.n_train = n
        self.trained_seconds = time.perf_counter() - start
        return self

    # -- prediction -----------------------------------------------------------------------------

    def points(self, records: Sequence[CaseRecord]) -> np.ndarray:
        """Point predictions in L space."""
        return self.points_and_zero(records)[0]

    def points_and_zero(self, records: Sequence[CaseRecord]) -> tuple[np.ndarray, np.ndarray]:
        """Point predictions in L space, and each case's probability of a 0-month outcome."""
        if not records:
            return np.zeros(0), np.zeros(0)
        priors = np.array([self.prior_of(r.charges) for r in records])
        dense = dense_features(records, priors)
        z = self.base_matrix(dense) @ self.coefs
        if self.booster is not None:
            z = z + BOOST_SHRINK * self.booster.predict(self._full_features(records, dense))
        zero = getattr(self, "zero", None)
        p0 = zero.probability(dense) if zero is not None else np.zeros(len(records))
        z = np.where(p0 >= ZERO_POINT, 0.0, z)
        return np.clip(z, 0.0, L(MAX_MONTHS)), p0

    def predict_records(self, records: Sequence[CaseRecord]) -> list[ModelPrediction]:
        out = []
        points, p0 = self.points_and_zero(records)
        for z, zero in zip(points, p0, strict=True):
            months = customary_term(math.expm1(z))  # as courts write terms, like the calibrated engine
            low = 0 if zero >= ZERO_LOW else int(round(math.expm1(max(z + self.quantiles[0], 0.0))))
            high = min(int(round(math.expm1(z + self.quantiles[1]))), MAX_MONTHS)
            out.append(ModelPrediction(months, min(low, months), max(high, months), float(z), self.version))
        return out

    def predict_one(self, facts, calculation) -> ModelPrediction:
        return self.predict_records([record_of(facts, calculation)])[0]

    def describe(self) -> dict:
        return {
            "version": self.version,
            "fingerprint": self.fingerprint,
            "n_train": self.n_train,
            "overall_median_months": round(math.expm1(self.overall), 1),
            "base_coefs": {name: round(float(c), 4) for name, c in zip(BASE_NAMES, self.coefs, strict=True)},
            "text_components": getattr(self.svd, "n_components", 0) if self.svd is not None else 0,
            "boosted_trees": self.booster.num_trees() if self.booster is not None else 0,
            "zero_outcome_model": getattr(self, "zero", None) is not None,
            "interval_log_quantiles": [round(q, 4) for q in self.quantiles],
            "charges": sum(1 for k in self.charge_priors if isinstance(k, str)),
            "params": self.params,
            "cv_metrics": self.cv_metrics,
            "trained_seconds": round(self.trained_seconds, 1),
        }


def train(
    records: Sequence[CaseRecord], months: Sequence[int], *, seed: int = 0, **params
) -> SentencingModel:
    return SentencingModel(params=dict(params)).fit(records, months, seed=seed)
