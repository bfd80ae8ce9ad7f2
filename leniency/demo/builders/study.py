"""Demo for the study: the district "L区" (736 persons, 2019-09-01 to 2020-08-31) and the risk model trained on it.

Runs after the other apps' demo builders (`leniency.demo.extensions`). Idempotent: nothing is added when the
district exists. Deterministic for a seed. A small demo province (fewer than `MIN_PROVINCE_DEFENDANTS`
defendants, as the other apps' tests build) gets no study district: 736 extra persons would swamp it.
"""

from __future__ import annotations

import time

from leniency.accounts.models import Organisation
from leniency.cases.models import Defendant
from leniency.demo.district import PROCURATORATE_NAME, build_district
from leniency.demo.geography import PROVINCE_CODE
from leniency.study.risk import train_and_save

MIN_PROVINCE_DEFENDANTS = 500


def build(*, seed: int, today, stdout) -> str | None:
    province = Defendant.objects.filter(case__region__parent__parent__code=PROVINCE_CODE)
    if province.count() < MIN_PROVINCE_DEFENDANTS:
        return None
    started = time.perf_counter()
    counts = build_district(seed=seed)
    if counts is None:
        return None

    org = Organisation.objects.get(name=PROCURATORATE_NAME)
    model = train_and_save(org)
    by_stage = ", ".join(f"{k} {v}" for k, v in sorted(counts["by_stage"].items()))
    return (
        f"study: {PROCURATORATE_NAME} {counts['persons']} persons in {counts['cases']} cases, "
        f"{counts['pleaded']} pleaded, {counts['withdrawals']} withdrawals ({by_stage}); risk model on "
        f"{model['n']} signings, cross-validated AUC {model['auc_cv']:.2f} ({time.perf_counter() - started:.1f} s)"
    )
