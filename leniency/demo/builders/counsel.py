"""Demo data for the counsel app, built after the demo province exists (see leniency.demo.extensions).

Every demo lawyer gets a registry entry; every district gets workstations and quarterly rotas; each duty
and legal-aid assignment of the base demo becomes a request with a reference number, an allocation, a
participation log, ratings and (once the case is over) a claim. The lawyers in PERFUNCTORY work
perfunctorily (see counsel_patterns.py); the early warnings are then run once, and one warning is taken
through review to a restriction that the lawyer contests.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.apps import apps as django_apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.audit.models import AuditEvent
from leniency.audit.trail import PendingEvent, record_many
from leniency.cases.models import Defendant
from leniency.cases.stages import Stage
from leniency.counsel.defaults import install_defaults
from leniency.counsel.models import (
    Allocation,
    Claim,
    CounselAssignment,
    CounselRequest,
    LawyerProfile,
    ParticipationEntry,
    RaterKind,
    Rating,
    RotaMember,
    RotaPeriod,
    Specialty,
    Station,
    TrainingRecord,
)
from leniency.counsel.pay import Complexity, compute_fee, severity_tier
from leniency.counsel.quality import (
    current_rubric,
    do_contest_warning,
    do_decide_warning,
    do_detect_warnings,
    do_open_review,
    weighted_score,
)
from leniency.counsel.rota import DETAINED
from leniency.counsel.rules import fee_schedule_for
from leniency.demo.builders.counsel_patterns import SIGNING_RATE, plan_work

PROVINCE_CODE = "990000"
# The demo's perfunctory lawyers: the early warnings must catch every one of them and no one else.
PERFUNCTORY = (
    "haigang_duty_lawyer_3",
    "xincheng_duty_lawyer_1",
    "pingchuan_duty_lawyer_2",
    "gaoyuan_duty_lawyer_4",
)
ASSOCIATION_USERNAME = "association_staff"
TRAININGS = ("认罪认罚案件值班律师实务培训", "刑事辩护技能培训", "量刑规范化专题培训", "法律援助质量标准培训")


@dataclass
class Pending:
    """An audit event whose object gets its primary key only after the bulk insert."""

    action: str
    obj: object
    actor: object
    case_id: int | None
    data: dict
    occurred_at: datetime

    def event(self) -> PendingEvent:
        return PendingEvent(
            self.action,
            self.obj._meta.label_lower,
            str(self.obj.pk),
            self.actor,
            self.case_id,
            self.data,
            self.occurred_at,
        )


def _aware(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _moves() -> dict[int, list[tuple[str, date]]]:
    moves: dict[int, list] = defaultdict(list)
    for object_id, data in (
        AuditEvent.objects.filter(action="defendant.stage.changed")
        .values_list("object_id", "data")
        .order_by("seq")
    ):
        moves[int(object_id)].append((data["to"], date.fromisoformat(str(data["as_of"])[:10])))
    return moves


def build(*, seed: int, today, stdout) -> str | None:
    """Add this app's demo rows once; return a one-line summary, or None when there was nothing to add."""
    province = Region.objects.filter(code=PROVINCE_CODE).first()
    if province is None or Station.objects.filter(host__region__parent__parent=province).exists():
        return None
    rng = random.Random(seed * 7 + 6)
    with transaction.atomic():
        install_defaults(django_apps)
        counts = _build(rng, province, today)
    return (
        "counsel: {profiles} lawyers registered, {stations} stations, {periods} rota periods, {requests} requests, "
        "{entries} participation entries, {ratings} ratings, {claims} claims, {warnings} warnings"
    ).format(**counts)


