"""The rota: stations, periods published with a correction window, requests, allocation and escalation."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.accounts.models import Organisation
from leniency.audit.trail import record
from leniency.cases.models import Defendant
from leniency.errors import DomainError

from . import access
from .allocation import Candidate, Choice, choose_lawyer
from .models import (
    CONTACT,
    AccessCriterion,
    Allocation,
    ConflictOfInterest,
    CounselAssignment,
    CounselRequest,
    LawyerProfile,
    ParticipationEntry,
    RequestCounter,
    RotaCorrection,
    RotaMember,
    RotaPeriod,
    Severity,
    Station,
)
from .rules import policy_for, restricted_lawyer_ids, unmet_criteria
from .services import do_assign_counsel, do_end_assignment

DETAINED = {Defendant.Detention.CRIMINAL_DETENTION, Defendant.Detention.ARRESTED}
STATION_FOR_HOST = {
    Organisation.Kind.DETENTION_CENTRE: Station.Kind.DETENTION_CENTRE,
    Organisation.Kind.PROCURATORATE: Station.Kind.PROCURATORATE,
    Organisation.Kind.COURT: Station.Kind.COURT,
}


def _now(as_of: datetime | None) -> datetime:
    return as_of or clock.now()


# --- stations and periods -------------------------------------------------------------------------------


def do_create_station(*, host: Organisation, centre: Organisation, acting_user) -> Station:
    access.check_create_station(acting_user, centre)
    with transaction.atomic():
        if host.kind not in STATION_FOR_HOST:
            raise DomainError(_("工作站只能设在看守所、检察院或法院"), field="host")
        if centre.kind != Organisation.Kind.LEGAL_AID_CENTRE:
            raise DomainError(_("派驻机构必须是法律援助中心"), field="centre")
        station = Station.objects.create(
            name=_("%(host)s法律援助工作站") % {"host": host.name},
            kind=STATION_FOR_HOST[host.kind],
            host=host,
            centre=centre,
        )
        record("counsel.station.created", actor=acting_user, obj=station, data={"name": station.name})
    return station


def do_create_rota_period(station: Station, *, starts_on, ends_on, lawyers: list, acting_user) -> RotaPeriod:
    access.check_create_rota_period(acting_user, station)
    with transaction.atomic():
        if ends_on < starts_on:  # also a CheckConstraint
            raise DomainError(_("结束日期不能早于开始日期"), field="ends_on")
        if not lawyers:
            raise DomainError(_("排班至少需要一名律师"), field="lawyers")
        if len({lawyer.pk for lawyer in lawyers}) != len(lawyers):  # also a UniqueConstraint
            raise DomainError(_("同一律师不能重复排班"), field="lawyers")
        profiles = {p.user_id: p for p in LawyerProfile.objects.filter(user__in=lawyers)}
        for lawyer in lawyers:
            profile = profiles.get(lawyer.pk)
            if not lawyer.is_lawyer or profile is None or not profile.duty_accredited:
                raise DomainError(
                    _("%(name)s 未登记为具备值班资格的律师") % {"name": lawyer}, field="lawyers"
                )
        period = RotaPeriod.objects.create(
            station=station, starts_on=starts_on, ends_on=ends_on, created_by=acting_user
        )
        RotaMember.objects.bulk_create(
            RotaMember(period=period, lawyer=lawyer, position=n) for n, lawyer in enumerate(lawyers, start=1)
        )
        record(
            "counsel.rota.created",
            actor=acting_user,
            obj=period,
            data={
                "station": station.name,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "lawyers": [lawyer.pk for lawyer in lawyers],
            },
        )
    return period


def do_publish_rota(period: RotaPeriod, *, acting_user, as_of: datetime | None = None) -> RotaPeriod:
    access.check_publish_rota(acting_user, period)
    as_of = _now(as_of)
    with transaction.atomic():
        locked = RotaPeriod.objects.select_for_update().get(pk=period.pk)
        if locked.status != RotaPeriod.Status.DRAFT:
            raise DomainError(_("排班已经公示"), field="status")
        policy = policy_for(period.station.host.region, as_of.date())
        period.status = RotaPeriod.Status.PUBLISHED
        period.published_at = as_of
        period.correction_until = as_of + timedelta(days=policy.correction_days)
        period.save(update_fields=["status", "published_at", "correction_until"])
        record(
            "counsel.rota.published",
            actor=acting_user,
            obj=period,
            occurred_at=as_of,
            data={"station": period.station.name, "correction_until": period.correction_until},
        )
    return period


def do_request_rota_correction(
    member: RotaMember, *, reason: str, acting_user, as_of: datetime | None = None
) -> RotaCorrection:
    access.check_request_rota_correction(acting_user, member)
    as_of = _now(as_of)
    with transaction.atomic():
        period = RotaPeriod.objects.get(pk=member.period_id)
        if period.status != RotaPeriod.Status.PUBLISHED or as_of > period.correction_until:
            raise DomainError(_("不在排班公示纠错期内"), field="reason")
        if not reason.strip():
            raise DomainError(_("请说明纠错理由"), field="reason")
        correction = RotaCorrection.objects.create(
            member=member, requested_by=acting_user, requested_at=as_of, reason=reason.strip()
        )
        record(
            "counsel.rota.correction_requested",
            actor=acting_user,
            obj=correction,
            occurred_at=as_of,
            data={"period": period.pk, "lawyer": member.lawyer_id, "reason": correction.reason},
        )
    return correction


def do_decide_rota_correction(
    correction: RotaCorrection, *, accept: bool, answer: str, acting_user, as_of: datetime | None = None
) -> RotaCorrection:
    access.check_decide_rota_correction(acting_user, correction)
    as_of = _now(as_of)
    with transaction.atomic():
        locked = RotaCorrection.objects.select_for_update().get(pk=correction.pk)
        if locked.decision != RotaCorrection.Decision.PENDING:
            raise DomainError(_("该纠错申请已处理"), field="decision")
        correction.decision = RotaCorrection.Decision.ACCEPTED if accept else RotaCorrection.Decision.REJECTED
        correction.decided_by, correction.decided_at, correction.answer = acting_user, as_of, answer
        correction.save(update_fields=["decision", "decided_by", "decided_at", "answer"])
        if accept:
            RotaMember.objects.filter(pk=correction.member_id).update(active=False)
        record(
            "counsel.rota.correction_decided",
            actor=acting_user,
            obj=correction,
            occurred_at=as_of,
            data={
                "period": correction.member.period_id,
                "lawyer": correction.member.lawyer_id,
                "decision": correction.decision,
                "answer": answer,
            },
        )
    return correction


# --- requests --------------------------------------------------------------------------------------------


def station_for(defendant: Defendant, source: str) -> Station | None:
    """The workstation that answers a request: the court's once a court asks, the procuratorate's when it
    asks, otherwise the detention centre's for a detained person; falling back to any station of the district."""
    stations = {s.kind: s for s in Station.objects.filter(host__region=defendant.case.region)}
    if source == CounselRequest.Source.COURT:
        preferred = [Station.Kind.COURT, Station.Kind.PROCURATORATE]
    elif source == CounselRequest.Source.PROCURATORATE:
        preferred = [Station.Kind.PROCURATORATE]
    else:
        preferred = [Station.Kind.DETENTION_CENTRE] if defendant.detention in DETAINED else []
        preferred.append(Station.Kind.PROCURATORATE)
    for kind in [*preferred, *Station.Kind.values]:
        if kind in stations:
            return stations[kind]
    return None


