"""`build_demo`: a demo province with people, about 2,000 defendants over two years and their audit trail.

Deterministic for a seed and a `today`; idempotent (an existing demo province is detected by its region
code and left alone). The plan (timeline.py) draws each case's history; then every case, open or closed, comes in
and moves on through the services users call, role by role, each step replayed on its day (intake.py):
registration, assignment, the stage moves, 不起诉, 提起公诉, the court's filing, the judgment with each
defendant's sentence (sentences.py), its taking effect, the appeal and its decision, the lawyers' assignments.
The services write the audit trail as they go, in time order, so `leniency audit verify` passes and case
timelines are real.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from leniency import clock
from leniency.accounts.models import Organisation, Region, User
from leniency.audit.models import AuditEvent
from leniency.cases.models import Case, Charge, Defendant
from leniency.cases.services import sync_charge_catalogue
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselAssignment
from leniency.database import refresh_planner_statistics

from .charge_mix import DOMINANT, PROFILES, SECOND_CHARGE_RATE, pick_profile, pick_size
from .facts_text import Actor, fact_text
from .geography import (
    DISTRICTS,
    HOME_DISTRICT,
    PROVINCE_CODE,
    PROVINCE_SHORT,
    SECOND_DISTRICT,
    build_geography,
)
from .intake import case_steps, replay
from .names import unique_names
from .people_data import particulars
from .personas import PERSONA_USERNAMES, People, build_people, login_rows
from .timeline import (
    RETRIALS,
    AppealDecisions,
    AppealOutcome,
    DefendantPath,
    RetrialPlan,
    align_appeals,
    decide_appeal,
    plan_case,
    plan_defendant,
    plan_retrial,
)

DEFAULT_SEED = 20261123
HISTORY_DAYS = 730
RECENCY = 1.3  # > 1 puts more cases in recent months
PERSONA_CASE_SHARE = 0.3  # of its district's cases, for prosecutor/prosecutor2 and judge/judge2
PERSONA_COUNSEL_SHARE = 0.25


class DemoError(Exception):
    pass


@dataclass
class DemoSummary:
    created: bool
    seed: int
    today: date
    cases: int = 0
    defendants: int = 0
    users: int = 0
    organisations: int = 0
    assignments: int = 0
    events: int = 0
    seconds: float = 0.0
    by_charge: Counter = field(default_factory=Counter)  # principal charge per defendant
    by_stage: Counter = field(default_factory=Counter)
    by_procedure: Counter = field(default_factory=Counter)
    by_detention: Counter = field(default_factory=Counter)
    logins: list[tuple[str, str, str, str, str]] = field(default_factory=list)


@dataclass
class PlannedDefendant:
    row: Defendant
    path: DefendantPath
    charges: list[Charge]
    lawyer: User | None = None


@dataclass
class PlannedCase:
    row: Case
    judge: User | None
    defendants: list[PlannedDefendant]
    appeal_outcome: AppealOutcome | None = None  # the second instance's decision, where it came by the cutoff
    retrial: RetrialPlan | None = None  # 再审 of its final judgment


def demo_exists() -> bool:
    return Region.objects.filter(code=PROVINCE_CODE).exists()


def build_demo(
    *, seed: int = DEFAULT_SEED, defendants: int = 2000, today: date | None = None, stdout=None
) -> DemoSummary:
    started = time.perf_counter()
    today = today or clock.today()
    if demo_exists():
        return DemoSummary(created=False, seed=seed, today=today, logins=login_rows())
    clashes = sorted(User.objects.filter(username__in=PERSONA_USERNAMES).values_list("username", flat=True))
    if clashes:
        raise DemoError(f"users {', '.join(clashes)} already exist outside a demo; use a fresh database")
    rng = random.Random(seed)
    with transaction.atomic():
        sync_charge_catalogue()
        charges = {c.name: c for c in Charge.objects.all()}
        missing = [name for name in (*DOMINANT, *(p.name for p in PROFILES)) if name not in charges]
        if missing:
            raise DemoError(f"charge catalogue lacks {', '.join(missing)}")
        _say(stdout, "regions, organisations, people …")
        geo = build_geography()
        people = build_people(geo, rng)
        _say(stdout, f"{defendants} defendants …")
        # The second-instance decisions draw from a generator of their own, so the demo's other draws stay as
        # they were before the decisions varied.
        appeals = AppealDecisions(random.Random(f"{seed}:second-instance"))
        planned = _plan_cases(rng, geo, people, charges, defendants, today, appeals=appeals)
        _plan_retrials(planned, random.Random(f"{seed}:retrial"), today - timedelta(days=1))
        summary = _save(planned, rng, people, today - timedelta(days=1))
        refresh_planner_statistics()
    summary.seed, summary.today = seed, today
    summary.users = User.objects.filter(organisation__region__in=_demo_regions()).count() + 1
    summary.organisations = Organisation.objects.filter(region__in=_demo_regions()).count()
    summary.logins = login_rows()
    summary.seconds = time.perf_counter() - started
    return summary


def _say(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def _demo_regions():
    province = Region.objects.get(code=PROVINCE_CODE)
    return (
        Region.objects.filter(pk=province.pk)
        | Region.objects.filter(parent=province)
        | Region.objects.filter(parent__parent=province)
    )


def _plan_cases(
    rng, geo, people: People, charges, total: int, today: date, *, appeals: AppealDecisions
) -> list[PlannedCase]:
    cutoff = today - timedelta(days=1)
    weights = [spec.share for spec in DISTRICTS]
    planned: list[PlannedCase] = []
    taken_ids: set[str] = set()
    remaining = total
    while remaining > 0:
        district = rng.choices(geo.districts, weights=weights)[0]
        spec, team = district.spec, people.staff[district.spec.key]
        profile = pick_profile(rng)
        size = min(remaining, pick_size(rng, profile))
        remaining -= size
        # Intake grows over the two years (the procedure is used more each year): recent days weigh more.
        opened = cutoff - timedelta(days=int(HISTORY_DAYS * rng.random() ** RECENCY))
        offence_on = opened - timedelta(days=rng.randint(*profile.lead_days))
        schedule = plan_case(rng, profile, opened, defendants=size)
        people_data = [
            particulars(
                rng,
                profile,
                offence_on,
                home_code=spec.code,
                western=spec.zone == Region.Zone.WESTERN,
                taken_ids=taken_ids,
            )
            for _ in range(size)
        ]
        names = unique_names(rng, [p.gender for p in people_data])
        paths = [plan_defendant(rng, profile, schedule, cutoff) for _ in range(size)]
        align_appeals(paths)
        appeal_outcome = decide_appeal(appeals, paths, cutoff)
        second = None
        if profile.second_charges and rng.random() < SECOND_CHARGE_RATE:
            second = rng.choice(profile.second_charges)
        tried = any(p.reached(Stage.FIRST_INSTANCE) for p in paths)
        reviewed = any(p.reached(Stage.PROSECUTION_REVIEW) for p in paths)
        actors = [
            Actor(n, p.gender, p.age, path.pleaded, path.counsel_kind)
            for n, p, path in zip(names, people_data, paths, strict=True)
        ]
        facts = fact_text(
            rng,
            profile.name,
            actors,
            offence_on=offence_on,
            place=district.full_name,
            tried=tried,
            reviewed=reviewed,
            extra_charges={second: names[:1]} if second else None,
        )
        case = Case(
            number="",
            title=f"{names[0]}{'等' if size > 1 else ''}{profile.name}案",
            region=district.region,
            procuratorate=district.orgs[Organisation.Kind.PROCURATORATE],
            prosecutor=_staff_pick(rng, team.prosecutors, spec.key),
            facts=facts,
            received_on=opened,
        )
        judge = _staff_pick(rng, team.judges, spec.key) if tried else None
        case.judge = judge  # the judge the court's filing assigned: the only one who sees the case
        rows = []
        for i, (name, data, path) in enumerate(zip(names, people_data, paths, strict=True)):
            row = Defendant(
                name=name,
                id_number=data.id_number,
                phone=data.phone,
                birth_date=data.birth_date,
                gender=data.gender,
                ethnicity=data.ethnicity,
                education=data.education,
                occupation=data.occupation,
                detention=path.detention,
                detained_on=path.detained_on,
                released_on=path.released_on,
                stage=path.stage,
                stage_since=path.stage_since(opened),
                procedure=path.procedure,
            )
            own = [charges[profile.name]] + (
                [charges[second]] if second and i == 0 and second in charges else []
            )
            rows.append(PlannedDefendant(row, path, own, _lawyer(rng, people, spec.key, path.counsel_kind)))
        planned.append(PlannedCase(case, judge, rows, appeal_outcome))
    _number_cases(planned)
    return planned


def _plan_retrials(planned: list[PlannedCase], rng: random.Random, cutoff: date) -> None:
    """RETRIALS of the cases whose judgment took effect without an appeal, drawn with their own generator."""
    fits = []
    for case in planned:
        retrial = plan_retrial(rng, [d.path for d in case.defendants], cutoff)
        if retrial is not None:
            fits.append((case, retrial))
    for case, retrial in rng.sample(fits, min(RETRIALS, len(fits))):
        case.retrial = retrial


def _staff_pick(rng, staff: list[User], district_key: str) -> User:
    """The persona (first in the list) of the home and second districts takes a fixed share."""
    if district_key in (HOME_DISTRICT.key, SECOND_DISTRICT.key) and rng.random() < PERSONA_CASE_SHARE:
        return staff[0]
    pool = staff[1:] if district_key in (HOME_DISTRICT.key, SECOND_DISTRICT.key) else staff
    return rng.choice(pool)


def _lawyer(rng, people: People, district_key: str, kind: str) -> User | None:
    if not kind:
        return None
    if kind == "duty":
        duty = people.staff[district_key].duty_lawyers
        if district_key == HOME_DISTRICT.key:
            return duty[0] if rng.random() < PERSONA_COUNSEL_SHARE else rng.choice(duty[1:])
        return rng.choice(duty)
    if district_key == HOME_DISTRICT.key and rng.random() < PERSONA_COUNSEL_SHARE:
        return people.personas["defence_lawyer"]
    return rng.choice(people.defence_lawyers)


def _number_cases(planned: list[PlannedCase]) -> None:
    """Numbers in the procuratorate's style, in order of receipt per year: 示海检刑诉〔2025〕23号."""
    short = {spec.code: spec.short for spec in DISTRICTS}
    counters: Counter = Counter()
    for case in sorted(planned, key=lambda c: (c.row.region.code, c.row.received_on)):
        year = case.row.received_on.year
        counters[(case.row.region.code, year)] += 1
        seq = counters[(case.row.region.code, year)]
        case.row.number = f"{PROVINCE_SHORT}{short[case.row.region.code]}检刑诉〔{year}〕{seq}号"


