"""The demo district "L区": every person its procuratorate handled in one year (2019-09-01 to 2020-08-31).

Modelled on the district study behind the withdrawal issue (736 persons): whether a person who pleaded later
withdrew is drawn from a known logistic model, which the study and the risk model must recover. A build runs in
this order (`build_district`), one module for each part:

- places.py: the district, its city, courts, procuratorate, legal-aid centre, law firm and police, and their users;
- persons.py: the plan of persons and cases, with the known model (`TRUE_COEFFICIENTS`, `true_logit`) and the
  draws of each person's features, plea and withdrawal;
- cases.py: every case through the services, each step on its day (`intake.case_steps` and `intake.replay`), and
  the days of those steps (`plan_timelines`);
- history/: the plea history that carries the known model, still bulk-written among the services' steps (its
  docstring says why): counsel.py, recommendations.py, plea.py, withdrawals.py;
- state.py: what a build carries between those steps (`District`), and the queue of history it writes.

Deterministic for a seed; idempotent (nothing is added when the district's region exists).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from leniency.accounts.models import Region
from leniency.database import refresh_planner_statistics
from leniency.demo.district.cases import replay_cases
from leniency.demo.district.history.recommendations import GUARANTEE_BREACHES
from leniency.demo.district.persons import (
    END,
    KNOWN_EFFECTS,
    PERSONS,
    START,
    TRUE_COEFFICIENTS,
    TRUE_INTERCEPT,
    plan_persons,
    true_logit,
)
from leniency.demo.district.places import (
    APPEAL_COURT_NAME,
    COURT_NAME,
    DISTRICT_CODE,
    DISTRICT_NAME,
    PROCURATORATE_NAME,
    create_places,
)
from leniency.demo.district.state import District
from leniency.demo.geography import PROVINCE_CODE

__all__ = [
    "APPEAL_COURT_NAME",
    "COURT_NAME",
    "DISTRICT_CODE",
    "DISTRICT_NAME",
    "END",
    "GUARANTEE_BREACHES",
    "KNOWN_EFFECTS",
    "PERSONS",
    "PROCURATORATE_NAME",
    "START",
    "TRUE_COEFFICIENTS",
    "TRUE_INTERCEPT",
    "build_district",
    "true_logit",
]


def build_district(
    *,
    seed: int = 20190901,
    persons: int = PERSONS,
    start: date = START,
    end: date = END,
    province: Region | None = None,
) -> dict | None:
    """Create L区 under `province` (the demo province by default). Returns counts, or None when it exists."""
    if Region.objects.filter(code=DISTRICT_CODE).exists():
        return None
    province = province or Region.objects.filter(code=PROVINCE_CODE).first()
    if province is None:
        return None
    district = District(province, seed, persons, start, end)
    with transaction.atomic():
        create_places(district)
        plan_persons(district)
        replay_cases(district)
        refresh_planner_statistics()
    counts = dict(district.counts)
    counts["persons"] = len(district.persons)
    counts["cases"] = len(district.cases)
    counts["pleaded"] = sum(p.pleaded for p in district.persons)
    return counts