def _build(rng, province, today) -> dict:
    cutoff = _aware(today, 0)
    districts = list(Region.objects.filter(parent__parent=province).order_by("code"))
    orgs = {(o.region_id, o.kind): o for o in Organisation.objects.filter(region__in=[*districts, province])}
    lawyers = list(
        User.objects.filter(
            role__in=[Role.DUTY_LAWYER, Role.DEFENCE_LAWYER], organisation__region=province
        ).order_by("username")
    )
    officers = {
        u.organisation.region_id: u
        for u in User.objects.filter(
            role=Role.LEGAL_AID_OFFICER,
            organisation__kind=Organisation.Kind.LEGAL_AID_CENTRE,
            organisation__region__in=districts,
        ).select_related("organisation")
    }
    # Duty lawyers work in the district of the cases they were given.
    home_of = dict(
        CounselAssignment.objects.filter(kind="duty")
        .values_list("lawyer_id", "defendant__case__region_id")
        .distinct()
    )
    specialties = list(Specialty.objects.all())
    association = User.objects.create(
        username=ASSOCIATION_USERNAME,
        role=Role.LEGAL_AID_OFFICER,
        display_name="律协工作人员",
        password=make_password(None),
        organisation=orgs[(province.pk, Organisation.Kind.LAWYERS_ASSOCIATION)],
    )
    events: list[tuple[datetime, PendingEvent]] = []

    # Registry.
    profiles, trainings = [], []
    for n, user in enumerate(lawyers, start=1):
        region_id = home_of.get(user.pk, province.pk)
        since = date(today.year - rng.randint(2, 18), rng.randint(1, 12), 1)
        duty = user.role == Role.DUTY_LAWYER
        profile = LawyerProfile(
            user=user,
            licence_no=f"199{since.year}{n:06d}{rng.randint(100, 999)}"[:17],
            firm=user.organisation,
            region_id=region_id,
            criminal_practice_since=since,
            duty_accredited=duty,
            accredited_on=since + timedelta(days=365) if duty else None,
            expert=not duty and rng.random() < 0.45,
        )
        if profile.expert:
            profile.expert_note = "擅长疑难复杂案件辩护"
        profiles.append(profile)
    LawyerProfile.objects.bulk_create(profiles)
    through = LawyerProfile.specialties.through
    through.objects.bulk_create(
        through(lawyerprofile_id=p.pk, specialty_id=s.pk)
        for p in profiles
        for s in rng.sample(specialties, rng.randint(1, 3))
    )
    for profile in profiles:
        for title in rng.sample(TRAININGS, rng.randint(1, 3)):
            trainings.append(
                TrainingRecord(
                    profile=profile,
                    title=title,
                    provider="示范省律师协会",
                    hours=Decimal(rng.choice((4, 8, 12, 16))),
                    completed_on=today - timedelta(days=rng.randint(30, 700)),
                )
            )
    TrainingRecord.objects.bulk_create(trainings)

    # Stations and quarterly rota periods, published with a three-day correction window.
    station_rows = []
    for district in districts:
        centre = orgs[(district.pk, Organisation.Kind.LEGAL_AID_CENTRE)]
        for kind in (Station.Kind.DETENTION_CENTRE, Station.Kind.PROCURATORATE, Station.Kind.COURT):
            host = orgs[(district.pk, kind)]
            station_rows.append(
                Station(name=f"{host.name}法律援助工作站", kind=kind, host=host, centre=centre)
            )
    stations = Station.objects.bulk_create(station_rows)
    duty_by_region = defaultdict(list)
    for profile in profiles:
        if profile.duty_accredited and profile.region_id != province.pk:
            duty_by_region[profile.region_id].append(profile.user)
    quarter_starts = []
    start = date(today.year - 2, 1, 1)
    while start <= today + timedelta(days=92):
        quarter_starts.append(start)
        start = date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
    periods, members = [], []
    for station in stations:
        officer = officers[station.host.region_id]
        team = sorted(duty_by_region[station.host.region_id], key=lambda u: u.username)
        for q_start, q_next in zip(quarter_starts, quarter_starts[1:], strict=False):
            future = q_start > today
            published = _aware(q_start - timedelta(days=10), 10)
            periods.append(
                RotaPeriod(
                    station=station,
                    starts_on=q_start,
                    ends_on=q_next - timedelta(days=1),
                    status=RotaPeriod.Status.DRAFT if future else RotaPeriod.Status.PUBLISHED,
                    published_at=None if future else published,
                    correction_until=None if future else published + timedelta(days=3),
                    created_by=officer,
                )
            )
    RotaPeriod.objects.bulk_create(periods)
    for period in periods:
        team = sorted(duty_by_region[period.station.host.region_id], key=lambda u: u.username)
        offset = rng.randrange(len(team)) if team else 0
        members += [
            RotaMember(period=period, lawyer=lawyer, position=i + 1)
            for i, lawyer in enumerate(team[offset:] + team[:offset])
        ]
    RotaMember.objects.bulk_create(members)

    counts = _requests_and_work(rng, events, cutoff, today, stations, officers, association)
    record_many(pending.event() for _, pending in sorted(events, key=lambda item: item[0]))
    warnings = do_detect_warnings(as_of=_aware(today, 7))
    _one_warning_through_the_workflow(warnings, officers, today)
    counts.update(
        profiles=len(profiles), stations=len(stations), periods=len(periods), warnings=len(warnings)
    )
    return counts


