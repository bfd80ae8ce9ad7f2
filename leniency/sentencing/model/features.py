"""Features of a case for the learned model: the calculator's answer, the extracted facts, the text.

A case is first reduced to a `CaseRecord` (a few numbers and the text), which can be made from a
`CaseFacts` + `Calculation` (at prediction time) or read back from what the importer stored, so
training on a million stored judgments does not re-run the engine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from leniency.sentencing.calculation import Calculation
from leniency.sentencing.facts import CaseFacts, Circumstance

CIRCUMSTANCES = tuple(c.value for c in Circumstance)
INJURIES = ("minor", "light_2", "light_1", "serious_2", "serious_1", "death")
CEILING_ONLY_SHARE = 0.6
RANGE_POSITION = 1 / 3


def L(months: float) -> float:  # noqa: N802 - the metric's notation: ln(x + 1)
    return math.log(max(months, 0.0) + 1.0)


@dataclass
class CaseRecord:
    """What the model reads about one case."""

    text: str
    charges: list[str]
    calc_months: int | None  # None: no calculation, or death / life
    guideline: bool
    amount: float | None = None
    flags: list[str] = field(default_factory=list)
    injury: str = ""
    drug_grams: float | None = None
    blood_alcohol: float | None = None
    age: int | None = None
    counts: int | None = None
    rec_months: int | None = None  # the prosecutor's quoted recommendation, summarised
    calc_low: int | None = None
    calc_high: int | None = None
    # the engine's decision on the kind of outcome (issue 16 class 1): the penalty it chose and what the
    # statute and the facts allow, so that the model learns how likely an outcome without prison is
    outcome: str = ""  # imprisonment, detention, surveillance, fine_only, exempt, life, death
    fine_only_lawful: bool = False  # a charge's lowest bracket says 单处罚金 (art. 52)
    surveillance_lawful: bool = False  # a charge's lowest bracket lists 管制 (art. 38)
    probation_lawful: bool = False  # art. 72: 拘役 or at most 3 years, no recidivism
    probation_advised: bool = False

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "text"}

    @classmethod
    def from_dict(cls, data: dict, text: str) -> CaseRecord:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "text"}
        return cls(text=text, **known)


def recommendation_months(facts: CaseFacts) -> int | None:
    rec = facts.recommendation
    if rec is None:
        return None
    low, high = rec.low_months, rec.high_months
    if high is not None and low is not None and high >= low:
        return round(low + RANGE_POSITION * (high - low))
    if high is not None:
        return round(CEILING_ONLY_SHARE * high)
    return low


def record_of(facts: CaseFacts, calc: Calculation | None) -> CaseRecord:
    # months of prison or detention: 0 for 管制, a fine alone or an exemption (the term the model predicts)
    fixed = calc is not None and calc.custodial_months is not None
    prison = fixed and calc.penalty in ("imprisonment", "detention")
    lowest = _lowest_brackets(facts, calc)
    return CaseRecord(
        text=facts.text,
        charges=list(facts.charges),
        calc_months=int(calc.custodial_months) if fixed else None,
        guideline=bool(calc is not None and any(c.has_guideline for c in calc.charges)),
        amount=float(facts.amount_yuan) if facts.amount_yuan is not None else None,
        flags=sorted({str(f.code) for f in facts.circumstances}),
        injury=str(facts.injury or ""),
        drug_grams=float(sum(float(d.grams) for d in facts.drugs)) if facts.drugs else None,
        blood_alcohol=float(facts.blood_alcohol) if facts.blood_alcohol is not None else None,
        age=facts.age,
        counts=facts.counts,
        rec_months=recommendation_months(facts),
        calc_low=(int(calc.low) if prison else 0) if fixed else None,
        calc_high=(int(calc.high) if prison else 0) if fixed else None,
        outcome=str(calc.penalty) if calc is not None else "",
        fine_only_lawful=any(b.fine_only_allowed for b in lowest),
        surveillance_lawful=any(b.surveillance for b in lowest),
        probation_lawful=bool(calc is not None and calc.probation_lawful),
        probation_advised=bool(calc is not None and calc.probation_advised),
    )


def _lowest_brackets(facts: CaseFacts, calc: Calculation | None) -> list:
    """The lowest statutory bracket of each charge calculated (or named)."""
    from leniency.sentencing.catalogue import find_charge

    names = [c.charge for c in calc.charges] if calc is not None and calc.charges else list(facts.charges)
    infos = [find_charge(name) for name in names]
    return [info.brackets[0] for info in infos if info is not None and info.brackets]


@cache
def statutory_floor_ceiling(charge: str) -> tuple[float, float]:
    """L(floor), L(ceiling) of the charge's lowest statutory bracket (0, L(36) when unknown)."""
    from leniency.sentencing.catalogue import find_charge

    info = find_charge(charge) if charge else None
    bracket = info.lowest if info is not None else None
    if bracket is None:
        return 0.0, L(36)
    return L(bracket.floor_months), L(bracket.ceiling_months)