def _reference(year: int, n: int) -> str:
    return f"援值〔{year}〕{n:05d}号"


def _highest_number(year: int) -> int:
    """The highest number of the year among the requests already stored (those a bulk load wrote without
    the counter): where the year's counter starts."""
    prefix = _reference(year, 0)[: -len("00000号")]
    highest = (
        CounselRequest.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    return int(highest[len(prefix) : -1]) if highest else 0


def next_reference(as_of: datetime) -> str:
    """The year's next request number, from its counter row, locked until the caller's transaction ends:
    a request filed at the same moment waits for it and takes the number after."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_reference must run inside the transaction that saves the request")
    year = timezone.localtime(as_of).year
    counter, _created = RequestCounter.objects.select_for_update().get_or_create(
        year=year, defaults={"last": lambda: _highest_number(year)}
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return _reference(year, counter.last)


def do_request_counsel(
    defendant: Defendant,
    *,
    source: str,
    acting_user,
    work: str = CounselRequest.Work.DUTY,
    severity: str = Severity.ORDINARY,
    opposed_to_co_defendants: bool = False,
    note: str = "",
    station: Station | None = None,
    as_of: datetime | None = None,
) -> CounselRequest:
    """File a request with a reference number and let the rota assign a lawyer at once."""
    access.check_request_counsel(acting_user, defendant)
    as_of = _now(as_of)
    with transaction.atomic():
        # The defendant's row lock queues requests for the same person, so the guards below see the one
        # filed a moment before (and the constraint one_pending_request_per_defendant stands behind them).
        Defendant.objects.select_for_update().filter(pk=defendant.pk).exists()
        if source not in CounselRequest.Source.values:
            raise DomainError(_("未知的申请来源"), field="source")
        if CounselRequest.objects.filter(
            defendant=defendant, status__in=[CounselRequest.Status.OPEN, CounselRequest.Status.UNFILLED]
        ).exists():
            raise DomainError(_("此人已有待处理的申请"), field="defendant")
        # A duty lawyer helps those without a defence lawyer (CPL art. 36); legal aid appoints one where none
        # is retained.
        active = set(
            CounselAssignment.objects.filter(defendant=defendant, ended_at__isnull=True).values_list(
                "kind", flat=True
            )
        )
        if work == CounselRequest.Work.DUTY and active:
            raise DomainError(_("此人已有律师，无需值班律师"), field="defendant")
        if active & {CounselAssignment.Kind.LEGAL_AID, CounselAssignment.Kind.RETAINED}:
            raise DomainError(_("此人已有辩护人"), field="defendant")
        station = station or station_for(defendant, source)
        if station is None:
            raise DomainError(_("本区没有法律援助工作站"), field="station")
        policy = policy_for(defendant.case.region, timezone.localdate(as_of))
        hours = (
            policy.response_hours_detained
            if defendant.detention in DETAINED
            else policy.response_hours_at_liberty
        )
        request = CounselRequest.objects.create(
            reference=next_reference(as_of),
            defendant=defendant,
            station=station,
            source=source,
            work=work,
            severity=severity,
            opposed_to_co_defendants=opposed_to_co_defendants,
            note=note,
            requested_by=acting_user,
            requested_at=as_of,
            response_hours=hours,
        )
        record(
            "counsel.request.filed",
            actor=acting_user,
            obj=request,
            case_id=defendant.case_id,
            occurred_at=as_of,
            data={
                "defendant": defendant.pk,
                "reference": request.reference,
                "source": source,
                "work": work,
                "station": station.name,
            },
        )
        do_allocate(request, as_of=as_of)
    request.refresh_from_db()
    return request


# --- allocation ------------------------------------------------------------------------------------------


def period_for(station: Station, as_of: datetime) -> RotaPeriod | None:
    day = timezone.localdate(as_of)
    return (
        RotaPeriod.objects.filter(
            station=station, status=RotaPeriod.Status.PUBLISHED, starts_on__lte=day, ends_on__gte=day
        )
        .order_by("-starts_on", "-id")
        .first()
    )


def conflicted_lawyers(request: CounselRequest, as_of: datetime) -> set[int]:
    """The victim's lawyers and related parties, and — where interests are opposed — co-defendants' lawyers."""
    case_id = request.defendant.case_id
    ties = ConflictOfInterest.objects.filter(case_id=case_id).exclude(withdrawn_at__lte=as_of)
    ids = set(ties.values_list("lawyer_id", flat=True))
    others = Defendant.objects.filter(case_id=case_id).exclude(pk=request.defendant_id)
    opposed = (
        request.opposed_to_co_defendants
        or CounselRequest.objects.filter(defendant__in=others, opposed_to_co_defendants=True).exists()
    )
    if opposed:
        active = CounselAssignment.objects.filter(defendant__in=others, assigned_at__lte=as_of).exclude(
            ended_at__lte=as_of
        )
        ids |= set(active.values_list("lawyer_id", flat=True))
    return ids


def rota_inputs(request: CounselRequest, as_of: datetime) -> tuple[list[Candidate], int, set[int], set[int]]:
    """The pure allocation's inputs, read from the database as they stood at `as_of`."""
    policy = policy_for(request.defendant.case.region, timezone.localdate(as_of))
    period = period_for(request.station, as_of)
    if period is None:
        return [], policy.workload_cap, set(), set()
    members = list(period.members.filter(active=True).select_related("lawyer"))
    ids = [m.lawyer_id for m in members]
    profiles = {p.user_id: p for p in LawyerProfile.objects.filter(user_id__in=ids)}
    criteria = list(AccessCriterion.objects.filter(active=True))
    restricted = restricted_lawyer_ids(timezone.localdate(as_of))
    window_start = as_of - timedelta(days=policy.workload_window_days)
    loads = dict(
        CounselAssignment.objects.filter(
            lawyer_id__in=ids, assigned_at__gt=window_start, assigned_at__lte=as_of
        )
        .exclude(kind=CounselAssignment.Kind.RETAINED)
        .exclude(ended_at__lte=as_of)
        .values_list("lawyer_id")
        .annotate(n=Count("id"))
        .values_list("lawyer_id", "n")
    )
    last = dict(
        Allocation.objects.filter(lawyer_id__in=ids, method=Allocation.Method.ROTA, allocated_at__lte=as_of)
        .values_list("lawyer_id")
        .annotate(at=Max("allocated_at"))
        .values_list("lawyer_id", "at")
    )
    day = timezone.localdate(as_of)
    candidates = []
    for member in members:
        profile = profiles.get(member.lawyer_id)
        eligible = (
            profile is not None
            and member.lawyer_id not in restricted
            and not unmet_criteria(
                profile, work=request.work, severity=request.severity, as_of=day, criteria=criteria
            )
        )
        candidates.append(
            Candidate(
                lawyer_id=member.lawyer_id,
                position=member.position,
                load=loads.get(member.lawyer_id, 0),
                last_allocated_at=last.get(member.lawyer_id),
                eligible=eligible,
                available=bool(profile and profile.available),
                unavailable_until=profile.unavailable_until if profile else None,
            )
        )
    excluded = set(request.allocations.values_list("lawyer_id", flat=True))
    excluded |= set(
        CounselAssignment.objects.filter(defendant=request.defendant, ended_at__isnull=True).values_list(
            "lawyer_id", flat=True
        )
    )
    return candidates, policy.workload_cap, conflicted_lawyers(request, as_of), excluded


def preview_allocation(request: CounselRequest, as_of: datetime) -> Choice:
    candidates, cap, conflicted, excluded = rota_inputs(request, as_of)
    return choose_lawyer(candidates, cap=cap, as_of=as_of, conflicted=conflicted, excluded=excluded)


def do_allocate(
    request: CounselRequest, *, as_of: datetime | None = None, acting_user=None
) -> Allocation | None:
    """Assign the next lawyer of the rota (STYLE.md's do_assign_duty_lawyer); None leaves the request unfilled."""
    as_of = _now(as_of)
    with transaction.atomic():
        _lock_waiting_request(request)
        choice = preview_allocation(request, as_of)
        if choice.lawyer_id is None:
            request.status = CounselRequest.Status.UNFILLED
            request.save(update_fields=["status"])
            record(
                "counsel.request.unfilled",
                actor=acting_user,
                obj=request,
                case_id=request.defendant.case_id,
                occurred_at=as_of,
                data={
                    "defendant": request.defendant_id,
                    "reference": request.reference,
                    "reason": choice.reason,
                },
            )
            return None
        lawyer = LawyerProfile.objects.select_related("user").get(user_id=choice.lawyer_id).user
        return _allocate(
            request, lawyer, method=Allocation.Method.ROTA, reason="", acting_user=acting_user, as_of=as_of
        )


def _lock_waiting_request(request: CounselRequest) -> None:
    """Lock the request's row (an allocation at the same moment waits) and check it waits for a lawyer: not
    withdrawn, and no lawyer still due to answer it (also the constraint one_pending_allocation_per_request)."""
    status = CounselRequest.objects.select_for_update().values_list("status", flat=True).get(pk=request.pk)
    if status == CounselRequest.Status.CANCELLED:
        raise DomainError(_("该申请已撤回"), field="request")
    if request.allocations.filter(outcome=Allocation.Outcome.PENDING).exists():
        raise DomainError(_("该申请已指派律师，尚待响应"), field="request")


def _allocate(request, lawyer, *, method, reason, acting_user, as_of) -> Allocation:
    assignment = do_assign_counsel(
        request.defendant,
        lawyer=lawyer,
        kind=request.work,
        acting_user=acting_user,
        as_of=as_of,
        request=request,
    )
    allocation = Allocation.objects.create(
        request=request,
        lawyer=lawyer,
        assignment=assignment,
        method=method,
        reason=reason,
        allocated_at=as_of,
        due_at=as_of + timedelta(hours=request.response_hours),
    )
    request.status = CounselRequest.Status.ASSIGNED
    request.save(update_fields=["status"])
    record(
        "counsel.allocation.made",
        actor=acting_user,
        obj=allocation,
        case_id=request.defendant.case_id,
        occurred_at=as_of,
        data={
            "defendant": request.defendant_id,
            "reference": request.reference,
            "lawyer": lawyer.pk,
            "lawyer_name": str(lawyer),
            "method": method,
            "reason": reason,
            "due_at": allocation.due_at,
        },
    )
    return allocation


def close_allocation(
    allocation: Allocation, *, outcome: str, closed_at: datetime, acting_user, as_of, reason=""
) -> None:
    """Save an allocation's outcome and its audit event (counsel.allocation.met / missed / replaced)."""
    allocation.outcome, allocation.closed_at = outcome, closed_at
    allocation.save(update_fields=["outcome", "closed_at"])
    request = allocation.request
    record(
        f"counsel.allocation.{outcome}",
        actor=acting_user,
        obj=allocation,
        case_id=request.defendant.case_id,
        occurred_at=as_of,
        data={
            "defendant": request.defendant_id,
            "reference": request.reference,
            "lawyer": allocation.lawyer_id,
            "lawyer_name": str(allocation.lawyer),
            "due_at": allocation.due_at,
            "closed_at": closed_at,
            "reason": reason,
        },
    )


def _release_current(request, *, outcome, acting_user, reason, as_of) -> None:
    for allocation in request.allocations.filter(outcome=Allocation.Outcome.PENDING).select_related(
        "assignment", "lawyer"
    ):
        close_allocation(
            allocation, outcome=outcome, closed_at=as_of, acting_user=acting_user, as_of=as_of, reason=reason
        )
        if allocation.assignment is not None and allocation.assignment.ended_at is None:
            do_end_assignment(allocation.assignment, acting_user=acting_user, reason=reason, as_of=as_of)


def do_override_allocation(
    request: CounselRequest, *, lawyer, reason: str, acting_user, as_of: datetime | None = None
) -> Allocation:
    """The centre assigns a lawyer by hand, with a reason; access criteria and conflicts still apply."""
    access.check_override_allocation(acting_user, request)
    as_of = _now(as_of)
    with transaction.atomic():
        status = (
            CounselRequest.objects.select_for_update().values_list("status", flat=True).get(pk=request.pk)
        )
        if status == CounselRequest.Status.CANCELLED:
            raise DomainError(_("该申请已撤回"), field="request")
        if not reason.strip():
            raise DomainError(_("人工指派必须说明理由"), field="reason")
        profile = LawyerProfile.objects.filter(user=lawyer).first()
        day = timezone.localdate(as_of)
        if unmet_criteria(profile, work=request.work, severity=request.severity, as_of=day):
            raise DomainError(_("%(name)s 不符合此项工作的准入条件") % {"name": lawyer}, field="lawyer")
        if lawyer.pk in conflicted_lawyers(request, as_of):
            raise DomainError(_("%(name)s 与本案存在利益冲突") % {"name": lawyer}, field="lawyer")
        if lawyer.pk in restricted_lawyer_ids(day):
            raise DomainError(_("%(name)s 正被限制指派") % {"name": lawyer}, field="lawyer")
        _release_current(
            request,
            outcome=Allocation.Outcome.REPLACED,
            acting_user=acting_user,
            reason=_("人工改派：%(reason)s") % {"reason": reason},
            as_of=as_of,
        )
        return _allocate(
            request,
            lawyer,
            method=Allocation.Method.MANUAL,
            reason=reason.strip(),
            acting_user=acting_user,
            as_of=as_of,
        )


def contact_by(allocation: Allocation) -> datetime | None:
    if allocation.assignment_id is None:
        return None
    first = (
        ParticipationEntry.objects.filter(assignment_id=allocation.assignment_id, service__in=CONTACT)
        .order_by("occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    return first


def do_escalate_overdue(*, as_of: datetime | None = None, acting_user=None) -> list[Allocation]:
    """Close every allocation whose response deadline passed: met if the lawyer made contact in time, else
    missed — the assignment ends and the request goes to the next lawyer of the rota."""
    as_of = _now(as_of)
    escalated = []
    overdue = (
        Allocation.objects.filter(outcome=Allocation.Outcome.PENDING, due_at__lt=as_of)
        .select_related("request__defendant", "assignment", "lawyer")
        .order_by("due_at", "id")
    )
    for allocation in overdue:
        with transaction.atomic():
            # An escalation running at the same moment (or the lawyer's contact being logged) may have closed
            # it since the list was read: lock it and look again.
            if (
                not Allocation.objects.select_for_update()
                .filter(pk=allocation.pk, outcome=Allocation.Outcome.PENDING)
                .exists()
            ):
                continue
            first = contact_by(allocation)
            if first is not None and first <= allocation.due_at:
                close_allocation(
                    allocation,
                    outcome=Allocation.Outcome.MET,
                    closed_at=first,
                    acting_user=acting_user,
                    as_of=as_of,
                )
                continue
            request = allocation.request
            close_allocation(
                allocation,
                outcome=Allocation.Outcome.MISSED,
                closed_at=as_of,
                acting_user=acting_user,
                as_of=as_of,
            )
            if allocation.assignment is not None and allocation.assignment.ended_at is None:
                do_end_assignment(
                    allocation.assignment,
                    acting_user=acting_user,
                    reason=_("超过响应时限未联系当事人"),
                    as_of=as_of,
                )
            do_allocate(request, as_of=as_of, acting_user=acting_user)
            escalated.append(allocation)
    return escalated