def _requests_and_work(rng, events, cutoff, today, stations, officers, association) -> dict:
    perfunctory_ids = set(User.objects.filter(username__in=PERFUNCTORY).values_list("pk", flat=True))
    station_of = {(s.host.region_id, s.kind): s for s in stations}
    moves = _moves()
    schedule = fee_schedule_for(None, today)
    rubric = current_rubric(today)
    criteria = list(rubric.criteria.all())
    judges = defaultdict(list)
    for judge in User.objects.filter(role=Role.JUDGE).order_by("username"):
        judges[judge.organisation_id].append(judge)
    assignments = list(
        CounselAssignment.objects.filter(
            kind__in=["duty", "legal_aid"], defendant__case__region__parent__parent__code=PROVINCE_CODE
        )
        .select_related("defendant__case__prosecutor", "lawyer")
        .prefetch_related("defendant__charges")
        .order_by("assigned_at", "pk")
    )
    case_sizes = dict(Defendant.objects.values("case_id").annotate(n=Count("id")).values_list("case_id", "n"))
    seq_by_year: dict[int, int] = defaultdict(int)
    requests, allocations, entries, ratings, claims = [], [], [], [], []
    work_by_assignment = {}
    for a in assignments:
        d, case = a.defendant, a.defendant.case
        region_id = case.region_id
        detained = d.detained_on is not None and a.assigned_at.date() <= (d.released_on or today)
        path = moves.get(d.pk, [])
        review_end = next(
            (on for to, on in path if to in (Stage.FIRST_INSTANCE, Stage.NON_PROSECUTION)), None
        )
        early = not any(to == Stage.PROSECUTION_REVIEW and on <= a.assigned_at.date() for to, on in path)
        kind = Station.Kind.DETENTION_CENTRE if early and detained else Station.Kind.PROCURATORATE
        station = station_of[(region_id, kind)]
        year = timezone.localtime(a.assigned_at).year
        seq_by_year[year] += 1
        requested_at = a.assigned_at - timedelta(minutes=rng.randint(10, 90))
        hours = 24 if d.detention in DETAINED or detained else 48
        source = (
            CounselRequest.Source.POLICE
            if kind == Station.Kind.DETENTION_CENTRE
            else CounselRequest.Source.PROCURATORATE
        )
        if rng.random() < 0.08:
            source = CounselRequest.Source.DEFENDANT
        request = CounselRequest(
            reference=f"援值〔{year}〕{seq_by_year[year]:05d}号",
            defendant=d,
            station=station,
            source=source,
            work=a.kind,
            requested_by=case.prosecutor or officers[region_id],
            requested_at=requested_at,
            status=CounselRequest.Status.ASSIGNED,
            response_hours=hours,
        )
        requests.append(request)
        signing_day = None
        if review_end is not None and rng.random() < SIGNING_RATE:
            signing_day = _aware(
                review_end - timedelta(days=rng.randint(1, 4)), rng.randint(9, 16), rng.randint(0, 59)
            )
        court_on = next((on for to, on in path if to == Stage.JUDGMENT), None)
        court_day = (
            _aware(court_on - timedelta(days=rng.randint(0, 3)), 9, 30)
            if (court_on and a.kind == "legal_aid" and d.procedure != "expedited")
            else None
        )
        work = plan_work(
            rng,
            perfunctory=a.lawyer_id in perfunctory_ids,
            assigned_at=a.assigned_at,
            cutoff=cutoff,
            signing_day=signing_day,
            detained=detained,
            court_day=court_day,
            response_hours=hours,
        )
        work_by_assignment[a.pk] = (a, request, work)
    CounselRequest.objects.bulk_create(requests, batch_size=1000)

    for a, request, work in work_by_assignment.values():
        d, case = a.defendant, a.defendant.case
        due = a.assigned_at + timedelta(hours=request.response_hours)
        first = work.first_contact()
        if first is not None and first <= due:
            outcome, closed = Allocation.Outcome.MET, first
        elif due < cutoff:
            outcome, closed = Allocation.Outcome.MISSED, due
        else:
            outcome, closed = Allocation.Outcome.PENDING, None
        manual = a.kind == "legal_aid"
        allocations.append(
            Allocation(
                request=request,
                lawyer=a.lawyer,
                assignment=a,
                allocated_at=a.assigned_at,
                due_at=due,
                outcome=outcome,
                closed_at=closed,
                method=Allocation.Method.MANUAL if manual else Allocation.Method.ROTA,
                reason="法律援助机构指派辩护律师" if manual else "",
            )
        )
        officer = officers[case.region_id]
        events.append(
            (
                request.requested_at,
                Pending(
                    "counsel.request.filed",
                    request,
                    request.requested_by,
                    case.pk,
                    {
                        "defendant": d.pk,
                        "reference": request.reference,
                        "source": request.source,
                        "work": request.work,
                        "station": request.station.name,
                    },
                    request.requested_at,
                ),
            )
        )
        events.append(
            (
                a.assigned_at + timedelta(seconds=1),
                Pending(
                    "counsel.allocation.made",
                    allocations[-1],
                    officer,
                    case.pk,
                    {
                        "defendant": d.pk,
                        "reference": request.reference,
                        "lawyer": a.lawyer_id,
                        "lawyer_name": str(a.lawyer),
                        "method": "manual" if manual else "rota",
                        "reason": "",
                        "due_at": due,
                    },
                    a.assigned_at,
                ),
            )
        )
        rows = [
            ParticipationEntry(
                assignment=a,
                service=e.service,
                occurred_at=e.at,
                minutes=e.minutes,
                note=e.note,
                opinion=e.opinion,
                logged_by=a.lawyer,
                logged_at=min(e.at + timedelta(hours=rng.randint(1, 30)), cutoff),
            )
            for e in work.entries
        ]
        entries += rows
        for row in rows:
            events.append(
                (
                    row.logged_at,
                    Pending(
                        "counsel.participation.logged",
                        row,
                        a.lawyer,
                        case.pk,
                        {
                            "defendant": d.pk,
                            "service": row.service,
                            "occurred_at": row.occurred_at,
                            "minutes": row.minutes,
                        },
                        row.logged_at,
                    ),
                )
            )
        if work.signing_at is not None:
            ratings += _ratings(
                rng,
                a,
                work,
                rubric,
                criteria,
                officer,
                association,
                judges,
                cutoff,
                events,
                perfunctory=a.lawyer_id in perfunctory_ids,
            )
        claim = _claim(rng, a, rows, schedule, case_sizes, officer, cutoff, events)
        if claim is not None:
            claims.append(claim)
    Allocation.objects.bulk_create(allocations, batch_size=1000)
    CounselAssignment.objects.filter(allocation__isnull=False, request__isnull=True).update(
        request_id=Subquery(Allocation.objects.filter(assignment_id=OuterRef("pk")).values("request_id")[:1])
    )
    ParticipationEntry.objects.bulk_create(entries, batch_size=2000)
    Rating.objects.bulk_create(ratings, batch_size=1000)
    Claim.objects.bulk_create(claims, batch_size=1000)
    return {
        "requests": len(requests),
        "entries": len(entries),
        "ratings": len(ratings),
        "claims": len(claims),
    }