DENSE_NAMES = [
    "calc",
    "has_calc",
    "guideline",
    "calc_x_guideline",
    "prior",
    "floor",
    "ceiling",
    "log_amount",
    "has_amount",
    "rec",
    "has_rec",
    "n_charges",
    "injury",
    "log_drug",
    "bac",
    "age",
    "counts",
    "calc_width",
] + [f"flag_{c}" for c in CIRCUMSTANCES]
NON_CUSTODIAL = ("surveillance", "fine_only", "exempt")
# the engine's decision on the kind of outcome, after the flags
OUTCOME_NAMES = [
    "non_custodial",
    "fine_only_lawful",
    "surveillance_lawful",
    "probation_lawful",
    "probation_advised",
]
DENSE_NAMES += OUTCOME_NAMES


def dense_features(records: Sequence[CaseRecord], priors: np.ndarray) -> np.ndarray:
    """One row per record, columns DENSE_NAMES. `priors` is each record's charge prior (L space)."""
    out = np.zeros((len(records), len(DENSE_NAMES)), dtype=np.float64)
    flag_index = {c: i for i, c in enumerate(CIRCUMSTANCES)}
    base = DENSE_NAMES.index("flag_" + CIRCUMSTANCES[0])
    outcome = DENSE_NAMES.index(OUTCOME_NAMES[0])
    for i, r in enumerate(records):
        floors = [statutory_floor_ceiling(c) for c in r.charges] or [(0.0, L(36))]
        floor, ceiling = max(floors)
        calc = L(r.calc_months) if r.calc_months is not None else priors[i]
        g = 1.0 if r.guideline else 0.0
        row = out[i]
        row[0] = calc
        row[1] = 1.0 if r.calc_months is not None else 0.0
        row[2] = g
        row[3] = g * calc
        row[4] = priors[i]
        row[5] = floor
        row[6] = ceiling
        row[7] = math.log1p(r.amount / 1000) if r.amount else 0.0
        row[8] = 1.0 if r.amount else 0.0
        row[9] = L(r.rec_months) if r.rec_months is not None else calc
        row[10] = 1.0 if r.rec_months is not None else 0.0
        row[11] = len(r.charges)
        row[12] = INJURIES.index(r.injury) + 1 if r.injury in INJURIES else 0
        row[13] = math.log1p(r.drug_grams) if r.drug_grams else 0.0
        row[14] = (r.blood_alcohol or 0.0) / 100
        row[15] = r.age or 0
        row[16] = math.log1p(r.counts or 0)
        row[17] = (
            (L(r.calc_high) - L(r.calc_low)) if r.calc_high is not None and r.calc_low is not None else 0.0
        )
        for flag in r.flags:
            j = flag_index.get(flag)
            if j is not None:
                row[base + j] = 1.0
        row[outcome:] = (
            r.outcome in NON_CUSTODIAL,
            r.fine_only_lawful,
            r.surveillance_lawful,
            r.probation_lawful,
            r.probation_advised,
        )
    return out


def text_matrix(texts: Sequence[str], n_features: int = 1 << 18):
    """Hashed character 1–2-grams, sublinear tf, L2-normalised rows (a scipy sparse matrix)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(
        analyzer="char", ngram_range=(1, 2), n_features=n_features, alternate_sign=False, norm="l2"
    )
    return vectorizer.transform(texts)