def _save(planned: list[PlannedCase], rng, people: People, cutoff: date) -> DemoSummary:
    """Every case through the services (intake.py), its steps replayed in time order."""
    events_before = AuditEvent.objects.count()
    planned.sort(key=lambda c: (c.row.received_on, c.row.number))
    key = {spec.code: spec.key for spec in DISTRICTS}
    city = {spec.code: spec.city_code for spec in DISTRICTS}
    police = {
        o.region_id: o
        for o in Organisation.objects.filter(kind=Organisation.Kind.POLICE, region__code__in=key)
    }
    serials: Counter = Counter()
    steps = []
    for index, case in enumerate(planned):
        code = case.row.region.code
        transferred = any(d.path.reached(Stage.PROSECUTION_REVIEW) for d in case.defendants)
        if transferred:
            serials[(code, case.row.received_on.year)] += 1
        team = people.staff[key[code]]
        steps += case_steps(
            index,
            case,
            team,
            police[case.row.region_id],
            appeal_court=people.appeal_courts[city[code]],
            officer=team.legal_aid_officer,
            serial=serials[(code, case.row.received_on.year)],
            rng=rng,
            cutoff=cutoff,
        )
    replay(steps)
    all_defendants = [d for c in planned for d in c.defendants]
    rows = Defendant.objects.in_bulk([d.row.pk for d in all_defendants])
    summary = DemoSummary(
        created=True,
        seed=0,
        today=date.today(),
        cases=len(planned),
        defendants=len(all_defendants),
        assignments=CounselAssignment.objects.filter(defendant__in=rows).count(),
        events=AuditEvent.objects.count() - events_before,  # all written by the services
    )
    for d in all_defendants:
        row = rows[d.row.pk]
        summary.by_charge[d.charges[0].name] += 1
        summary.by_stage[row.stage] += 1
        summary.by_procedure[row.procedure or "—"] += 1
        summary.by_detention[row.detention] += 1
    return summary