def _ratings(rng, a, work, rubric, criteria, officer, association, judges, cutoff, events, *, perfunctory):
    case = a.defendant.case
    raters = []
    if case.prosecutor and rng.random() < 0.4:
        raters.append((RaterKind.PROCURATORATE, case.prosecutor))
    if case.court_id and judges[case.court_id] and rng.random() < 0.25:
        raters.append((RaterKind.COURT, rng.choice(judges[case.court_id])))
    if rng.random() < 0.3:
        raters.append((RaterKind.DEFENDANT, officer))
    if rng.random() < 0.06:
        raters.append((RaterKind.ASSOCIATION, association))
    rows = []
    for kind, rater in raters:
        low, high = (1, 3) if perfunctory else (4, 5)
        scores = {c.code: rng.randint(low, high) for c in criteria}
        complaint = perfunctory and kind == RaterKind.DEFENDANT and rng.random() < 0.5
        at = work.signing_at + timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 6))
        if at >= cutoff:
            continue
        comment = "律师只在签字时出现，没有会见过我。" if complaint else ""
        rows.append(
            Rating(
                assignment=a,
                rubric=rubric,
                rater=rater,
                rater_kind=kind,
                scores=scores,
                score=weighted_score(criteria, scores),
                complaint=complaint,
                comment=comment,
                rated_at=at,
            )
        )
        events.append(
            (
                at,
                Pending(
                    "counsel.rating.recorded",
                    rows[-1],
                    rater,
                    case.pk,
                    {
                        "defendant": a.defendant_id,
                        "lawyer": a.lawyer_id,
                        "rater_kind": kind,
                        "score": rows[-1].score,
                        "complaint": complaint,
                    },
                    at,
                ),
            )
        )
    return rows


def _claim(rng, a, rows, schedule, case_sizes, officer, cutoff, events):
    d = a.defendant
    if not rows or d.stage not in (Stage.FINAL, Stage.NON_PROSECUTION, Stage.JUDGMENT, Stage.APPEAL):
        return None
    submitted = max(r.occurred_at for r in rows) + timedelta(days=rng.randint(2, 20))
    if submitted >= cutoff:
        return None

    names = [c.name for c in d.charges.all()]
    complexity = Complexity(
        severity_tier(names), case_sizes.get(d.case_id, 1), len(names), d.procedure, d.detained_on is not None
    )
    amount, multiplier, breakdown = compute_fee(
        schedule,
        services=Counter(r.service for r in rows),
        minutes=sum(r.minutes for r in rows),
        complexity=complexity,
    )
    claim = Claim(
        assignment=a,
        lawyer=a.lawyer,
        schedule=schedule,
        hours=Decimal(breakdown["hours"]),
        multiplier=multiplier,
        amount=amount,
        breakdown=breakdown,
        submitted_at=submitted,
    )
    events.append(
        (
            submitted,
            Pending(
                "counsel.claim.submitted",
                claim,
                a.lawyer,
                d.case_id,
                {"defendant": d.pk, "amount": amount, "multiplier": multiplier, "hours": claim.hours},
                submitted,
            ),
        )
    )
    decided = submitted + timedelta(days=rng.randint(3, 25))
    if decided < cutoff:
        approve = rng.random() < 0.96
        claim.status = Claim.Status.APPROVED if approve else Claim.Status.REJECTED
        claim.decided_by, claim.decided_at = officer, decided
        claim.decision_note = "" if approve else "履职记录与会见登记不符，请核实后重新提交"
        if approve and decided + timedelta(days=10) < cutoff:
            claim.exported_at = decided + timedelta(days=10)
        events.append(
            (
                decided,
                Pending(
                    "counsel.claim.approved" if approve else "counsel.claim.rejected",
                    claim,
                    officer,
                    d.case_id,
                    {"defendant": d.pk, "amount": amount, "note": claim.decision_note},
                    decided,
                ),
            )
        )
    return claim


def _one_warning_through_the_workflow(warnings, officers, today) -> None:
    """Show every step: one warning reviewed and restricted, then contested by the lawyer."""
    for warning in sorted(warnings, key=lambda w: (w.kind != "only_at_signing", w.lawyer_id)):
        profile = LawyerProfile.objects.filter(user_id=warning.lawyer_id).select_related("user").first()
        officer = officers.get(profile.region_id) if profile else None
        if officer is None:
            continue
        at = _aware(today, 8)
        do_open_review(warning, acting_user=officer, as_of=at)
        do_decide_warning(
            warning,
            restrict=True,
            days=60,
            acting_user=officer,
            as_of=at + timedelta(minutes=30),
            reason="多起案件仅在具结书签署时到场，签署前未会见当事人",
        )
        do_contest_warning(
            warning,
            acting_user=profile.user,
            as_of=at + timedelta(hours=1),
            statement="部分案件系电话沟通，未及时登记，请求核实后撤销限制。",
        )
        return


def perfunctory_lawyer_ids() -> set[int]:
    return set(User.objects.filter(username__in=PERFUNCTORY).values_list("pk", flat=True))
